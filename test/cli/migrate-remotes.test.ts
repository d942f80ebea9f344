/**
 * `migrate`'s rclone setup, without rclone: the remotes each cloud gets,
 * where each key goes (the rclone process's environment, never argv or the
 * config file), and the command lines of copy, check and listing.
 */
import { ExampleName } from './support/examples';
import { deployedOutputs } from './support/outputs-files';
import { checkEndpoint, type MigratePlan, parseSourceBuckets, planMigration } from '../../src/cli/migrate-plan';
import { checkArgs, copyArgs, isSupportedVersion, listArgs, parseRcloneVersion, sizeArgs, statArgs } from '../../src/cli/migrate-rclone-args';
import { readKeys, rcloneProcessEnv, remoteDefinitions } from '../../src/cli/migrate-remotes';
import { findInstances, parseOutputs } from '../../src/cli/outputs';

const MINIO = 'http://minio.db.svc.cluster.local:9000';
const KEYS = {
  MINIO_ACCESS_KEY: 'minio-access-AKIA0000',
  MINIO_SECRET_KEY: 'minio-secret-s3cr3t/+=',
  GCS_HMAC_ACCESS_ID: 'GOOG1EHMACACCESSID',
  GCS_HMAC_SECRET: 'gcs-hmac-secret/+=',
  AZURE_STORAGE_KEY: 'YXp1cmUta2V5LXNlY3JldA==',
};
const SECRETS = [KEYS.MINIO_SECRET_KEY, KEYS.MINIO_ACCESS_KEY, KEYS.GCS_HMAC_SECRET, KEYS.GCS_HMAC_ACCESS_ID, KEYS.AZURE_STORAGE_KEY];

function plan(example: ExampleName, options: { targetEndpoint?: string; azureAccount?: string; sourceBuckets?: string } = {}): MigratePlan {
  const [instance] = findInstances(parseOutputs(JSON.stringify(deployedOutputs(example)), example));
  const { sourceBuckets, ...rest } = options;
  return planMigration(instance, { sourceEndpoint: MINIO, sourceBuckets: parseSourceBuckets(sourceBuckets), ...rest });
}

function setup(p: MigratePlan, parent: NodeJS.ProcessEnv = {}) {
  const keys = readKeys(p, KEYS);
  return rcloneProcessEnv(remoteDefinitions(p, keys), { ...parent, ...KEYS }, '/tmp/x/rclone.conf');
}

const SETTINGS = { transfers: 8, dryRun: false };

