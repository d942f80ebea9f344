/**
 * The part of the AWS SDK the attribute step uses: MinIO's and S3's object
 * tags. In the published package this file is replaced by a self-contained
 * bundle of exactly these exports (scripts/bundle-sdks.ts), so `migrate`
 * needs no SDK installed next to it.
 */
// eslint-disable-next-line import/no-extraneous-dependencies -- bundled into lib/cli/sdk by the build, not installed with the package
export { GetObjectTaggingCommand, PutObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
