// Shared, cloud-neutral property types.
export * from './core/types';

// One jsii submodule per cloud. TypeScript users should import the cloud they
// use by path (`replay-storage/lib/aws`) so that only that toolkit is loaded.
export * as aws from './aws';
export * as gcp from './gcp';
export * as azure from './azure';