describe('remotes per cloud', () => {
  test('AWS: MinIO as S3 provider Minio, the target as provider AWS with the standard AWS credentials (env_auth), no bucket created', () => {
    const p = plan('aws-openreplay');
    const { env } = setup(p);
    expect(p.moves.map((m) => [m.role, m.source, m.target])).toEqual([
      ['recordings', 'mobs', 'example-openreplay-mobs'],
      ['assets', 'sessions-assets', 'example-openreplay-sessions-assets'],
      ['sourcemaps', 'sourcemaps', 'example-openreplay-sourcemaps'],
      ['spots', 'spots', 'example-openreplay-spots'],
    ]);
    expect(env).toMatchObject({
      RCLONE_CONFIG_MINIO_TYPE: 's3',
      RCLONE_CONFIG_MINIO_PROVIDER: 'Minio',
      RCLONE_CONFIG_MINIO_ENDPOINT: MINIO,
      RCLONE_CONFIG_MINIO_ENV_AUTH: 'false',
      RCLONE_CONFIG_MINIO_MIGHT_GZIP: 'false',
      RCLONE_CONFIG_MINIO_DECOMPRESS: 'false',
      RCLONE_CONFIG_MINIO_ACCESS_KEY_ID: KEYS.MINIO_ACCESS_KEY,
      RCLONE_CONFIG_MINIO_SECRET_ACCESS_KEY: KEYS.MINIO_SECRET_KEY,
      RCLONE_CONFIG_TARGET_TYPE: 's3',
      RCLONE_CONFIG_TARGET_PROVIDER: 'AWS',
      RCLONE_CONFIG_TARGET_REGION: 'eu-central-1',
      RCLONE_CONFIG_TARGET_ENV_AUTH: 'true',
      RCLONE_CONFIG_TARGET_NO_CHECK_BUCKET: 'true',
    });
    expect(env.RCLONE_CONFIG_TARGET_ENDPOINT).toBeUndefined();
    expect(Object.keys(env).filter((k) => k.startsWith('RCLONE_CONFIG_TARGET_') && /KEY/.test(k))).toEqual([]);
  });

  test('AWS with --target-endpoint: path-style provider Other (rclone 1.60 sends provider AWS virtual-hosted)', () => {
    const { env } = setup(plan('aws-openreplay', { targetEndpoint: 'http://127.0.0.1:7480' }));
    expect(env).toMatchObject({ RCLONE_CONFIG_TARGET_PROVIDER: 'Other', RCLONE_CONFIG_TARGET_ENDPOINT: 'http://127.0.0.1:7480', RCLONE_CONFIG_TARGET_FORCE_PATH_STYLE: 'true' });
  });

  test('Cloud Storage: S3 with the HMAC key (provider Other: 1.60 has no GCS provider), the region the backend signs with', () => {
    const p = plan('gcp-openreplay');
    const { env } = setup(p);
    expect(p.target).toMatchObject({ kind: 'gcs', endpoint: 'https://storage.googleapis.com' });
    expect(env).toMatchObject({
      RCLONE_CONFIG_TARGET_TYPE: 's3',
      RCLONE_CONFIG_TARGET_PROVIDER: 'Other',
      RCLONE_CONFIG_TARGET_ENDPOINT: 'https://storage.googleapis.com',
      RCLONE_CONFIG_TARGET_ACCESS_KEY_ID: KEYS.GCS_HMAC_ACCESS_ID,
      RCLONE_CONFIG_TARGET_SECRET_ACCESS_KEY: KEYS.GCS_HMAC_SECRET,
      RCLONE_CONFIG_TARGET_ENV_AUTH: 'false',
    });
    expect(env.RCLONE_CONFIG_TARGET_REGION).toMatch(/^[a-z0-9-]+$/);
  });

  test('Azure: azureblob with the account from the outputs, the key from AZURE_STORAGE_KEY, the endpoint suffix', () => {
    const p = plan('azure-openreplay');
    const { env } = setup(p);
    expect(p.target).toMatchObject({ kind: 'azure', endpointSuffix: 'blob.core.windows.net' });
    expect(env).toMatchObject({
      RCLONE_CONFIG_TARGET_TYPE: 'azureblob',
      RCLONE_CONFIG_TARGET_ACCOUNT: (p.target as { account: string }).account,
      RCLONE_CONFIG_TARGET_ENDPOINT: 'blob.core.windows.net',
      RCLONE_CONFIG_TARGET_KEY: KEYS.AZURE_STORAGE_KEY,
    });
    expect(p.moves.map((m) => m.role)).toEqual(['recordings', 'assets', 'sourcemaps']);
  });

  test('Azure emulator: path-style endpoint in rclone emulator mode, only as the published account', () => {
    const { env } = setup(plan('azure-openreplay', { targetEndpoint: 'http://127.0.0.1:10000/devstoreaccount1', azureAccount: 'devstoreaccount1' }));
    expect(env).toMatchObject({ RCLONE_CONFIG_TARGET_USE_EMULATOR: 'true', RCLONE_CONFIG_TARGET_ENDPOINT: 'http://127.0.0.1:10000/devstoreaccount1' });
    expect(() => plan('azure-openreplay', { targetEndpoint: 'http://127.0.0.1:10000/other' })).toThrow(/http:\/\/host:port\/openreplaydemo/);
    expect(() => plan('azure-openreplay', { azureAccount: 'someoneelse' })).toThrow(/AZURE_STORAGE_ACCOUNT is 'someoneelse'/);
  });

  test('--source-buckets renames MinIO buckets per role; unknown roles and roles the deploy lacks are refused', () => {
    expect(plan('aws-openreplay', { sourceBuckets: 'recordings=old-mobs, assets=old-assets' }).moves.slice(0, 2).map((m) => m.source)).toEqual(['old-mobs', 'old-assets']);
    expect(() => parseSourceBuckets('videos=x')).toThrow(/roles recordings, assets, sourcemaps, spots, records/);
    expect(() => parseSourceBuckets('recordings=Bad_Name:')).toThrow(/must be a bucket name/);
    expect(() => plan('aws-openreplay', { sourceBuckets: 'records=records' })).toThrow(/has no records bucket/);
  });

  test('missing keys are named, with where to find them', () => {
    const p = plan('gcp-openreplay');
    expect(() => readKeys(p, {})).toThrow(/set MINIO_ACCESS_KEY and MINIO_SECRET_KEY/);
    expect(() => readKeys(p, { MINIO_ACCESS_KEY: 'a', MINIO_SECRET_KEY: 'b' })).toThrow(/set GCS_HMAC_ACCESS_ID and GCS_HMAC_SECRET .*Credentials output/);
    expect(() => readKeys(plan('azure-openreplay'), { MINIO_ACCESS_KEY: 'a', MINIO_SECRET_KEY: 'b' })).toThrow(/set AZURE_STORAGE_KEY/);
  });
});

