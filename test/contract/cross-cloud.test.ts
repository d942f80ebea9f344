/**
 * The cross-cloud contract: each product built on AWS, Google Cloud and
 * Azure from the same cloud-neutral input must agree on roles, CORS,
 * retention, output names, Helm keys and attributes. The only differences
 * allowed are the documented per-backend ones, listed here.
 */
import { type CloudName, logRocketOn, openReplayOn } from './views';
import type { LogRocketStorageOptions, OpenReplayStorageOptions } from '../../src/core';

const CLOUDS: CloudName[] = ['aws', 'gcp', 'azure'];

const OPENREPLAY: OpenReplayStorageOptions = {
  bucketNames: { recordings: 'acme-or-recordings', assets: 'acme-or-assets', sourcemaps: 'acme-or-sourcemaps', spots: 'acme-or-spots' },
  spots: true,
  dashboardOrigins: ['https://openreplay.example.com'],
  corsMaxAgeSeconds: 600,
  deletionTagDays: 14,
  recordingsExpirationDays: 90,
  kubernetesSecretName: 'or-storage',
  kubernetesNamespace: 'replay',
};

const LOGROCKET: LogRocketStorageOptions = {
  userFilesBucketName: 'acme-lr-user-files',
  dashboardOrigins: ['https://logrocket.example.com'],
  corsMaxAgeSeconds: 600,
  cachedAssetPrefixes: ['https://cdn.example.com/user-files/'],
};

/** Outputs only one backend has: where its credentials live and how it is addressed. */
const OPENREPLAY_CLOUD_OUTPUTS: Record<CloudName, string[]> = {
  aws: ['SecretArn', 'ExternalSecretManifest', 'LegacyAssets', 'LegacyChalice', 'LegacyHttp', 'LegacyStorage', 'LegacyVars'],
  gcp: ['Credentials', 'ServiceAccountEmail', 'LegacyAssets', 'LegacyChalice', 'LegacyHttp', 'LegacyStorage', 'LegacyVars'],
  // The legacy chart has no Azure support.
  azure: ['AccountKey', 'BlobEndpoint', 'StorageAccountName'],
};
const LOGROCKET_CLOUD_OUTPUTS: Record<CloudName, string[]> = {
  aws: ['Region', 'SecretArn'],
  gcp: ['ServiceAccountEmail'],
  azure: ['AccountKey', 'BlobEndpointSuffix', 'StorageAccountName'],
};

describe('OpenReplayStorage: one contract on every cloud', () => {
  const built = Object.fromEntries(CLOUDS.map((c) => [c, openReplayOn(c, OPENREPLAY)])) as Record<CloudName, ReturnType<typeof openReplayOn>>;
  const names = Object.values(OPENREPLAY.bucketNames!).sort();

  test.each(CLOUDS)('%s: the four roles, named as given', (cloud) => {
    expect(built[cloud].view.buckets).toEqual(names);
  });

  test.each(CLOUDS)('%s: every bucket allows GET from the dashboard origin, with the same preflight cache', (cloud) => {
    for (const name of names) expect(built[cloud].view.cors[name]).toEqual({ origins: ['https://openreplay.example.com'], methods: ['GET'], maxAge: 600 });
  });

  test.each(CLOUDS)('%s: recordings and spots expire by age after recordingsExpirationDays', (cloud) => {
    expect(built[cloud].view.ageExpiry).toEqual({ 90: ['acme-or-recordings', 'acme-or-spots'] });
  });

  test.each(['aws', 'azure'] as CloudName[])('%s (object tags): objects tagged to_delete_in_days=<deletionTagDays> expire after as many days', (cloud) => {
    expect(built[cloud].view.tagDeletion).toEqual({ value: '14', days: 14, buckets: names });
  });

  test('gcp has no object tags: no tag rule, and the backend is told not to tag', () => {
    expect(built.gcp.view.tagDeletion).toBeUndefined();
    expect(built.gcp.view.helm.global.env.USE_S3_TAGS).toBe('false');
  });

  test.each(CLOUDS)('%s: the backend is told SCH_DELETE_DAYS = deletionTagDays', (cloud) => {
    expect(built[cloud].view.helm.global.env.SCH_DELETE_DAYS).toBe('14');
  });

  test.each(CLOUDS)('%s: the same chart keys name the same buckets', (cloud) => {
    const { helm } = built[cloud].view;
    expect(helm.minio).toEqual({ enabled: false });
    expect(helm.global.s3).toMatchObject({
      recordingsBucket: 'acme-or-recordings',
      assetsBucket: 'acme-or-assets',
      sourcemapsBucket: 'acme-or-sourcemaps',
      spotsBucket: 'acme-or-spots',
    });
    expect(Object.keys(helm.global).sort()).toEqual(['assetsOrigin', 'env', 's3']);
  });

  test.each(CLOUDS)('%s: the shared outputs, plus only the documented backend ones', (cloud) => {
    const shared = ['AssetsBucket', 'AssetsOrigin', 'CreateSecretCommand', 'Endpoint', 'HelmValues', 'Metadata', 'RecordingsBucket', 'Region', 'SourcemapsBucket', 'SpotsBucket'];
    expect(built[cloud].view.outputs).toEqual([...shared, ...OPENREPLAY_CLOUD_OUTPUTS[cloud]].sort());
  });

  test.each(CLOUDS)('%s: the metadata names every output exactly as emitted', (cloud) => {
    expect(built[cloud].view.metadataKeys).toEqual(built[cloud].view.emittedKeys);
  });

  test.each(CLOUDS)('%s: metadata names the product, the cloud and the same Kubernetes secret', (cloud) => {
    const { metadata } = built[cloud].view;
    expect(metadata).toMatchObject({ schema: 'replay-storage/v1', product: 'openreplay', cloud });
    expect(metadata.kubernetesSecret).toMatchObject({ name: 'or-storage', namespace: 'replay' });
    // Verified per store in the chart's release tags: existingSecret everywhere from v1.23.0, Azure secretEnv in utilities from v1.27.0.
    expect(metadata.minimumChartVersion).toBe(cloud === 'azure' ? 'v1.27.0' : 'v1.23.0');
  });

  test.each(CLOUDS)('%s: the neutral attributes', (cloud) => {
    const c = built[cloud].construct;
    expect([c.recordingsBucketName, c.assetsBucketName, c.sourcemapsBucketName, c.spotsBucketName]).toEqual([
      'acme-or-recordings',
      'acme-or-assets',
      'acme-or-sourcemaps',
      'acme-or-spots',
    ]);
    expect(c.deletionTagDays).toBe(14);
    expect(c.assetsOrigin.endsWith('/')).toBe(false);
    expect(c.createSecretCommand).toContain('metadata: {name: "or-storage", namespace: "replay"}');
    expect(c.createSecretCommand).toMatch(/\| kubectl apply -f -$/);
  });
});

