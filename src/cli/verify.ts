/**
 * Checks deployed replay storage from outside, the way the replay player and
 * the backends meet it: CORS preflight from the dashboard origin, refusal of
 * other origins and of write methods, anonymous reads only on the public
 * role, no listing anywhere, and signed uploads. A request that gets no
 * HTTP answer makes its checks UNREACHABLE, never PASS or FAIL.
 */
import { DEFAULT_TIMEOUT_MS, MAX_BODY_BYTES, probe as send, type ProbeOptions, type ProbeResponse } from './http-probe';
import type { CheckResult, SignedPut, Verdict, VerifyOptions, VerifyPlan, VerifyReport, VerifyStatus, VerifyTarget } from './verify-types';
import { detectService, listUrl, objectUrl, redactSigned, tamperSignature } from './verify-urls';

export type { CheckId, CheckResult, SignedPut, StorageService, Verdict, VerifyOptions, VerifyPlan, VerifyReport, VerifyStatus, VerifyTarget } from './verify-types';
export { detectService, listUrl, objectUrl, redactSigned, tamperSignature } from './verify-urls';

/** Methods a browser sends without a preflight when no custom header is set. */
const SIMPLE_METHODS = ['GET', 'HEAD', 'POST'];

/** The body of a signed test upload. */
export const PROBE_BODY = 'replay-storage verify probe\n';

type Response = ProbeResponse;

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
  return r.unreachable ? `no answer (${r.unreachable.detail})` : String(r.status);
}

function corsSummary(r: Response): string {
  if (r.unreachable) return shownStatus(r);
  const parts = [`${r.status}`, `Allow-Origin: ${header(r, 'access-control-allow-origin') ?? '(none)'}`];
  const methods = header(r, 'access-control-allow-methods');
  if (methods !== undefined) parts.push(`Allow-Methods: ${methods}`);
  return parts.join(', ');
}

function methodList(r: Response): string[] {
  return (header(r, 'access-control-allow-methods') ?? '').split(',').map((m) => m.trim().toUpperCase()).filter(Boolean);
}

/** A check that expects refusal. */
function refusedVerdict(allowed: boolean): Verdict {
  return allowed ? 'FAIL' : 'PASS';
}

/** The note of a check whose request got no answer: nothing about the configuration is known. */
function unreachableNote(r: Response): string {
  const why = r.unreachable!.kind === 'timeout' ? 'raise --timeout if the storage is slow, or ' : '';
  return `No HTTP answer (${r.unreachable!.detail}): this check learned nothing about the storage's configuration; ${why}check the URL, DNS, network, proxy and TLS, and run again.`;
}

class Checker {
  private readonly probeOptions: ProbeOptions;

  constructor(private readonly plan: VerifyPlan, options: VerifyOptions) {
    this.probeOptions = {
      fetch: options.fetch ?? fetch,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
    };
  }

  private request(url: string, method: string, headers: Record<string, string> = {}, body?: Uint8Array): Promise<Response> {
    return send(url, { method, headers, body }, this.probeOptions);
  }

