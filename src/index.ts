// Shared, cloud-neutral property types.
export * from './core/types';

// One jsii submodule per cloud. TypeScript users should import the cloud they
// use by path (`replay-storage/lib/aws`) so that only that toolkit is loaded.
export * as aws from './aws';
export * as gcp from './gcp';
export * as azure from './azure';

// Migration off the bundled MinIO, on each cloud's transfer service (`replay-storage/lib/<cloud>/migration`).
export * as awsMigration from './aws/migration';
export * as gcpMigration from './gcp/migration';
