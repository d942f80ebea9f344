/**
 * `replay-storage verify` as a command: where the URLs come from (outputs of
 * each example, or flags), the table and JSON reports, exit codes, and the
 * command-line errors.
 */
import { runCli, tempDir, writeJson } from './support/cli';
import { ExampleName } from './support/examples';
import { FakeStorage } from './support/fake-storage';
import { deleteOutput, deployedOutputs as deployed, editMetadata, metadataKey } from './support/outputs-files';
import { parseOutputs, findInstances } from '../../src/cli/outputs';
import { DEFAULT_OTHER_ORIGIN, DEFAULT_PROBE_KEY, planFromInstance } from '../../src/cli/verify-plan';

function planOfFile(file: unknown, extra: Record<string, unknown> = {}) {
  const [instance] = findInstances(parseOutputs(JSON.stringify(file), 'outputs.json'));
  return planFromInstance(instance, { origin: 'https://dash.example.com', ...extra });
}

function planOf(name: ExampleName, extra: Record<string, unknown> = {}) {
  return planOfFile(deployed(name), extra);
}

const urls = (plan: ReturnType<typeof planOf>) => Object.fromEntries(plan.targets.map((t) => [t.role, [t.url, t.public]]));

describe('plan from each example', () => {
  test('AWS OpenReplay: assets at assetsOrigin, the others virtual-hosted in the region', () => {
    const plan = planOf('aws-openreplay');
    expect(urls(plan)).toEqual({
      recordings: ['https://example-openreplay-mobs.s3.eu-central-1.amazonaws.com/', false],
      assets: ['https://example-openreplay-sessions-assets.s3.eu-central-1.amazonaws.com/', true],
      sourcemaps: ['https://example-openreplay-sourcemaps.s3.eu-central-1.amazonaws.com/', false],
      spots: ['https://example-openreplay-spots.s3.eu-central-1.amazonaws.com/', false],
    });
    expect(plan).toMatchObject({ methods: ['GET'], service: 's3', otherOrigin: DEFAULT_OTHER_ORIGIN });
    expect(plan.targets.every((t) => t.probeKey === DEFAULT_PROBE_KEY)).toBe(true);
  });

  test('AWS LogRocket: the derived prefix, GET and HEAD', () => {
    const plan = planOf('aws-logrocket', { signedPutUrl: 'https://example-logrocket-user-files.s3.eu-central-1.amazonaws.com/a.png?X-Amz-Signature=1' });
    expect(urls(plan)).toEqual({ userFiles: ['https://example-logrocket-user-files.s3.eu-central-1.amazonaws.com/', true] });
    expect(plan.methods).toEqual(['GET', 'HEAD']);
    expect(plan.signedPut?.role).toBe('userFiles');
  });

  test('GCP: storage.googleapis.com paths', () => {
    expect(urls(planOf('gcp-openreplay'))).toEqual({
      recordings: ['https://storage.googleapis.com/replay-demo-4711-openreplay-recordings/', false],
      assets: ['https://storage.googleapis.com/replay-demo-4711-openreplay-assets/', true],
      sourcemaps: ['https://storage.googleapis.com/replay-demo-4711-openreplay-sourcemaps/', false],
      spots: ['https://storage.googleapis.com/replay-demo-4711-openreplay-spots/', false],
    });
    expect(planOf('gcp-logrocket').service).toBe('gcs');
  });

  test('Azure: containers under the account blob endpoint', () => {
    expect(urls(planOf('azure-openreplay'))).toEqual({
      recordings: ['https://openreplaydemo4711.blob.core.windows.net/mobs/', false],
      assets: ['https://openreplaydemo4711.blob.core.windows.net/sessions-assets/', true],
      // Spots are off on Azure (the example keeps the default).
      sourcemaps: ['https://openreplaydemo4711.blob.core.windows.net/sourcemaps/', false],
    });
    expect(urls(planOf('azure-logrocket'))).toEqual({ userFiles: ['https://logrocketdemo4711.blob.core.windows.net/logrocket-user-files/', true] });
    expect(planOf('azure-logrocket').service).toBe('azure');
  });

  test('the buckets are the ones the metadata lists: no SpotsBucket, no spots role', () => {
    const file = deployed('gcp-openreplay');
    deleteOutput(file, 'openreplay_spots_bucket');
    editMetadata(file, (m) => {
      delete m.outputs.SpotsBucket;
    });
    expect(planOfFile(file).targets.map((t) => t.role)).toEqual(['recordings', 'assets', 'sourcemaps']);
  });

  test('a bucket the metadata lists must be in the file', () => {
    const file = deployed('gcp-openreplay');
    deleteOutput(file, 'openreplay_spots_bucket');
    expect(() => planOfFile(file)).toThrow("output 'openreplay_spots_bucket' is missing: metadata output 'openreplay_metadata' lists it");
  });

  test('a bucket output that is not a bucket name never becomes part of a URL', () => {
    const file = deployed('aws-openreplay');
    file.OpenReplayStorageExample.OpenReplayRecordingsBucket = 'attacker.example/x?';
    expect(() => planOfFile(file)).toThrow(
      "output 'OpenReplayRecordingsBucket' of stack 'OpenReplayStorageExample' must be a bucket or container name (lower-case letters, digits, '.', '_' and '-'; got: attacker.example/x?).",
    );
  });

  test('a URL output that is not http(s) is refused before any request', () => {
    const file = deployed('aws-openreplay');
    file.OpenReplayStorageExample.OpenReplayAssetsOrigin = 'file:///etc/passwd';
    expect(() => planOfFile(file)).toThrow("output 'OpenReplayAssetsOrigin' of stack 'OpenReplayStorageExample' must give an http(s) URL without user name or password (it gives: file:///etc/passwd/).");
  });

  test('--endpoint sends every role path-style to an S3-compatible endpoint', () => {
    const plan = planOf('aws-openreplay', { endpoint: 'http://127.0.0.1:9000/' });
    expect(plan.targets.map((t) => t.url)).toEqual([
      'http://127.0.0.1:9000/example-openreplay-mobs/',
      'http://127.0.0.1:9000/example-openreplay-sessions-assets/',
      'http://127.0.0.1:9000/example-openreplay-sourcemaps/',
      'http://127.0.0.1:9000/example-openreplay-spots/',
    ]);
    expect(plan.service).toBe('s3');
  });
});

