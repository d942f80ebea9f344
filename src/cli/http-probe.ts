/**
 * One HTTP request of `verify`, bounded: a deadline for the whole exchange
 * (connect, headers and body), at most {@link MAX_BODY_BYTES} of body read
 * (then the connection is dropped; nothing is kept), no redirect followed.
 * A request that gets no HTTP answer says why, in a few words: DNS, refused,
 * reset, TLS, timeout, an answer that is not HTTP, or network.
 */
import { printable } from './printable';

/** Body bytes read per response before the rest is dropped (the checks use status and headers only). */
export const MAX_BODY_BYTES = 64 * 1024;

/** Per request, unless `--timeout` says otherwise. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Why a request got no HTTP answer. */
export type UnreachableKind = 'dns' | 'refused' | 'reset' | 'tls' | 'timeout' | 'protocol' | 'network';

export interface Unreachable {
  readonly kind: UnreachableKind;
  /** What happened, printable: `connection refused (ECONNREFUSED)`. */
  readonly detail: string;
}

/** An HTTP answer (status and headers), or why there was none. */
export interface ProbeResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly unreachable?: Unreachable;
  /** The body was longer than the cap and was cut off. */
  readonly truncated?: boolean;
}

export interface ProbeOptions {
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly fetch: typeof fetch;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const TLS_CODE = /^(?:ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|EPROTO$)/;
/** The HTTP parser's refusals (`HPE_INVALID_HEADER_TOKEN`, ...): bytes came back, but not HTTP. */
const PROTOCOL_CODE = /^(?:HPE_|UND_ERR_INFO|UND_ERR_RES_)/;

const WORDS: Readonly<Record<UnreachableKind, string>> = {
  dns: 'DNS lookup failed',
  refused: 'connection refused',
  reset: 'connection reset',
  tls: 'TLS handshake failed',
  timeout: 'no answer in time',
  protocol: 'the answer is not valid HTTP',
  network: 'network error',
};

interface ErrorLike {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
  readonly errors?: unknown;
  readonly name?: unknown;
}

/** The innermost error with a code: fetch's `TypeError: fetch failed` wraps the socket's error (or an AggregateError of one per address). */
function rootCause(e: unknown): ErrorLike {
  let current = (e ?? {}) as ErrorLike;
  for (let depth = 0; depth < 5; depth++) {
    if (typeof current.code === 'string') return current;
    const next = current.cause ?? (Array.isArray(current.errors) ? current.errors[0] : undefined);
    if (!next || typeof next !== 'object') return current;
    current = next as ErrorLike;
  }
  return current;
}

/** Why a fetch that threw got no answer. */
export function classifyFetchError(e: unknown, timedOut: boolean, timeoutMs: number): Unreachable {
  if (timedOut) return { kind: 'timeout', detail: `no answer within ${timeoutMs / 1000} s` };
  const cause = rootCause(e);
  const code = typeof cause.code === 'string' ? cause.code : undefined;
  const message = typeof cause.message === 'string' ? cause.message : String(e);
  let kind: UnreachableKind = 'network';
  if (code && DNS_CODES.has(code)) kind = 'dns';
  else if (code === 'ECONNREFUSED') kind = 'refused';
  else if (code && RESET_CODES.has(code)) kind = 'reset';
  else if (code && TIMEOUT_CODES.has(code)) kind = 'timeout';
  else if (code && PROTOCOL_CODE.test(code)) kind = 'protocol';
  else if ((code && TLS_CODE.test(code)) || /\b(?:TLS|SSL|certificate)\b/i.test(message)) kind = 'tls';
  const why = kind === 'tls' || kind === 'network' || kind === 'protocol' ? `${code ? `${code}: ` : ''}${message}` : code ?? message;
  return { kind, detail: printable(`${WORDS[kind]} (${why.length > 160 ? `${why.slice(0, 159)}…` : why})`) };
}

/**
 * Reads at most `max` bytes of a body, keeping none of them, then drops the
 * rest; a body the deadline or the server cuts short still leaves the
 * status and headers that came before it.
 */
async function drain(body: ReadableStream<Uint8Array> | null, max: number): Promise<boolean> {
  if (!body) return false;
  const reader = body.getReader();
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      read += value.byteLength;
      if (read > max) {
        await reader.cancel().catch(() => undefined);
        return true;
      }
    }
  } catch {
    return false;
  } finally {
    reader.releaseLock();
  }
}

export interface ProbeRequest {
  readonly method: string;
  readonly headers?: Record<string, string>;
  readonly body?: Uint8Array;
}

/** One request with the deadline and the body cap. Never throws. */
export async function probe(url: string, init: ProbeRequest, options: ProbeOptions): Promise<ProbeResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    const res = await options.fetch(url, { method: init.method, headers: init.headers ?? {}, body: init.body, redirect: 'manual', signal: controller.signal });
    const truncated = await drain(res.body, options.maxBodyBytes);
    return { status: res.status, headers: res.headers, ...(truncated ? { truncated } : {}) };
  } catch (e) {
    return { status: 0, headers: new Headers(), unreachable: classifyFetchError(e, timedOut, options.timeoutMs) };
  } finally {
    clearTimeout(timer);
  }
}