describe('what reaches rclone', () => {
  const clouds: ExampleName[] = ['aws-openreplay', 'gcp-openreplay', 'azure-openreplay'];

  test.each(clouds)('%s: no key in any command line; keys only in the environment', (example) => {
    const p = plan(example);
    const s = setup(p);
    const argv = [
      ...s.globalArgs,
      ...p.moves.flatMap((m) => [...copyArgs(m, { ...SETTINGS, maxAgeDays: 30, dryRun: true }), ...checkArgs(m, SETTINGS), ...listArgs(m, {}, true), ...statArgs(`minio:${m.source}`)]),
    ].join(' ');
    for (const secret of SECRETS) expect(argv).not.toContain(secret);
    const inEnv = SECRETS.filter((secret) => Object.entries(s.env).some(([k, v]) => k.startsWith('RCLONE_CONFIG_') && v === secret));
    expect(inEnv.length).toBeGreaterThanOrEqual(2);
    expect(s.secretValues).toContain(KEYS.MINIO_SECRET_KEY);
    expect(s.secretValues).not.toContain(KEYS.MINIO_ACCESS_KEY);
  });

  test('other definitions of the two remotes and RCLONE_CONFIG are dropped; other settings pass; AWS_CA_BUNDLE becomes --ca-cert', () => {
    const s = setup(plan('aws-openreplay'), {
      RCLONE_CONFIG: '/home/u/.config/rclone/rclone.conf',
      RCLONE_CONFIG_TARGET_PROVIDER: 'Wasabi',
      rclone_config_minio_endpoint: 'http://evil',
      RCLONE_BWLIMIT: '10M',
      AWS_PROFILE: 'prod',
      AWS_CA_BUNDLE: '/etc/ssl/corp.pem',
    });
    expect(s.env).toMatchObject({ RCLONE_CONFIG_TARGET_PROVIDER: 'AWS', RCLONE_BWLIMIT: '10M', AWS_PROFILE: 'prod' });
    expect(s.env.RCLONE_CONFIG).toBeUndefined();
    expect(s.env.rclone_config_minio_endpoint).toBeUndefined();
    expect(s.env.AWS_CA_BUNDLE).toBeUndefined();
    expect(s.globalArgs).toEqual(['--config', '/tmp/x/rclone.conf', '--use-json-log', '--ca-cert', '/etc/ssl/corp.pem']);
  });

  test('copy: metadata, checksum comparison, bounded transfers, age window, progress, dry run', () => {
    const [move] = plan('aws-openreplay').moves;
    expect(copyArgs(move, { transfers: 3, maxAgeDays: 30, dryRun: true })).toEqual([
      'copy', 'minio:mobs', 'target:example-openreplay-mobs',
      '--metadata', '--checksum', '--use-server-modtime', '--max-age', '30d',
      '--transfers', '3', '--checkers', '6',
      '--stats', '5s', '--stats-log-level', 'NOTICE', '--dry-run',
    ]);
    expect(copyArgs(move, SETTINGS)).not.toContain('--max-age');
    expect(checkArgs(move, { ...SETTINGS, maxAgeDays: 7 })).toEqual(
      ['check', 'minio:mobs', 'target:example-openreplay-mobs', '--one-way', '--combined', '-', '--use-server-modtime', '--max-age', '7d', '--checkers', '16'],
    );
    expect(sizeArgs('target:b')).toEqual(['size', 'target:b', '--json']);
    expect(listArgs(move, {}, false)).not.toContain('--metadata');
  });

  test('rclone versions: 1.59 and later have --metadata', () => {
    expect(parseRcloneVersion('rclone v1.60.1-DEV\n- os/version: debian 12')).toEqual([1, 60, 1]);
    expect(isSupportedVersion([1, 60, 1])).toBe(true);
    expect(isSupportedVersion([1, 58, 2])).toBe(false);
    expect(isSupportedVersion([2, 0, 0])).toBe(true);
  });

  test('endpoints: scheme, host and port only; never a user name or password', () => {
    expect(checkEndpoint('--source-endpoint', 'http://minio:9000/')).toBe('http://minio:9000');
    expect(() => checkEndpoint('--source-endpoint', 'http://key:secret@minio:9000')).toThrow(/keys come from the environment/);
    expect(() => checkEndpoint('--source-endpoint', 'minio:9000')).toThrow(/must be an http\(s\) URL/);
    expect(() => checkEndpoint('--source-endpoint', 'http://minio:9000/bucket')).toThrow(/scheme, host and port only/);
    expect(checkEndpoint('--target-endpoint', 'http://127.0.0.1:10000/devstoreaccount1', true)).toBe('http://127.0.0.1:10000/devstoreaccount1');
  });
});
