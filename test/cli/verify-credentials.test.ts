/**
 * Where `verify` sends signed URLs (credentials until they expire): never
 * over plain http:// unless --allow-insecure, with a warning before a
 * loopback, private or link-local address, and never printed whole.
 */
import { runCli } from './support/cli';
import { FakeStorage } from './support/fake-storage';
import { credentialRisks, localAddressKind } from '../../src/cli/verify-safety';

const ORIGIN = 'https://replay.example.com';
const store = new FakeStorage();
beforeAll(async () => {
  await store.start();
});
afterAll(() => store.stop());

function publicAssets(): void {
  store.config = {
    cors: { origins: [ORIGIN], methods: ['GET'] },
    varyOnPlain: true,
    buckets: { assets: { public: true, objects: ['probe.txt'] }, uploads: { objects: [] } },
  };
}

describe('signed URLs over plain http://', () => {
  test('are refused before any request, with the way to proceed', async () => {
    publicAssets();
    store.requests.length = 0;
    const signed = store.sign('PUT', 'uploads', 'x.png');
    const r = await runCli(['verify', '--origin', ORIGIN, '--probe-key', 'probe.txt', '--target', `assets=${store.endpoint}/assets/`, '--signed-put', signed]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `verify: refusing to send signed URLs over plain http:// (--signed-put ${store.endpoint}/uploads/x.png?…): the signature would cross the network unencrypted, ` +
        'usable by anyone who sees it until it expires. Use an https:// URL, or pass --allow-insecure (e.g. for a local emulator).',
    );
    expect(r.stderr).not.toContain('sig=');
    expect(store.requests).toEqual([]);
  });

  test('--allow-insecure sends them, after warnings on stderr (stdout stays the report)', async () => {
    publicAssets();
    const r = await runCli([
      'verify', '--json', '--allow-insecure', '--origin', ORIGIN, '--probe-key', 'probe.txt', '--target', `assets=${store.endpoint}/assets/`,
      '--signed-put', store.sign('PUT', 'uploads', 'x.png'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `warning: --signed-put ${store.endpoint}/uploads/x.png?… goes over plain http:// (--allow-insecure): its signature crosses the network unencrypted; let it expire soon.`,
      `warning: --signed-put ${store.endpoint}/uploads/x.png?… goes to a loopback address (127.0.0.1): make sure that is the storage you mean to test before its signature is sent.`,
    ]);
    expect(JSON.parse(r.stdout).status).toBe('ok');
    expect(r.stdout).not.toContain('sig=');
  });
});

describe('signed URLs to local addresses', () => {
  test('https:// to a private address: a warning first, then the request', async () => {
    const r = await runCli(['verify', '--origin', ORIGIN, '--timeout', '0.5', '--target', 'assets=https://127.0.0.1:1/assets/', '--signed-get', 'assets=https://127.0.0.1:1/assets/k?X-Amz-Signature=abc']);
    expect(r.stderr).toMatch(/^warning: --signed-get assets=https:\/\/127\.0\.0\.1:1\/assets\/k\?… goes to a loopback address \(127\.0\.0\.1\)/);
    expect(r.code).toBe(3);
  });

  test('https:// to a public host: no warning', () => {
    const plan = { targets: [], origin: ORIGIN, otherOrigin: 'https://o.example.com', methods: ['GET'], signedPut: { role: 'u', url: 'https://bucket.s3.amazonaws.com/k?X-Amz-Signature=1' } };
    expect(credentialRisks(plan, false)).toEqual({ plainHttp: [], warnings: [] });
  });

  test('which addresses are local (as URLs write them)', () => {
    const kind = (url: string) => localAddressKind(new URL(url).hostname);
    expect(
      [
        'https://127.0.0.1/', 'https://0x7f.1/', 'https://2130706433/', 'https://localhost/', 'https://minio.localhost/', 'https://10.1.2.3/', 'https://172.20.0.1/',
        'https://192.168.1.1/', 'https://169.254.169.254/', 'https://100.64.0.1/', 'https://[::1]/', 'https://[fd00::1]/', 'https://[fe80::1]/', 'https://[::ffff:127.0.0.1]/',
        'https://[::ffff:10.0.0.1]/', 'https://0.0.0.0/',
      ].map(kind),
    ).toEqual([
      'loopback', 'loopback', 'loopback', 'loopback', 'loopback', 'private', 'private',
      'private', 'link-local', 'shared (carrier-grade NAT)', 'loopback', 'private (unique local)', 'link-local', 'loopback',
      'private', 'this-network',
    ]);
    expect(['https://172.32.0.1/', 'https://8.8.8.8/', 'https://[2001:db8::1]/', 'https://bucket.s3.amazonaws.com/'].map(kind)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

test('--help documents --allow-insecure and the exit codes', async () => {
  const help = (await runCli(['verify', '--help'])).stdout;
  expect(help).toContain('--allow-insecure');
  expect(help).toContain('3  no check failed, but some requests got no answer (unreachable)');
  expect(help).toContain('1  a check failed: the storage is misconfigured');
});

test('a URL with a user name and password is refused on the command line', async () => {
  const r = await runCli(['verify', '--origin', ORIGIN, '--target', 'assets=https://user:secret@bucket.example.com/']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("verify: '--target' must not hold a user name or password (got: https://…@bucket.example.com).");
  expect(r.stderr).not.toContain('secret');
});
