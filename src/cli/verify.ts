/**
 * Checks deployed replay storage from outside, the way the replay player and
 * the backends meet it: CORS preflight from the dashboard origin, refusal of
 * other origins and of write methods, anonymous reads only on the public
 * role, no listing anywhere, and signed uploads.
 */

/** How a storage service lists a bucket or container. */
export type StorageService = 's3' | 'azure' | 'gcs';

/** One bucket (or container) role to check. */
export interface VerifyTarget {
  /** Role name, e.g. `assets`, `recordings`, `userFiles`. */
  readonly role: string;
  /** Browser base URL of the bucket or container (the part before an object key). */
  readonly url: string;
  /** Whether anonymous object reads must succeed (only the public role). */
  readonly public: boolean;
  /** Object key to probe; on the public role it must exist. */
  readonly probeKey: string;
  /** A presigned GET URL of an object here, fetched with the dashboard origin. */
  readonly signedGetUrl?: string;
}

/** A presigned (S3, GCS) or SAS (Azure) upload URL to try. */
export interface SignedPut {
  readonly role: string;
  readonly url: string;
  /** Headers the signature covers or the service needs (Azure adds `x-ms-blob-type`). */
  readonly headers?: Record<string, string>;
}

export interface VerifyPlan {
  readonly targets: readonly VerifyTarget[];
  /** The dashboard origin the player runs on; must be allowed. */
  readonly origin: string;
  /** An origin that must be refused. */
  readonly otherOrigin: string;
  /** Methods the dashboard origin must be allowed (OpenReplay GET; LogRocket GET, HEAD). */
  readonly methods: readonly string[];
  /** How to list; detected from each URL's host when absent. */
  readonly service?: StorageService;
  readonly signedPut?: SignedPut;
}

export type Verdict = 'PASS' | 'FAIL' | 'WARN';

/** Stable check ids (with the method appended for `preflight`). */
export type CheckId =
  | 'preflight'
  | 'preflight-other-origin'
  | 'preflight-write'
  | 'anonymous-get'
  | 'cors-get'
  | 'vary-origin'
  | 'listing'
  | 'signed-get'
  | 'signed-put'
  | 'signed-put-tampered';

export interface CheckResult {
  /** `preflight:GET`, `anonymous-get`, ... */
  readonly id: string;
  readonly check: string;
  readonly role: string;
  readonly url: string;
  readonly expected: string;
  readonly got: string;
  readonly verdict: Verdict;
  /** Why it matters or what to do, when not PASS. */
  readonly note?: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly origin: string;
  readonly otherOrigin: string;
  readonly counts: Record<Verdict, number>;
  readonly results: CheckResult[];
}

export interface VerifyOptions {
  /** Per request. */
  readonly timeoutMs?: number;
  /** Swappable for tests; the global `fetch` by default. */
  readonly fetch?: typeof fetch;
}

/** Methods a browser sends without a preflight when no custom header is set. */
const SIMPLE_METHODS = ['GET', 'HEAD', 'POST'];

/** The body of a signed test upload. */
export const PROBE_BODY = 'replay-storage verify probe\n';

interface Response {
  readonly status: number;
  readonly headers: Headers;
  readonly error?: string;
}

/** `.../bucket/` + `key`, each key segment encoded. */
export function objectUrl(base: string, key: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return root + key.split('/').map(encodeURIComponent).join('/');
}

/** Detects the listing flavour from a URL's host. */
export function detectService(url: string): StorageService {
  const host = new URL(url).hostname;
  if (/\.blob\./.test(host)) return 'azure';
  if (host === 'storage.googleapis.com' || host.endsWith('.storage.googleapis.com')) return 'gcs';
  return 's3';
}

/** The anonymous list request of a bucket or container. */
export function listUrl(base: string, service: StorageService): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (service === 'azure') return `${root.replace(/\/$/, '')}?restype=container&comp=list`;
  return root;
}

/** The signed URL with its signature changed, or undefined when it has none. */
export function tamperSignature(url: string): string | undefined {
  const m = /([?&](?:X-Amz-Signature|X-Goog-Signature|Signature|sig)=)([^&])/i.exec(url);
  if (!m) return undefined;
  const replacement = m[2] === 'A' ? 'B' : 'A';
  return url.slice(0, m.index) + m[1] + replacement + url.slice(m.index + m[0].length);
}

function header(r: Response, name: string): string | undefined {
  return r.headers.get(name) ?? undefined;
}

