import {
  OPENREPLAY_SECRET_KEYS,
  OPENREPLAY_STORAGE_SUBCHARTS,
  OpenReplayLegacyInput,
  OpenReplayValuesInput,
  openReplayAzureEnvValues,
  openReplayChartValues,
  openReplayLegacyValues,
} from '../../../src/core/helm/openreplay';
import { CDK_TOKEN } from '../support';

const BUCKETS = {
  recordings: 'acme-or-recordings',
  assets: 'acme-or-assets',
  sourcemaps: 'acme-or-sourcemaps',
  spots: 'acme-or-spots',
};

const INPUT: OpenReplayValuesInput = {
  region: 'eu-central-1',
  endpoint: 'https://s3.eu-central-1.amazonaws.com',
  buckets: BUCKETS,
  assetsOrigin: 'https://acme-or-assets.s3.eu-central-1.amazonaws.com',
  existingSecret: 'openreplay-s3',
};

type Values = {
  minio: { enabled: boolean };
  global: { s3: Record<string, unknown>; assetsOrigin: string; [k: string]: unknown };
  [k: string]: unknown;
};
const chart = (input: OpenReplayValuesInput) => openReplayChartValues(input) as Values;

describe('openReplayChartValues (current chart)', () => {
  test('turns the bundled MinIO off', () => {
    expect(chart(INPUT).minio).toEqual({ enabled: false });
  });

  test('points global.s3.* at the buckets and references the existing secret', () => {
    expect(chart(INPUT).global.s3).toEqual({
      region: INPUT.region,
      endpoint: INPUT.endpoint,
      recordingsBucket: BUCKETS.recordings,
      assetsBucket: BUCKETS.assets,
      sourcemapsBucket: BUCKETS.sourcemaps,
      spotsBucket: BUCKETS.spots,
      existingSecret: 'openreplay-s3',
    });
  });

  test('with an existing secret, no key values are emitted at all', () => {
    const s3 = chart(INPUT).global.s3;
    expect(s3).not.toHaveProperty('accessKey');
    expect(s3).not.toHaveProperty('secretKey');
  });

  test('the secret keys the chart reads are access-key and secret-key', () => {
    expect(OPENREPLAY_SECRET_KEYS).toEqual({ accessKey: 'access-key', secretKey: 'secret-key' });
  });

  test('spots off: spotsBucket is absent, not empty', () => {
    const { spots: _spots, ...threeBuckets } = BUCKETS;
    const s3 = chart({ ...INPUT, buckets: threeBuckets }).global.s3;
    expect(s3).not.toHaveProperty('spotsBucket');
    expect(Object.keys(s3)).toEqual(['region', 'endpoint', 'recordingsBucket', 'assetsBucket', 'sourcemapsBucket', 'existingSecret']);
  });

  test('workload identity: keys are present and empty, and no secret is referenced', () => {
    const { existingSecret: _secret, ...irsa } = INPUT;
    const s3 = chart(irsa).global.s3;
    expect(s3.accessKey).toBe('');
    expect(s3.secretKey).toBe('');
    expect(s3).not.toHaveProperty('existingSecret');
  });

  it.each([
    ['one trailing slash', 'https://storage.googleapis.com/', 'https://acme-or-assets.example.com/'],
    ['several trailing slashes', 'https://storage.googleapis.com//', 'https://acme-or-assets.example.com//'],
    ['none', 'https://storage.googleapis.com', 'https://acme-or-assets.example.com'],
  ])('endpoint and assetsOrigin with %s come out without a trailing slash', (_case, endpoint, assetsOrigin) => {
    const values = chart({ ...INPUT, endpoint, assetsOrigin });
    expect(values.global.s3.endpoint).toBe('https://storage.googleapis.com');
    expect(values.global.assetsOrigin).toBe('https://acme-or-assets.example.com');
  });

  test('unresolved values pass through untouched', () => {
    const values = chart({ ...INPUT, region: CDK_TOKEN, buckets: { ...BUCKETS, recordings: CDK_TOKEN } });
    expect(values.global.s3.region).toBe(CDK_TOKEN);
    expect(values.global.s3.recordingsBucket).toBe(CDK_TOKEN);
  });

  test('globalExtras merge under global next to s3 and assetsOrigin', () => {
    const values = chart({ ...INPUT, globalExtras: { env: { CLOUD: 'azure' } } });
    expect(values.global.env).toEqual({ CLOUD: 'azure' });
    expect(values.global.s3.recordingsBucket).toBe(BUCKETS.recordings);
    expect(values.global.assetsOrigin).toBe(INPUT.assetsOrigin);
  });

  test('topLevelExtras merge at the top level next to minio and global', () => {
    const values = chart({ ...INPUT, topLevelExtras: { api: { existingSecret: 's' } } });
    expect(Object.keys(values).sort()).toEqual(['api', 'global', 'minio']);
    expect(values.api).toEqual({ existingSecret: 's' });
    expect(values.minio).toEqual({ enabled: false });
  });

  test('without extras, only minio and global', () => {
    const values = chart(INPUT);
    expect(Object.keys(values).sort()).toEqual(['global', 'minio']);
    expect(Object.keys(values.global).sort()).toEqual(['assetsOrigin', 's3']);
  });
});

