import type { ReplayWarning } from '../warnings';

/** The three object stores the constructs render to. */
export type StorageBackendKind = 's3' | 'gcs' | 'azure-blob';

/** The cloud a backend belongs to (also the entry point: `replay-storage/lib/<cloud>`). */
export type Cloud = 'aws' | 'gcp' | 'azure';

/** How a bucket gets its name when the user gives neither a name nor a prefix. */
export type UnsetNamePolicy =
  /** The toolkit generates a unique name (CloudFormation). */
  | 'generated'
  /** A name is required (global namespace, no generator). */
  | 'required'
  /** The chart's default name (names are scoped to an account). */
  | 'chart-default';

/**
 * The facts of one object store that product decisions depend on. Product
 * rules live in `core/openreplay` and `core/logrocket`; they ask the backend,
 * never the cloud's name.
 */
export interface StorageBackend {
  readonly kind: StorageBackendKind;
  readonly cloud: Cloud;
  /** What this store calls a bucket, for messages and docs. */
  readonly bucketNoun: 'bucket' | 'container';
  /** How a name left unset is filled. */
  readonly unsetName: UnsetNamePolicy;
  /** Whether objects carry tags a lifecycle rule can match. */
  readonly hasObjectTags: boolean;
  /** Whether a lifecycle rule can abort incomplete multipart uploads. */
  readonly abortsIncompleteUploads: boolean;
  /** Whether a CORS rule must list OPTIONS for the preflight to pass. */
  readonly corsListsPreflight: boolean;
  /** Most origins one CORS rule accepts, when the store limits it. */
  readonly maxCorsOrigins?: number;
  /** Whether CORS is set per bucket (S3, GCS) or once for the whole account (Azure Blob service). */
  readonly corsPerBucket: boolean;
  /** Why OpenReplay's spots do not work on this store, when they do not (spots then default to off). */
  readonly spotsBroken?: string;
  /** Throws a validation error when a bucket name breaks this store's rules. */
  validateBucketName(prop: string, name: string | undefined): void;
  /** A warning about a name that is valid but troublesome, if any. */
  bucketNameWarning(prop: string, name: string | undefined): ReplayWarning | undefined;
}