describe('OpenReplayStorage: the documented default differences', () => {
  const { bucketNames: _names, spots: _spots, ...rest } = OPENREPLAY;
  const withPrefix: OpenReplayStorageOptions = { ...rest, bucketNamePrefix: 'acme-or' };

  test.each(['aws', 'gcp'] as CloudName[])('%s: spots on by default', (cloud) => {
    expect(openReplayOn(cloud, withPrefix).view.buckets).toContain('acme-or-spots');
  });

  test('azure: spots off by default (the enterprise Azure client makes malformed spot upload URLs)', () => {
    expect(openReplayOn('azure', withPrefix).view.buckets).not.toContain('acme-or-spots');
  });

  test.each(CLOUDS)('%s: records (enterprise) adds one private bucket whose CORS allows the browser PUT', (cloud) => {
    const { view } = openReplayOn(cloud, { ...withPrefix, records: true });
    expect(view.buckets).toContain('acme-or-records');
    expect(view.cors['acme-or-records'].methods).toEqual(['GET', 'PUT']);
    expect(view.helm.global.s3.assistRecordsBucket).toBe('acme-or-records');
    expect(view.outputs).toContain('RecordsBucket');
    // Per bucket where the store allows it: the recordings bucket stays GET-only on S3 and GCS.
    expect(view.cors['acme-or-recordings'].methods).toEqual(cloud === 'azure' ? ['GET', 'PUT'] : ['GET']);
  });
});

describe('LogRocketStorage: one contract on every cloud', () => {
  const views = Object.fromEntries(CLOUDS.map((c) => [c, logRocketOn(c, LOGROCKET)])) as Record<CloudName, ReturnType<typeof logRocketOn>>;

  test.each(CLOUDS)('%s: one userFiles bucket with GET and HEAD from the dashboard', (cloud) => {
    expect(views[cloud].buckets).toEqual(['acme-lr-user-files']);
    expect(views[cloud].cors['acme-lr-user-files']).toEqual({ origins: ['https://logrocket.example.com'], methods: ['GET', 'HEAD'], maxAge: 600 });
  });

  test.each(CLOUDS)('%s: the same documented chart keys', (cloud) => {
    const { helm } = views[cloud];
    expect(helm.fileStorage).toEqual({ buckets: { userFiles: 'acme-lr-user-files' } });
    expect(helm.backendIngest).toEqual({ enabled: true });
    expect(helm.cachedAssetPrefixes).toEqual(['https://cdn.example.com/user-files/']);
    // aws.* keys exist only for S3 (the chart derives the S3 prefix from them).
    expect(Object.keys(helm).sort()).toEqual(cloud === 'aws' ? ['aws', 'backendIngest', 'cachedAssetPrefixes', 'fileStorage'] : ['backendIngest', 'cachedAssetPrefixes', 'fileStorage']);
  });

  test.each(CLOUDS)('%s: the shared outputs, plus only the documented backend ones', (cloud) => {
    expect(views[cloud].outputs).toEqual(['HelmValues', 'Metadata', 'ReplayPrefix', 'UserFilesBucket', ...LOGROCKET_CLOUD_OUTPUTS[cloud]].sort());
    expect(views[cloud].metadata).toMatchObject({ schema: 'replay-storage/v1', product: 'logrocket', cloud });
    expect(views[cloud].metadataKeys).toEqual(views[cloud].emittedKeys);
  });
});
