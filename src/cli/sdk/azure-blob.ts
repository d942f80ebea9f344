/**
 * The part of the Azure Storage SDK the attribute step uses: blob index
 * tags and blob headers. In the published package this file is replaced by
 * a self-contained bundle of exactly these exports (scripts/bundle-sdks.ts).
 */
// eslint-disable-next-line import/no-extraneous-dependencies -- bundled into lib/cli/sdk by the build, not installed with the package
export { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