describe('openReplayLegacyValues (legacy installer, openreplay v1.0.0 to v1.8.1)', () => {
  const LEGACY: OpenReplayLegacyInput = {
    region: 'eu-central-1',
    endpoint: 'https://s3.eu-central-1.amazonaws.com/',
    buckets: BUCKETS,
    assetsOrigin: 'https://acme-or-assets.s3.eu-central-1.amazonaws.com/',
    accessKeyId: 'AKIAEXAMPLEKEYID0000',
    secretKeyPlaceholder: '<secret key from Secrets Manager>',
  };
  const docs = openReplayLegacyValues(LEGACY);
  const env = (file: string) => (docs[file] as { env: Record<string, string> }).env;
  const endpoint = 'https://s3.eu-central-1.amazonaws.com';
  const origin = 'https://acme-or-assets.s3.eu-central-1.amazonaws.com';

  test('the five files: vars.yaml as top-level Ansible variables, the app files as env blocks', () => {
    expect(Object.keys(docs).sort()).toEqual(['assets.yaml', 'chalice.yaml', 'http.yaml', 'storage.yaml', 'vars.yaml']);
    // kube-install.sh passes vars.yaml with `-e @vars.yaml`: an env: block there is never read.
    expect(docs['vars.yaml'].env).toBeUndefined();
    for (const file of ['http.yaml', 'storage.yaml', 'assets.yaml', 'chalice.yaml']) expect(Object.keys(docs[file])).toEqual(['env']);
  });

  test('vars.yaml: the credentials every template uses, and the v1.3.6+ storage keys', () => {
    expect(docs['vars.yaml']).toEqual({
      minio_access_key: LEGACY.accessKeyId,
      minio_secret_key: LEGACY.secretKeyPlaceholder,
      s3_endpoint: endpoint,
      aws_region: 'eu-central-1',
      assets_bucket: BUCKETS.assets,
      recordings_bucket: BUCKETS.recordings,
      sourcemaps_bucket: BUCKETS.sourcemaps,
    });
  });

  it.each([
    ['http.yaml', { ASSETS_ORIGIN: origin, AWS_REGION: 'eu-central-1' }],
    ['storage.yaml', { AWS_ENDPOINT: endpoint, AWS_REGION_WEB: 'eu-central-1', S3_BUCKET_WEB: BUCKETS.recordings }],
    ['assets.yaml', { AWS_ENDPOINT: endpoint, AWS_REGION: 'eu-central-1', S3_BUCKET_ASSETS: BUCKETS.assets, ASSETS_ORIGIN: origin }],
    [
      'chalice.yaml',
      {
        AWS_DEFAULT_REGION: 'eu-central-1',
        sessions_bucket: BUCKETS.recordings,
        sessions_region: 'eu-central-1',
        sourcemaps_bucket: BUCKETS.sourcemaps,
        js_cache_bucket: BUCKETS.assets,
        S3_HOST: endpoint,
      },
    ],
  ])('%s holds exactly the keys the installer reads', (file, expected) => {
    expect(env(file)).toEqual(expected);
  });

  test('chalice gets SITE_URL when the dashboard URL is known (it otherwise falls back to S3_HOST up to v1.2.0)', () => {
    expect(openReplayLegacyValues({ ...LEGACY, siteUrl: 'https://openreplay.example.com' })['chalice.yaml'].env).toMatchObject({
      SITE_URL: 'https://openreplay.example.com',
    });
  });

  it.each([
    ['without', 'https://cdn.example.com/assets'],
    ['with one', 'https://cdn.example.com/assets/'],
    ['with two', 'https://cdn.example.com/assets//'],
  ])('ASSETS_ORIGIN never ends with a slash (the cache path starts with one) when the input comes %s', (_case, assetsOrigin) => {
    const out = openReplayLegacyValues({ ...LEGACY, assetsOrigin });
    for (const file of ['http.yaml', 'assets.yaml']) {
      expect((out[file] as { env: Record<string, string> }).env.ASSETS_ORIGIN).toBe('https://cdn.example.com/assets');
    }
  });
});

