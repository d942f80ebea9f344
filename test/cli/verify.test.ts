/**
 * The verify checks against a local object store whose behaviour each test
 * sets, so every verdict is seen both ways.
 */
import { FakeConfig, FakeStorage } from './support/fake-storage';
import { detectService, listUrl, objectUrl, tamperSignature, verify, VerifyPlan, VerifyReport } from '../../src/cli/verify';

const ORIGIN = 'https://replay.example.com';
const OTHER = 'https://elsewhere.example.com';
const PROBE = 'probe/object.txt';

const store = new FakeStorage();
let endpoint: string;
beforeAll(async () => {
  endpoint = await store.start();
});
afterAll(() => store.stop());

/** OpenReplay-like: recordings private, assets public, CORS GET for the dashboard. */
function goodConfig(): FakeConfig {
  return {
    cors: { origins: [ORIGIN], methods: ['GET'] },
    buckets: {
      mobs: { objects: [PROBE] },
      assets: { public: true, objects: [PROBE] },
    },
    varyOnPlain: true,
  };
}

function plan(extra: Partial<VerifyPlan> = {}): VerifyPlan {
  return {
    targets: [
      { role: 'recordings', url: `${endpoint}/mobs/`, public: false, probeKey: PROBE, signedGetUrl: store.sign('GET', 'mobs', PROBE) },
      { role: 'assets', url: `${endpoint}/assets/`, public: true, probeKey: PROBE },
    ],
    origin: ORIGIN,
    otherOrigin: OTHER,
    methods: ['GET'],
    service: 's3',
    ...extra,
  };
}

/** `id@role` -> verdict. */
function verdicts(report: VerifyReport): Record<string, string> {
  return Object.fromEntries(report.results.map((r) => [`${r.id}@${r.role}`, r.verdict]));
}