  /** One check's result; UNREACHABLE (whatever `verdict` says) when `answer` got no HTTP answer. */
  private result(
    t: { role: string }, id: string, check: string, url: string, expected: string, got: string, verdict: Verdict,
    note: string | undefined, answer: Response | undefined,
  ): CheckResult {
    if (answer?.unreachable) {
      const { unreachable } = answer;
      return { id, check, role: t.role, url, expected, got: shownStatus(answer), verdict: 'UNREACHABLE', note: unreachableNote(answer), unreachable };
    }
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
          `The replay player on ${origin} cannot ${upper} from this ${t.role} URL; the CORS rules must list this origin and method.`, r),
      );
    });

    const otherAllowed = ok2xx(other) && allowsOrigin(other, otherOrigin);
    results.push(
      this.result(t, 'preflight-other-origin', 'preflight GET from another origin', probe, 'refused (no Allow-Origin for it)', corsSummary(other), refusedVerdict(otherAllowed),
        `${otherOrigin} is let in: the CORS rules allow more than the dashboard origin${header(other, 'access-control-allow-origin') === '*' ? " ('*')" : ''}.`, other),
    );

    const writeAllowed = ok2xx(write) && allowsOrigin(write, origin) && methodList(write).some((m) => m === 'PUT' || m === '*');
    results.push(
      this.result(t, 'preflight-write', 'preflight PUT from dashboard origin', probe, 'refused (browsers only read)', corsSummary(write), refusedVerdict(writeAllowed),
        'CORS allows browser writes; replay needs only GET (and HEAD).', write),
    );

    if (t.public) {
      const pass = anonymous.status === 200;
      let note = `Browsers load objects of the ${t.role} bucket by unsigned URL; anonymous GET must answer 200.`;
      if (anonymous.status === 404) note = `No object '${t.probeKey}' in the ${t.role} bucket: upload one (or pass --probe-key <existing key>) and run again.`;
      if (anonymous.status === 403) {
        note += ` S3 also answers 403 for a missing object when listing is refused: make sure '${t.probeKey}' exists (or pass --probe-key <existing key>).`;
      }
      results.push(this.result(t, 'anonymous-get', 'anonymous GET of an object', probe, '200', shownStatus(anonymous), pass ? 'PASS' : 'FAIL', note, anonymous));
    } else {
      const refused = anonymous.status >= 400 && anonymous.status < 500;
      results.push(
        this.result(t, 'anonymous-get', 'anonymous GET of an object', probe, 'refused (4xx)', shownStatus(anonymous), refused ? 'PASS' : 'FAIL',
          `The ${t.role} bucket must stay private: only signed URLs may read it.`, anonymous),
      );
    }

    if (corsGet) {
      const pass = corsGet.status === 200 && allowsOrigin(corsGet, origin);
      results.push(
        this.result(t, 'cors-get', 'GET with dashboard Origin', probe, `200, Allow-Origin: ${origin}`, corsSummary(corsGet), pass ? 'PASS' : 'FAIL',
          'Fonts and fetch() from the player need this CORS answer.', corsGet),
      );
      // A cached response to a request without Origin that lacks both
      // Allow-Origin and `Vary: Origin` breaks a later CORS load of the URL.
      const plainCachedUnsafe = anonymous.status === 200 && !varyHasOrigin(anonymous) && header(anonymous, 'access-control-allow-origin') !== '*';
      const corsUnsafe = corsGet.status === 200 && header(corsGet, 'access-control-allow-origin') === origin && !varyHasOrigin(corsGet);
      const got = [
        `without Origin: ${header(anonymous, 'vary') ? `Vary: ${header(anonymous, 'vary')}` : 'no Vary'}`,
        `with Origin: ${header(corsGet, 'vary') ? `Vary: ${header(corsGet, 'vary')}` : 'no Vary'}`,
      ].join('; ');
      if (!anonymous.unreachable && !corsGet.unreachable) {
        results.push(
          this.result(t, 'vary-origin', 'Vary: Origin on object responses', probe, 'Vary: Origin on every response', got, plainCachedUnsafe || corsUnsafe ? 'WARN' : 'PASS',
            'A browser or CDN that caches a plain <img>/<link> load of this URL (no Origin, no Vary: Origin) can serve that copy to a later font or fetch() load, which then fails CORS. ' +
              'Serve assets through a CDN that forwards Origin and varies on it, or send Cache-Control: no-cache on them.', corsGet),
        );
      }
    }

    const listed = ok2xx(list);
    results.push(
      this.result(t, 'listing', 'anonymous listing', listUrl(t.url, service), 'refused', shownStatus(list), refusedVerdict(listed),
        `Anyone can list the ${t.role} bucket's keys; public read must cover objects only.`, list),
    );

    if (signedGet) {
      const pass = signedGet.status === 200 && allowsOrigin(signedGet, origin);
      results.push(
        this.result(t, 'signed-get', 'signed GET with dashboard Origin', redactSigned(t.signedGetUrl!), `200, Allow-Origin: ${origin}`, corsSummary(signedGet), pass ? 'PASS' : 'FAIL',
          'The player fetch()es recordings by presigned URL; they need this CORS answer.', signedGet),
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
    const shown = redactSigned(put.url);
    const results = [
      this.result(put, 'signed-put', 'signed PUT upload', shown, '2xx', shownStatus(valid), ok2xx(valid) ? 'PASS' : 'FAIL',
        'The backend-signed upload is refused: check the credentials, the URL expiry, and any policy that limits writes (VPC endpoint, source IP).', valid),
    ];
    if (bad) {
      const refused = bad.status === 401 || bad.status === 403;
      results.push(
        this.result(put, 'signed-put-tampered', 'PUT with a tampered signature', shown, 'refused (401/403)', shownStatus(bad), refused ? 'PASS' : 'FAIL',
          'An upload with a wrong signature was not refused: the bucket accepts unsigned writes.', bad),
      );
    } else {
      results.push(this.result(put, 'signed-put-tampered', 'PUT with a tampered signature', shown, 'refused (401/403)', 'no signature parameter in the URL', 'WARN',
        'Pass a presigned (X-Amz-Signature, X-Goog-Signature) or SAS (sig) URL to check that wrong signatures are refused.', undefined));
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
  const counts: Record<Verdict, number> = { PASS: 0, FAIL: 0, WARN: 0, UNREACHABLE: 0 };
  for (const r of results) counts[r.verdict]++;
  // A proven misconfiguration outranks requests that got no answer.
  const status: VerifyStatus = counts.FAIL > 0 ? 'misconfigured' : counts.UNREACHABLE > 0 ? 'unreachable' : 'ok';
  return { ok: status === 'ok', status, origin: plan.origin, otherOrigin: plan.otherOrigin, counts, results };
}