describe('openReplayAzureEnvValues (enterprise build on Azure Blob)', () => {
  const azure = openReplayAzureEnvValues({ accountName: 'acmereplay', secretName: 'openreplay-azure', secretKey: 'account-key' });

  test('global.env switches the backend to Azure and names the account', () => {
    expect(azure.global).toEqual({ env: { CLOUD: 'azure', AZURE_ACCOUNT_NAME: 'acmereplay' } });
  });

  test('every storage subchart reads AZURE_ACCOUNT_KEY from its existing secret', () => {
    expect(Object.keys(azure.subcharts).sort()).toEqual([...OPENREPLAY_STORAGE_SUBCHARTS].sort());
    for (const chartName of OPENREPLAY_STORAGE_SUBCHARTS) {
      expect(azure.subcharts[chartName]).toEqual({ existingSecret: 'openreplay-azure', secretEnv: { AZURE_ACCOUNT_KEY: 'account-key' } });
    }
  });

  test('the subcharts that read and write objects are all there', () => {
    expect(OPENREPLAY_STORAGE_SUBCHARTS).toEqual(expect.arrayContaining(['chalice', 'storage', 'assets', 'sourcemapreader', 'utilities']));
    // http gets bucket settings but never opens storage (backend/cmd/http/main.go).
    expect(OPENREPLAY_STORAGE_SUBCHARTS).not.toContain('http');
  });

  test('the account key travels by secret reference only: no AZURE_ACCOUNT_KEY in plain env', () => {
    expect(azure.global.env).not.toHaveProperty('AZURE_ACCOUNT_KEY');
  });

  test('plugs into openReplayChartValues through globalExtras and topLevelExtras', () => {
    const values = chart({
      ...INPUT,
      endpoint: 'https://acmereplay.blob.core.windows.net',
      globalExtras: azure.global,
      topLevelExtras: azure.subcharts,
    });
    expect(values.global.env).toEqual({ CLOUD: 'azure', AZURE_ACCOUNT_NAME: 'acmereplay' });
    expect(values.global.s3.assetsBucket).toBe(BUCKETS.assets);
    expect(values.chalice).toEqual({ existingSecret: 'openreplay-azure', secretEnv: { AZURE_ACCOUNT_KEY: 'account-key' } });
    expect(values.minio).toEqual({ enabled: false });
  });
});