function only(report: VerifyReport, id: string, role: string) {
  const found = report.results.filter((r) => r.id === id && r.role === role);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('a correctly set up store', () => {
  test('passes every check, in a stable order', async () => {
    store.config = goodConfig();
    const report = await verify(plan());
    expect(verdicts(report)).toEqual({
      'preflight:GET@recordings': 'PASS',
      'preflight-other-origin@recordings': 'PASS',
      'preflight-write@recordings': 'PASS',
      'anonymous-get@recordings': 'PASS',
      'listing@recordings': 'PASS',
      'signed-get@recordings': 'PASS',
      'preflight:GET@assets': 'PASS',
      'preflight-other-origin@assets': 'PASS',
      'preflight-write@assets': 'PASS',
      'anonymous-get@assets': 'PASS',
      'cors-get@assets': 'PASS',
      'vary-origin@assets': 'PASS',
      'listing@assets': 'PASS',
    });
    expect(report.results.map((r) => `${r.id}@${r.role}`)).toEqual(Object.keys(verdicts(report)));
    expect(report.ok).toBe(true);
    expect(report.counts).toEqual({ PASS: 13, FAIL: 0, WARN: 0, UNREACHABLE: 0 });
    expect(report.status).toBe('ok');
    expect(only(report, 'anonymous-get', 'recordings').got).toBe('403');
    expect(only(report, 'cors-get', 'assets').got).toBe(`200, Allow-Origin: ${ORIGIN}`);
    expect(report.results.every((r) => r.note === undefined)).toBe(true);
  });

  test('sends the requests a browser would: Origin and Access-Control-Request-Method on preflight, nothing on anonymous reads', async () => {
    store.config = goodConfig();
    store.requests.length = 0;
    await verify(plan({ targets: [plan().targets[1]] }));
    const options = store.requests.filter((r) => r.method === 'OPTIONS');
    expect(options.map((r) => r.origin).sort()).toEqual([OTHER, ORIGIN, ORIGIN]);
    expect(store.requests.filter((r) => r.method === 'GET' && !r.origin).map((r) => r.url).sort()).toEqual(['/assets/', '/assets/probe/object.txt']);
  });
});

describe('each misconfiguration fails its check', () => {
  test("CORS for any origin ('*'): another origin is let in", async () => {
    store.config = { ...goodConfig(), cors: { origins: ['*'], methods: ['GET'] } };
    const report = await verify(plan());
    const r = only(report, 'preflight-other-origin', 'assets');
    expect(r.verdict).toBe('FAIL');
    expect(r.got).toBe('200, Allow-Origin: *, Allow-Methods: GET');
    expect(r.note).toBe(`${OTHER} is let in: the CORS rules allow more than the dashboard origin ('*').`);
    expect(report.ok).toBe(false);
  });

  test('CORS for a different origin: the dashboard is refused everywhere it reads', async () => {
    store.config = { ...goodConfig(), cors: { origins: ['https://flipped.example.com'], methods: ['GET'] } };
    const report = await verify(plan());
    const failed = report.results.filter((r) => r.verdict === 'FAIL').map((r) => `${r.id}@${r.role}`);
    expect(failed.sort()).toEqual(['cors-get@assets', 'preflight:GET@assets', 'preflight:GET@recordings', 'signed-get@recordings']);
    expect(only(report, 'preflight:GET', 'assets').got).toBe('403, Allow-Origin: (none)');
  });

  test('a private role readable anonymously', async () => {
    const config = goodConfig();
    store.config = { ...config, buckets: { ...config.buckets, mobs: { public: true, objects: [PROBE] } } };
    const report = await verify(plan());
    const r = only(report, 'anonymous-get', 'recordings');
    expect([r.verdict, r.expected, r.got]).toEqual(['FAIL', 'refused (4xx)', '200']);
    expect(report.counts.FAIL).toBe(1);
  });

  test('the public role not public: 403 on CSS and fonts', async () => {
    const config = goodConfig();
    store.config = { ...config, buckets: { ...config.buckets, assets: { objects: [PROBE] } } };
    const report = await verify(plan());
    expect(only(report, 'anonymous-get', 'assets')).toMatchObject({ verdict: 'FAIL', got: '403' });
    expect(only(report, 'anonymous-get', 'assets').note).toContain(`S3 also answers 403 for a missing object when listing is refused: make sure '${PROBE}' exists`);
    expect(only(report, 'cors-get', 'assets')).toMatchObject({ verdict: 'FAIL', got: `403, Allow-Origin: ${ORIGIN}` });
  });

  test('the probe object missing from the public role says how to fix the run', async () => {
    store.config = goodConfig();
    const report = await verify(plan({ targets: [{ ...plan().targets[1], probeKey: 'absent.txt' }] }));
    expect(only(report, 'anonymous-get', 'assets').note).toBe("No object 'absent.txt' in the assets bucket: upload one (or pass --probe-key <existing key>) and run again.");
  });

  test('listing allowed', async () => {
    const config = goodConfig();
    store.config = { ...config, buckets: { ...config.buckets, assets: { public: true, listable: true, objects: [PROBE] } } };
    const report = await verify(plan());
    expect(only(report, 'listing', 'assets')).toMatchObject({ verdict: 'FAIL', got: '200', url: `${endpoint}/assets/` });
    expect(only(report, 'listing', 'recordings').verdict).toBe('PASS');
  });

  test('CORS that lets browsers write', async () => {
    store.config = { ...goodConfig(), cors: { origins: [ORIGIN], methods: ['GET', 'PUT'] } };
    const report = await verify(plan());
    expect(only(report, 'preflight-write', 'assets')).toMatchObject({ verdict: 'FAIL', got: '200, Allow-Origin: https://replay.example.com, Allow-Methods: GET,PUT' });
  });

  test('a method the product needs is missing (LogRocket HEAD)', async () => {
    store.config = goodConfig();
    const report = await verify(plan({ methods: ['GET', 'HEAD'] }));
    expect(only(report, 'preflight:GET', 'assets').verdict).toBe('PASS');
    expect(only(report, 'preflight:HEAD', 'assets')).toMatchObject({ verdict: 'FAIL', expected: `2xx, Allow-Origin: ${ORIGIN}, HEAD allowed`, got: '403, Allow-Origin: (none)' });
  });

  test('a server that does not answer', async () => {
    const closed = new FakeStorage();
    const url = `${await closed.start()}/assets/`;
    await closed.stop();
    const report = await verify(plan({ targets: [{ role: 'assets', url, public: true, probeKey: PROBE }] }), { timeoutMs: 2000 });
    // Refusal checks too: no answer proves nothing either way.
    expect(report.results.map((r) => r.verdict)).toEqual(report.results.map(() => 'UNREACHABLE'));
    expect(report.results.map((r) => r.id)).not.toContain('vary-origin');
    expect(only(report, 'anonymous-get', 'assets')).toMatchObject({
      verdict: 'UNREACHABLE',
      got: 'no answer (connection refused (ECONNREFUSED))',
      unreachable: { kind: 'refused', detail: 'connection refused (ECONNREFUSED)' },
    });
    expect(report).toMatchObject({ ok: false, status: 'unreachable', counts: { PASS: 0, FAIL: 0, WARN: 0, UNREACHABLE: 6 } });
  });
});

describe('the Vary: Origin pitfall', () => {
  test('warns when a plain response carries no Vary: Origin', async () => {
    store.config = { ...goodConfig(), varyOnPlain: false };
    const report = await verify(plan());
    const r = only(report, 'vary-origin', 'assets');
    expect(r.verdict).toBe('WARN');
    expect(r.got).toBe('without Origin: no Vary; with Origin: Vary: Origin');
    expect(r.note).toMatch(/^A browser or CDN that caches a plain <img>\/<link> load/);
    expect(report.ok).toBe(true);
  });

  test('warns when a CORS response echoing the origin carries no Vary: Origin', async () => {
    store.config = { ...goodConfig(), noVaryOnCors: true };
    const report = await verify(plan());
    expect(only(report, 'vary-origin', 'assets')).toMatchObject({ verdict: 'WARN', got: 'without Origin: Vary: Origin; with Origin: no Vary' });
  });
});

describe('signed upload', () => {
  test('a valid signature uploads; a tampered one is refused', async () => {
    store.config = { ...goodConfig(), buckets: { ...goodConfig().buckets, uploads: { objects: [] } } };
    const url = store.sign('PUT', 'uploads', 'from-backend.png');
    const report = await verify(plan({ targets: [], signedPut: { role: 'userFiles', url } }));
    expect(report.results.map((r) => [r.id, r.verdict, r.got])).toEqual([
      ['signed-put', 'PASS', '201'],
      ['signed-put-tampered', 'PASS', '403'],
    ]);
    expect(report.results[0].url).toBe(`${endpoint}/uploads/from-backend.png?…`);
    expect(store.config.buckets.uploads.objects).toEqual(['from-backend.png']);
  });

  test('a store that takes any signature fails the tamper check', async () => {
    store.config = { ...goodConfig(), buckets: { uploads: { objects: [] } }, acceptAnySignature: true };
    const report = await verify(plan({ targets: [], signedPut: { role: 'userFiles', url: store.sign('PUT', 'uploads', 'x.png') } }));
    expect(report.results.map((r) => r.verdict)).toEqual(['PASS', 'FAIL']);
  });

  test('an expired or wrong URL fails the upload check', async () => {
    store.config = { ...goodConfig(), buckets: { uploads: { objects: [] } } };
    const report = await verify(plan({ targets: [], signedPut: { role: 'userFiles', url: `${endpoint}/uploads/x.png?sig=wrong` } }));
    expect(report.results[0]).toMatchObject({ id: 'signed-put', verdict: 'FAIL', got: '403' });
  });

  test('a URL without a signature parameter cannot be tampered with: a warning', async () => {
    store.config = { ...goodConfig(), buckets: { uploads: { objects: [] } }, acceptAnySignature: true };
    const report = await verify(plan({ targets: [], signedPut: { role: 'userFiles', url: `${endpoint}/uploads/x.png` } }));
    expect(report.results[1]).toMatchObject({ id: 'signed-put-tampered', verdict: 'WARN', got: 'no signature parameter in the URL' });
  });
});

describe('URL helpers', () => {
  test('objectUrl encodes each key segment and adds one slash', () => {
    expect(objectUrl('https://b.s3.eu-west-1.amazonaws.com', 'a b/c#d.txt')).toBe('https://b.s3.eu-west-1.amazonaws.com/a%20b/c%23d.txt');
    expect(objectUrl('https://x/c/', 'k')).toBe('https://x/c/k');
  });

  test('listUrl per service', () => {
    expect(listUrl('https://acct.blob.core.windows.net/c/', 'azure')).toBe('https://acct.blob.core.windows.net/c?restype=container&comp=list');
    expect(listUrl('https://storage.googleapis.com/b', 'gcs')).toBe('https://storage.googleapis.com/b/');
    expect(listUrl('https://b.s3.eu-west-1.amazonaws.com/', 's3')).toBe('https://b.s3.eu-west-1.amazonaws.com/');
  });

  test('detectService from the host', () => {
    expect(detectService('https://acct.blob.core.chinacloudapi.cn/c/')).toBe('azure');
    expect(detectService('https://storage.googleapis.com/b/')).toBe('gcs');
    expect(detectService('https://b.s3.eu-west-1.amazonaws.com/')).toBe('s3');
  });

  test('tamperSignature changes exactly the signature', () => {
    const s3 = 'https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc123&X-Amz-SignedHeaders=host';
    expect(tamperSignature(s3)).toBe('https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=Abc123&X-Amz-SignedHeaders=host');
    const sas = 'https://a.blob.core.windows.net/c/k?sv=2024-11-04&sp=cw&sig=%2Bq1w%3D';
    expect(tamperSignature(sas)).toBe('https://a.blob.core.windows.net/c/k?sv=2024-11-04&sp=cw&sig=A2Bq1w%3D');
    expect(tamperSignature('https://x/k?sig=Abc')).toBe('https://x/k?sig=Bbc');
    expect(tamperSignature('https://x/k?X-Amz-Credential=sig')).toBeUndefined();
  });
});