describe('against a store', () => {
  const dir = tempDir('verify');
  const store = new FakeStorage();
  const ORIGIN = 'https://openreplay.example.com';
  beforeAll(async () => {
    await store.start();
  });
  afterAll(() => store.stop());

  /** The AWS OpenReplay example's buckets, set up right. */
  function awsBuckets(overrides: Record<string, object> = {}) {
    store.config = {
      cors: { origins: [ORIGIN], methods: ['GET'] },
      varyOnPlain: true,
      buckets: {
        'example-openreplay-mobs': { objects: [] },
        'example-openreplay-sessions-assets': { public: true, objects: [DEFAULT_PROBE_KEY] },
        'example-openreplay-sourcemaps': { objects: [] },
        'example-openreplay-spots': { objects: [] },
        ...overrides,
      },
    };
  }

  test('from an outputs file: prints the table and exits 0', async () => {
    awsBuckets();
    const outputs = writeJson(dir, 'aws.json', deployed('aws-openreplay'));
    const r = await runCli(['verify', '--outputs', outputs, '--origin', ORIGIN, '--endpoint', store.endpoint]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^CHECK +ROLE +EXPECTED +GOT +VERDICT$/);
    expect(lines[1]).toMatch(/^-+ +-+ +-+ +-+ +-+$/);
    expect(lines.filter((l) => / PASS$/.test(l))).toHaveLength(22);
    expect(r.stdout).toMatch(/anonymous GET of an object +assets +200 +200 +PASS/);
    expect(r.stdout).toContain(`OK: 22 passed, 0 failed, 0 warnings (dashboard origin ${ORIGIN}, other origin ${DEFAULT_OTHER_ORIGIN}).`);
  });

  test('a failing check: exit 1, the note under the table, FAILED summary', async () => {
    awsBuckets({ 'example-openreplay-mobs': { public: true, objects: [DEFAULT_PROBE_KEY] } });
    const outputs = writeJson(dir, 'aws.json', deployed('aws-openreplay'));
    const r = await runCli(['verify', '--outputs', outputs, '--origin', ORIGIN, '--endpoint', store.endpoint]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/anonymous GET of an object +recordings +refused \(4xx\) +200 +FAIL/);
    expect(r.stdout).toContain('FAIL anonymous GET of an object (recordings): The recordings bucket must stay private: only signed URLs may read it.');
    expect(r.stdout).toContain('FAILED: 21 passed, 1 failed, 0 warnings');
  });

  test('--json prints the whole report', async () => {
    awsBuckets();
    const r = await runCli([
      'verify', '--json', '--origin', ORIGIN, '--other-origin', 'https://other.example.com',
      '--target', `assets=${store.endpoint}/example-openreplay-sessions-assets/`,
      '--target', `recordings=${store.endpoint}/example-openreplay-mobs/`,
      '--signed-get', `recordings=${store.sign('GET', 'example-openreplay-mobs', 'rec')}`, '--allow-insecure',
    ]);
    // The signed GET names an object that is not there: 404.
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('goes over plain http:// (--allow-insecure)');
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ ok: false, origin: ORIGIN, otherOrigin: 'https://other.example.com', counts: { PASS: 12, FAIL: 1, WARN: 0 } });
    expect(report.results.find((x: any) => x.id === 'signed-get')).toMatchObject({ role: 'recordings', verdict: 'FAIL', got: `404, Allow-Origin: ${ORIGIN}` });
    // The report never holds the signature.
    expect(report.results.find((x: any) => x.id === 'signed-get').url).toBe(`${store.endpoint}/example-openreplay-mobs/rec?…`);
    expect(r.stdout).not.toContain('sig=');
  });

  test('--replay-prefix checks LogRocket userFiles with GET and HEAD, and a signed PUT', async () => {
    store.config = {
      cors: { origins: ['https://logrocket.example.com'], methods: ['GET', 'HEAD'] },
      varyOnPlain: true,
      buckets: { 'user-files': { public: true, objects: ['probe.png'] } },
    };
    const r = await runCli([
      'verify', '--json', '--origin', 'https://logrocket.example.com', '--replay-prefix', `${store.endpoint}/user-files/`,
      '--probe-key', 'probe.png', '--signed-put', store.sign('PUT', 'user-files', 'upload.png'), '--allow-insecure',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.results.map((x: any) => x.id)).toEqual([
      'preflight:GET', 'preflight:HEAD', 'preflight-other-origin', 'preflight-write', 'anonymous-get', 'cors-get', 'vary-origin', 'listing', 'signed-put', 'signed-put-tampered',
    ]);
  });

  test('--public / --private / --methods / --service override the defaults', async () => {
    store.config = { cors: { origins: [ORIGIN], methods: ['GET'] }, varyOnPlain: true, buckets: { cdn: { public: true, objects: ['k'] }, assets: { objects: ['k'] } } };
    const r = await runCli([
      'verify', '--json', '--origin', ORIGIN, '--probe-key', 'k', '--methods', 'get',
      '--target', `mirror=${store.endpoint}/cdn/`, '--public', 'mirror',
      '--target', `assets=${store.endpoint}/assets/`, '--private', 'assets', '--service', 'gcs',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.results.filter((x: any) => x.id === 'anonymous-get').map((x: any) => [x.role, x.expected])).toEqual([
      ['mirror', '200'],
      ['assets', 'refused (4xx)'],
    ]);
  });
});

