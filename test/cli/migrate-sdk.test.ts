/**
 * Loading the tag step's SDKs: a build without the bundle (the SDK package
 * not resolvable) gives a message naming the fix, not a stack trace.
 */

test('a missing SDK bundle is named, with the fix', () => {
  jest.isolateModules(() => {
    jest.doMock('../../src/cli/sdk/s3', () => {
      throw Object.assign(new Error("Cannot find module '@aws-sdk/client-s3'\nRequire stack: ..."), { code: 'MODULE_NOT_FOUND' });
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module registry per test (isolateModules)
    const { loadS3Sdk } = require('../../src/cli/migrate-sdk') as typeof import('../../src/cli/migrate-sdk');
    const load = () => loadS3Sdk();
    expect(load).toThrow(
      "the bundled AWS SDK (object tags) is missing from this installation of replay-storage (Cannot find module '@aws-sdk/client-s3'). Reinstall the package; in a checkout, build it with `npx projen compile`.",
    );
  });
  jest.dontMock('../../src/cli/sdk/s3');
});

test('the SDK modules load from the sources (in a checkout, from the development dependencies)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the mock of the first test is lifted
  const { loadAzureSdk, loadS3Sdk } = require('../../src/cli/migrate-sdk') as typeof import('../../src/cli/migrate-sdk');
  expect(typeof loadS3Sdk().S3Client).toBe('function');
  expect(typeof loadAzureSdk().BlobServiceClient).toBe('function');
});
