/**
 * `verify` when the network or the server misbehaves: no answer is never a
 * verdict on the configuration (UNREACHABLE, exit 3), every request has a
 * deadline, bodies are read up to a cap, and nothing a server sends can
 * drive the terminal. Local servers on 127.0.0.1 only.
 */
import { runCli } from './support/cli';
import { FakeStorage } from './support/fake-storage';
import { answersRaw, Hostile, neverAnswers, resetsConnections, stallsAfterHeaders, streamsForever } from './support/hostile-servers';
import { classifyFetchError, MAX_BODY_BYTES, probe } from '../../src/cli/http-probe';
import { renderJson, renderTable } from '../../src/cli/report';
import { verify, VerifyPlan, VerifyReport } from '../../src/cli/verify';

const ORIGIN = 'https://replay.example.com';
const PROBE = 'probe.txt';

/** What only an answer can justify: the notes of misconfigured checks. */
const MISCONFIGURATION_NOTES = [/Anyone can list/, /CORS allows/, /is let in/, /must stay private/, /cannot GET/, /accepts unsigned writes/];

function planFor(base: string, extra: Partial<VerifyPlan> = {}): VerifyPlan {
  return {
    targets: [
      { role: 'recordings', url: `${base}/mobs/`, public: false, probeKey: PROBE },
      { role: 'assets', url: `${base}/assets/`, public: true, probeKey: PROBE },
    ],
    origin: ORIGIN,
    otherOrigin: 'https://other.example.com',
    methods: ['GET'],
    service: 's3',
    ...extra,
  };
}

function expectAllUnreachable(report: VerifyReport, kind: string): void {
  expect(report.results.length).toBeGreaterThan(0);
  expect(report.results.filter((r) => r.verdict !== 'UNREACHABLE')).toEqual([]);
  expect(new Set(report.results.map((r) => r.unreachable?.kind))).toEqual(new Set([kind]));
  expect(report).toMatchObject({ ok: false, status: 'unreachable' });
  const table = renderTable(report);
  for (const note of MISCONFIGURATION_NOTES) expect(table).not.toMatch(note);
  expect(table).toMatch(/\nUNREACHABLE: 0 passed, 0 failed, 0 warnings, \d+ unreachable /);
}

const servers: Hostile[] = [];
async function start<T extends Hostile>(server: Promise<T>): Promise<T> {
  const s = await server;
  servers.push(s);
  return s;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

describe('no answer is UNREACHABLE, never a misconfiguration', () => {
  test('no network at all (DNS fails): every check says unreachable', async () => {
    const noNetwork: typeof fetch = async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND bucket.example.com'), { code: 'ENOTFOUND' }) });
    };
    const report = await verify(planFor('https://bucket.example.com', { signedPut: { role: 'upload', url: 'https://bucket.example.com/u?sig=abc' } }), { fetch: noNetwork });
    expectAllUnreachable(report, 'dns');
    expect(report.results[0].got).toBe('no answer (DNS lookup failed (ENOTFOUND))');
    expect(renderTable(report)).toContain('UNREACHABLE https://bucket.example.com: DNS lookup failed (ENOTFOUND); 13 checks got no HTTP answer');
  });

  test('connection refused: table, JSON and exit code 3 all say unreachable', async () => {
    const closed = new FakeStorage();
    const base = await closed.start();
    await closed.stop();
    const r = await runCli(['verify', '--origin', ORIGIN, '--target', `assets=${base}/assets/`, '--target', `recordings=${base}/mobs/`]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/anonymous listing +assets +refused +no answer \(connection refused \(ECONNREFUSED\)\) +UNREACHABLE/);
    for (const note of MISCONFIGURATION_NOTES) expect(r.stdout).not.toMatch(note);
    const json = await runCli(['verify', '--json', '--origin', ORIGIN, '--target', `assets=${base}/assets/`]);
    expect(json.code).toBe(3);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ ok: false, status: 'unreachable', counts: { PASS: 0, FAIL: 0, WARN: 0, UNREACHABLE: 6 } });
    expect(report.results[0].unreachable).toEqual({ kind: 'refused', detail: 'connection refused (ECONNREFUSED)' });
  });

  test('a connection reset', async () => {
    const server = await start(resetsConnections());
    expectAllUnreachable(await verify(planFor(server.url), { timeoutMs: 5000 }), 'reset');
  });

  test('a TLS failure (https:// to a server that does not speak TLS)', async () => {
    const store = new FakeStorage();
    const base = await store.start();
    try {
      const report = await verify(planFor(base.replace('http:', 'https:')), { timeoutMs: 5000 });
      expectAllUnreachable(report, 'tls');
      expect(report.results[0].unreachable!.detail).toMatch(/^TLS handshake failed \(ERR_SSL_WRONG_VERSION_NUMBER: /);
    } finally {
      await store.stop();
    }
  });

  test('an answer that is not HTTP', async () => {
    const server = await start(answersRaw('SSH-2.0-OpenSSH_9.6\r\n'));
    expectAllUnreachable(await verify(planFor(server.url), { timeoutMs: 5000 }), 'protocol');
  });

  test('a misconfiguration outranks unreachable: exit 1', async () => {
    const store = new FakeStorage();
    const base = await store.start();
    store.config = { cors: { origins: [ORIGIN], methods: ['GET'] }, buckets: { assets: { public: true, listable: true, objects: [PROBE] } } };
    try {
      const r = await runCli(['verify', '--json', '--origin', ORIGIN, '--target', `assets=${base}/assets/`, '--target', 'recordings=http://127.0.0.1:1/mobs/']);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout);
      expect(report.status).toBe('misconfigured');
      expect(report.counts.FAIL).toBeGreaterThan(0);
      expect(report.counts.UNREACHABLE).toBe(5);
    } finally {
      await store.stop();
    }
  });

  test('each network error code is put in words', () => {
    const failed = (code: string, message = code) => new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
    const kinds = ['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'HPE_INVALID_CONSTANT', 'EHOSTUNREACH']
      .map((code) => classifyFetchError(failed(code), false, 1000).kind);
    expect(kinds).toEqual(['dns', 'dns', 'refused', 'reset', 'reset', 'tls', 'tls', 'tls', 'timeout', 'timeout', 'protocol', 'network']);
    const aggregate = new TypeError('fetch failed', { cause: new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]) });
    expect(classifyFetchError(aggregate, false, 1000).kind).toBe('refused');
    expect(classifyFetchError(new Error('aborted'), true, 2500)).toEqual({ kind: 'timeout', detail: 'no answer within 2.5 s' });
    // A message from the network is printable whatever it holds.
    expect(classifyFetchError(failed('ERR_TLS_CERT_ALTNAME_INVALID', "Host: x. is not in the cert's altnames: DNS:\u001b[2Jevil\nline"), false, 1).detail).toBe(
      "TLS handshake failed (ERR_TLS_CERT_ALTNAME_INVALID: Host: x. is not in the cert's altnames: DNS:evil\\nline)",
    );
  });
});