function varyHasOrigin(r: Response): boolean {
  return (header(r, 'vary') ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .some((v) => v === 'origin' || v === '*');
}

function ok2xx(r: Response): boolean {
  return r.status >= 200 && r.status < 300;
}

function allowsOrigin(r: Response, origin: string): boolean {
  const acao = header(r, 'access-control-allow-origin');
  return acao === origin || acao === '*';
}

function shownStatus(r: Response): string {
  return r.error ? `no response (${r.error})` : String(r.status);
}

function corsSummary(r: Response): string {
  if (r.error) return shownStatus(r);
  const parts = [`${r.status}`, `Allow-Origin: ${header(r, 'access-control-allow-origin') ?? '(none)'}`];
  const methods = header(r, 'access-control-allow-methods');
  if (methods !== undefined) parts.push(`Allow-Methods: ${methods}`);
  return parts.join(', ');
}

function methodList(r: Response): string[] {
  return (header(r, 'access-control-allow-methods') ?? '').split(',').map((m) => m.trim().toUpperCase()).filter(Boolean);
}

/** A check that expects refusal: no answer at all proves nothing. */
function refusedVerdict(r: Response, allowed: boolean): Verdict {
  return r.error || allowed ? 'FAIL' : 'PASS';
}

class Checker {
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(private readonly plan: VerifyPlan, options: VerifyOptions) {
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  private async request(url: string, method: string, headers: Record<string, string> = {}, body?: Uint8Array): Promise<Response> {
    try {
      const res = await this.fetchImpl(url, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
      // Drain the body so the connection is released.
      await res.arrayBuffer().catch(() => undefined);
      return { status: res.status, headers: res.headers };
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      return { status: 0, headers: new Headers(), error: err.cause?.code ?? err.cause?.message ?? err.message };
    }
  }

  private result(
    t: { role: string }, id: string, check: string, url: string, expected: string, got: string, verdict: Verdict, note?: string,
  ): CheckResult {
    return { id, check, role: t.role, url, expected, got, verdict, ...(note && verdict !== 'PASS' ? { note } : {}) };
  }

  public async target(t: VerifyTarget): Promise<CheckResult[]> {
    const { origin, otherOrigin } = this.plan;
    const probe = objectUrl(t.url, t.probeKey);
    const service = this.plan.service ?? detectService(t.url);

    const preflight = (o: string, method: string) =>
      this.request(probe, 'OPTIONS', { 'Origin': o, 'Access-Control-Request-Method': method });

    const [allowed, other, write, anonymous, corsGet, list, signedGet] = await Promise.all([
      Promise.all(this.plan.methods.map((m) => preflight(origin, m))),
      preflight(otherOrigin, 'GET'),
      preflight(origin, 'PUT'),
      this.request(probe, 'GET'),
      t.public ? this.request(probe, 'GET', { Origin: origin }) : undefined,
      this.request(listUrl(t.url, service), 'GET'),
      t.signedGetUrl ? this.request(t.signedGetUrl, 'GET', { Origin: origin }) : undefined,
    ]);

    const results: CheckResult[] = [];
    this.plan.methods.forEach((method, i) => {
      const r = allowed[i];
      const upper = method.toUpperCase();
      const methodOk = methodList(r).length === 0 ? SIMPLE_METHODS.includes(upper) : methodList(r).some((m) => m === upper || m === '*');
      const pass = ok2xx(r) && allowsOrigin(r, origin) && methodOk;
      results.push(
        this.result(t, `preflight:${upper}`, `preflight ${upper} from dashboard origin`, probe, `2xx, Allow-Origin: ${origin}, ${upper} allowed`, corsSummary(r), pass ? 'PASS' : 'FAIL',
          `The replay player on ${origin} cannot ${upper} from this ${t.role} URL; the CORS rules must list this origin and method.`),
      );
    });

    const otherAllowed = ok2xx(other) && allowsOrigin(other, otherOrigin);
    results.push(
      this.result(t, 'preflight-other-origin', 'preflight GET from another origin', probe, 'refused (no Allow-Origin for it)', corsSummary(other), refusedVerdict(other, otherAllowed),
        `${otherOrigin} is let in: the CORS rules allow more than the dashboard origin${header(other, 'access-control-allow-origin') === '*' ? " ('*')" : ''}.`),
    );

    const writeAllowed = ok2xx(write) && allowsOrigin(write, origin) && methodList(write).some((m) => m === 'PUT' || m === '*');
    results.push(
      this.result(t, 'preflight-write', 'preflight PUT from dashboard origin', probe, 'refused (browsers only read)', corsSummary(write), refusedVerdict(write, writeAllowed),
        'CORS allows browser writes; replay needs only GET (and HEAD).'),
    );

    if (t.public) {
      const pass = anonymous.status === 200;
      let note = `Browsers load objects of the ${t.role} bucket by unsigned URL; anonymous GET must answer 200.`;
      if (anonymous.status === 404) note = `No object '${t.probeKey}' in the ${t.role} bucket: upload one (or pass --probe-key <existing key>) and run again.`;
      if (anonymous.status === 403) {
        note += ` S3 also answers 403 for a missing object when listing is refused: make sure '${t.probeKey}' exists (or pass --probe-key <existing key>).`;
      }
      results.push(this.result(t, 'anonymous-get', 'anonymous GET of an object', probe, '200', shownStatus(anonymous), pass ? 'PASS' : 'FAIL', note));
    } else {
      const refused = !anonymous.error && anonymous.status >= 400 && anonymous.status < 500;
      results.push(
        this.result(t, 'anonymous-get', 'anonymous GET of an object', probe, 'refused (4xx)', shownStatus(anonymous), refused ? 'PASS' : 'FAIL',
          `The ${t.role} bucket must stay private: only signed URLs may read it.`),
      );
    }

    if (corsGet) {
      const pass = corsGet.status === 200 && allowsOrigin(corsGet, origin);
      results.push(
        this.result(t, 'cors-get', 'GET with dashboard Origin', probe, `200, Allow-Origin: ${origin}`, corsSummary(corsGet), pass ? 'PASS' : 'FAIL',
          'Fonts and fetch() from the player need this CORS answer.'),
      );
      // A cached response to a request without Origin that lacks both
      // Allow-Origin and `Vary: Origin` breaks a later CORS load of the URL.
      const plainCachedUnsafe = !anonymous.error && anonymous.status === 200 && !varyHasOrigin(anonymous) && header(anonymous, 'access-control-allow-origin') !== '*';
      const corsUnsafe = corsGet.status === 200 && header(corsGet, 'access-control-allow-origin') === origin && !varyHasOrigin(corsGet);
      const got = [
        `without Origin: ${header(anonymous, 'vary') ? `Vary: ${header(anonymous, 'vary')}` : 'no Vary'}`,
        `with Origin: ${header(corsGet, 'vary') ? `Vary: ${header(corsGet, 'vary')}` : 'no Vary'}`,
      ].join('; ');
      if (!anonymous.error && !corsGet.error) {
        results.push(
          this.result(t, 'vary-origin', 'Vary: Origin on object responses', probe, 'Vary: Origin on every response', got, plainCachedUnsafe || corsUnsafe ? 'WARN' : 'PASS',
            'A browser or CDN that caches a plain <img>/<link> load of this URL (no Origin, no Vary: Origin) can serve that copy to a later font or fetch() load, which then fails CORS. ' +
              'Serve assets through a CDN that forwards Origin and varies on it, or send Cache-Control: no-cache on them.'),
        );
      }
    }

    const listed = ok2xx(list);
    results.push(
      this.result(t, 'listing', 'anonymous listing', listUrl(t.url, service), 'refused', shownStatus(list), refusedVerdict(list, listed),
        `Anyone can list the ${t.role} bucket's keys; public read must cover objects only.`),
    );

    if (signedGet) {
      const pass = signedGet.status === 200 && allowsOrigin(signedGet, origin);
      results.push(
        this.result(t, 'signed-get', 'signed GET with dashboard Origin', t.signedGetUrl!, `200, Allow-Origin: ${origin}`, corsSummary(signedGet), pass ? 'PASS' : 'FAIL',
          'The player fetch()es recordings by presigned URL; they need this CORS answer.'),
      );
    }
    return results;
  }

  public async signedPut(put: SignedPut): Promise<CheckResult[]> {
    const service = this.plan.service ?? detectService(put.url);
    const headers: Record<string, string> = { ...(service === 'azure' || /[?&]sv=/.test(put.url) ? { 'x-ms-blob-type': 'BlockBlob' } : {}), ...put.headers };
    const body = new TextEncoder().encode(PROBE_BODY);
    const tampered = tamperSignature(put.url);
    const [valid, bad] = await Promise.all([
      this.request(put.url, 'PUT', headers, body),
      tampered ? this.request(tampered, 'PUT', headers, body) : undefined,
    ]);
    const shown = put.url.replace(/\?.*$/, '?…');
    const results = [
      this.result(put, 'signed-put', 'signed PUT upload', shown, '2xx', shownStatus(valid), ok2xx(valid) ? 'PASS' : 'FAIL',
        'The backend-signed upload is refused: check the credentials, the URL expiry, and any policy that limits writes (VPC endpoint, source IP).'),
    ];
    if (bad) {
      const refused = bad.status === 401 || bad.status === 403;
      results.push(
        this.result(put, 'signed-put-tampered', 'PUT with a tampered signature', shown, 'refused (401/403)', shownStatus(bad), refused ? 'PASS' : 'FAIL',
          'An upload with a wrong signature was not refused: the bucket accepts unsigned writes.'),
      );
    } else {
      results.push(this.result(put, 'signed-put-tampered', 'PUT with a tampered signature', shown, 'refused (401/403)', 'no signature parameter in the URL', 'WARN',
        'Pass a presigned (X-Amz-Signature, X-Goog-Signature) or SAS (sig) URL to check that wrong signatures are refused.'));
    }
    return results;
  }
}

/** Runs every check of the plan and reports each verdict. */
export async function verify(plan: VerifyPlan, options: VerifyOptions = {}): Promise<VerifyReport> {
  const checker = new Checker(plan, options);
  const perTarget = await Promise.all(plan.targets.map((t) => checker.target(t)));
  const results = perTarget.flat();
  if (plan.signedPut) results.push(...(await checker.signedPut(plan.signedPut)));
  const counts: Record<Verdict, number> = { PASS: 0, FAIL: 0, WARN: 0 };
  for (const r of results) counts[r.verdict]++;
  return { ok: counts.FAIL === 0, origin: plan.origin, otherOrigin: plan.otherOrigin, counts, results };
}
