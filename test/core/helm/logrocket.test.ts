import { logRocketChartValues } from '../../../src/core/helm/logrocket';

describe('logRocketChartValues', () => {
  test('GCP/Azure: userFiles and backendIngest only', () => {
    expect(logRocketChartValues({ userFilesBucket: 'acme-lr-user-files', backendIngest: true })).toEqual({
      fileStorage: { buckets: { userFiles: 'acme-lr-user-files' } },
      backendIngest: { enabled: true },
    });
  });

  it.each([true, false])('AWS: the aws block carries region and useVirtualHostS3 (%s)', (useVirtualHostS3) => {
    const values = logRocketChartValues({
      userFilesBucket: 'acme-lr-user-files',
      aws: { region: 'eu-central-1', useVirtualHostS3 },
      backendIngest: true,
    });
    expect(values.aws).toEqual({ region: 'eu-central-1', useVirtualHostS3 });
    expect(values.fileStorage).toEqual({ buckets: { userFiles: 'acme-lr-user-files' } });
  });

  test('no aws block when not given', () => {
    expect(logRocketChartValues({ userFilesBucket: 'c1', backendIngest: true })).not.toHaveProperty('aws');
  });

  test('rollback: backendIngest.enabled false', () => {
    expect(logRocketChartValues({ userFilesBucket: 'c1', backendIngest: false }).backendIngest).toEqual({ enabled: false });
  });

  it.each([
    ['undefined', undefined],
    ['empty', []],
  ])('cachedAssetPrefixes %s is omitted', (_case, cachedAssetPrefixes) => {
    expect(logRocketChartValues({ userFilesBucket: 'c1', backendIngest: true, cachedAssetPrefixes })).not.toHaveProperty('cachedAssetPrefixes');
  });

  test('cachedAssetPrefixes are emitted in order, as a copy', () => {
    const prefixes = ['https://cdn.example.com/logrocket-user-files/', 'https://storage.googleapis.com/legacy-user-files/'];
    const values = logRocketChartValues({ userFilesBucket: 'c1', backendIngest: true, cachedAssetPrefixes: prefixes });
    expect(values.cachedAssetPrefixes).toEqual(prefixes);
    expect(values.cachedAssetPrefixes).not.toBe(prefixes);
  });

  test('emits only keys the vendor documents', () => {
    const values = logRocketChartValues({
      userFilesBucket: 'c1',
      aws: { region: 'us-east-1', useVirtualHostS3: true },
      backendIngest: true,
      cachedAssetPrefixes: ['https://cdn.example.com/u/'],
    });
    expect(Object.keys(values).sort()).toEqual(['aws', 'backendIngest', 'cachedAssetPrefixes', 'fileStorage']);
  });
});