describe('deadlines and body caps', () => {
  test('a server that never answers: each request ends at the deadline', async () => {
    const server = await start(neverAnswers());
    const started = Date.now();
    const report = await verify(planFor(server.url), { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(3000);
    expectAllUnreachable(report, 'timeout');
    expect(report.results[0].got).toBe('no answer (no answer within 0.3 s)');
    expect(report.results[0].note).toContain('raise --timeout if the storage is slow');
  });

  test('a body that stalls after the headers: the deadline ends it, and the answer (status and headers) counts', async () => {
    const server = await start(stallsAfterHeaders());
    const started = Date.now();
    // A deadline the headers meet even on a busy machine; the body never comes.
    const response = await probe(`${server.url}/assets/${PROBE}`, { method: 'GET' }, { fetch, timeoutMs: 1000, maxBodyBytes: MAX_BODY_BYTES });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(response.status).toBe(200);
    expect(response.unreachable).toBeUndefined();
  });

  test('--timeout applies from the command line (exit 3)', async () => {
    const server = await start(neverAnswers());
    const r = await runCli(['verify', '--origin', ORIGIN, '--timeout', '0.2', '--target', `assets=${server.url}/assets/`]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('no answer within 0.2 s');
  });

  test('--timeout has a ceiling (a larger one would overflow the timer and fire at once)', async () => {
    const r = await runCli(['verify', '--origin', ORIGIN, '--timeout', '1e7', '--target', 'a=https://x/']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("verify: '--timeout' must be at most 3600 seconds (got: 1e7).");
  });

  test('a server that streams forever: at most the cap is read, the connection is dropped, the answer counts', async () => {
    const server = await start(streamsForever());
    const started = Date.now();
    const response = await probe(`${server.url}/assets/${PROBE}`, { method: 'GET' }, { fetch, timeoutMs: 10_000, maxBodyBytes: MAX_BODY_BYTES });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(response).toMatchObject({ status: 200, truncated: true });
    expect(response.unreachable).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.stats.closedByClient).toBe(1);

    const report = await verify(planFor(server.url), { timeoutMs: 10_000 });
    expect(report.results.find((r) => r.id === 'anonymous-get' && r.role === 'assets')).toMatchObject({ verdict: 'PASS', got: '200' });
    expect(report.counts.UNREACHABLE).toBe(0);
  });
});

describe('what a server sends is made printable', () => {
  test('escape sequences in response headers reach neither the table nor the JSON raw', async () => {
    const server = await start(
      answersRaw(
        'HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: \x9b2J\x9b31mhttps://replay.example.com\r\nAccess-Control-Allow-Methods: GET\x9d0;pwned\x9c\r\n' +
          'Vary: \x9b1mOrigin\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
      ),
    );
    const r = await runCli(['verify', '--origin', ORIGIN, '--target', `assets=${server.url}/assets/`]);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain('Allow-Origin: https://replay.example.com');
    const report = await verify(planFor(server.url), { timeoutMs: 5000 });
    expect(report.results[0].got).toContain('\u009b');
    expect(renderTable(report)).not.toMatch(/[\u0080-\u009f]/);
    const json = renderJson(report);
    expect(json).not.toMatch(/[\u0080-\u009f]/);
    expect(json).toContain('\\u009b2J');
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(report)));
  });
});
