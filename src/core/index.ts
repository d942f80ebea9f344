// The cloud-free model every adapter maps from. Internal to the library:
// public construct props live in ./types.
export * from './errors';
export * from './tokens';
export * from './roles';
export * from './cors';
export * from './prefix';
export * from './yaml';
export * from './helm/openreplay';
export * from './helm/logrocket';
export * from './validation/s3-bucket-name';
export * from './validation/gcs-bucket-name';
export * from './validation/azure-names';
export * from './validation/unique-names';
export * from './validation/cors-origin';
export * from './validation/asset-prefixes';
export * from './validation/write-restriction';
export * from './validation/numbers';
export * from './validation/endpoint';
export * from './types';
export * from './kubectl';
export * from './terraform-output-names';
export * from './validation/azure-resource-group-name';
export * from './validation/gcp-service-account-id';
export * from './validation/gcs-dotted-bucket-name';
export * from './validation/kubernetes-names';
