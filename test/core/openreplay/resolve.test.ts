/**
 * Rules of the OpenReplay model that every cloud shares, tested once on the
 * model (the constructs feed it; test/contract checks they all do).
 */
import { AZURE_BLOB_BACKEND } from '../../../src/core/backends/azure-blob';
import { S3_BACKEND } from '../../../src/core/backends/s3';
import type { OpenReplayStorageOptions } from '../../../src/core/openreplay/options';
import { resolveOpenReplay } from '../../../src/core/openreplay/resolve';
import { validateAzureAccountForOpenReplay } from '../../../src/core/validation/azure-names';

const resolve = (props: OpenReplayStorageOptions, backend = S3_BACKEND) =>
  resolveOpenReplay(props, { backend, outputStyle: 'cloudformation', constructId: 'OpenReplay', constructPath: 'S/OpenReplay' });

test("a records name while 'records' is off is refused", () => {
  expect(() => resolve({ bucketNames: { records: 'acme-records' } })).toThrow(/'bucketNames.records' must be unset while 'records' is false \(got: acme-records\)\. Remove 'bucketNames.records', or set 'records: true'\./);
});

test('an unknown role in bucketNames is refused', () => {
  expect(() => resolve({ bucketNames: { logs: 'acme-logs' } as any })).toThrow(/'bucketNames.logs' must be one of recordings, assets, sourcemaps, spots, records/);
});

test('records turns on a bucket whose CORS allows PUT, the others stay GET-only on S3', () => {
  const model = resolve({ records: true, dashboardOrigins: ['https://or.example.com'] });
  expect(model.buckets.find((b) => b.role === 'records')?.cors.allowedMethods).toEqual(['GET', 'PUT']);
  expect(model.buckets.find((b) => b.role === 'recordings')?.cors.allowedMethods).toEqual(['GET']);
});

test('spots default on where they work and off on Azure Blob', () => {
  expect(resolve({}).buckets.map((b) => b.role)).toContain('spots');
  expect(resolve({}, AZURE_BLOB_BACKEND).buckets.map((b) => b.role)).not.toContain('spots');
});

test("an Azure account name containing 'minio' is refused (the chart takes such an endpoint for its bundled MinIO)", () => {
  expect(() => validateAzureAccountForOpenReplay('storageAccountName', 'acmeminio01')).toThrow(
    /'storageAccountName' must be a name without 'minio' \(got: acmeminio01\)\. OpenReplay's chart mistakes such an endpoint for its bundled MinIO/,
  );
  expect(() => validateAzureAccountForOpenReplay('storageAccountName', 'acmereplay01')).not.toThrow();
});