describe('command line', () => {
  const dir = tempDir('verify-args');
  const bad = async (args: string[], message: string) => {
    const r = await runCli(['verify', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain("Run 'replay-storage verify --help' for the options.");
  };

  test('--help', async () => {
    const r = await runCli(['verify', '-h']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: replay-storage verify --origin <dashboard origin>/);
    expect(r.stdout).toContain('Vary: Origin');
  });

  test('errors name the flag and the fix', async () => {
    await bad(['--target', 'a=https://x/'], "verify: '--origin <dashboard origin>' is required");
    await bad(['--origin', 'https://x.example.com/app', '--target', 'a=https://x/'], "verify: '--origin' must be an origin like https://replay.example.com, with no path (got: https://x.example.com/app).");
    await bad(['--origin', 'x'], "verify: '--origin' must be an origin like https://replay.example.com (got: x).");
    await bad(['--origin', 'https://a.example.com', '--other-origin', 'https://a.example.com/'], "verify: '--other-origin' must differ from '--origin'.");
    await bad(['--origin', 'https://a.example.com'], "verify: say where to look: '--outputs <file>', '--target <role>=<url>' or '--replay-prefix <url>'.");
    await bad(['--origin', 'https://a.example.com', '--target', 'assets'], "verify: '--target' takes <role>=<url> (got: assets).");
    await bad(['--origin', 'https://a.example.com', '--target', 'assets=ftp://x/'], "verify: '--target' must be an http(s) URL (got: ftp://x/).");
    await bad(['--origin', 'https://a.example.com', '--target', 'a=https://x/', '--service', 'minio'], "verify: '--service' must be s3, azure or gcs (got: minio).");
    await bad(['--origin', 'https://a.example.com', '--target', 'a=https://x/', '--timeout', '0'], "verify: '--timeout' must be a positive number of seconds (got: 0).");
    await bad(['--origin', 'https://a.example.com', '--target', 'a=https://x/', '--methods', ','], "verify: '--methods' takes a list like GET,HEAD.");
    await bad(['--origin', 'https://a.example.com', '--target', 'a=https://x/', '--signed-get', 'b=https://x/k'], "verify: '--signed-get b=...' names no checked role (roles: a).");
    await bad(['--origin', 'https://a.example.com', '--outputs', 'x.json', '--target', 'a=https://x/'], "verify: use either '--outputs' or '--target'/'--replay-prefix', not both.");
    await bad(['--origin', 'https://a.example.com', '--target', 'a=https://x/', '--nope'], "Unknown option '--nope'");
  });

  test('outputs without metadata: the stack was deployed with an older version', async () => {
    const outputs = deployed('azure-logrocket');
    deleteOutput(outputs, metadataKey(outputs));
    const r = await runCli(['verify', '--origin', 'https://a.example.com', '--outputs', writeJson(dir, 'old.json', outputs)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "has no replay-storage metadata: outputs logrocket_account_key, logrocket_blob_endpoint_suffix, logrocket_helm_values, ... look like a replay-storage construct's but have no Metadata output ('logrocket_metadata').",
    );
  });

  test('metadata with an unknown schema', async () => {
    const outputs = deployed('aws-openreplay');
    editMetadata(outputs, (m) => ({ ...m, schema: 'replay-storage/v0' }));
    const r = await runCli(['verify', '--origin', 'https://a.example.com', '--outputs', writeJson(dir, 'v0.json', outputs)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "replay-storage verify: output 'OpenReplayMetadata' of stack 'OpenReplayStorageExample' must have metadata schema 'replay-storage/v1', the only one this replay-storage command reads (got: replay-storage/v0).",
    );
  });

  test('an outputs file with two constructs needs --prefix', async () => {
    const file = writeJson(dir, 'both.json', { ...deployed('aws-openreplay'), ...deployed('aws-logrocket') });
    const r = await runCli(['verify', '--origin', 'https://a.example.com', '--outputs', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('holds 2 replay-storage constructs (OpenReplayStorageExample/OpenReplay, LogRocketStorageExample/LogRocket); pick one with --prefix (and --stack).');
  });
});

describe('replay-storage', () => {
  test('no command: usage on stderr, exit 2', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Usage: replay-storage <command>/);
  });

  test('an unknown command', async () => {
    const r = await runCli(['deploy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^replay-storage: no command 'deploy'\./);
  });

  test('help and help <command>', async () => {
    expect((await runCli(['--help'])).stdout).toMatch(/^Usage: replay-storage <command>/);
    expect((await runCli(['help', 'values'])).stdout).toMatch(/^Usage: replay-storage values/);
    const unknown = await runCli(['help', 'nope']);
    expect(unknown.code).toBe(2);
  });
});
