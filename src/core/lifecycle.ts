/**
 * What a bucket's lifecycle rules must do, cloud-neutral. Each adapter maps
 * it: S3 lifecycle rules, Cloud Storage `lifecycle_rule`, Azure Blob
 * lifecycle management policy.
 */
export interface LifecycleModel {
  /** Delete objects carrying exactly `<key>=<value>`, `days` after they were written. */
  readonly tagExpiry?: { readonly key: string; readonly value: string; readonly days: number };
  /** Delete every object this many days after it was written. */
  readonly expirationDays?: number;
  /** Delete noncurrent versions this many days after they became noncurrent. */
  readonly noncurrentVersionExpirationDays?: number;
  /** Abort multipart uploads left unfinished this many days after they began. */
  readonly abortIncompleteUploadDays?: number;
}

/** Whether the model asks for any rule at all. */
export function hasLifecycleRules(model: LifecycleModel): boolean {
  return (
    model.tagExpiry !== undefined ||
    model.expirationDays !== undefined ||
    model.noncurrentVersionExpirationDays !== undefined ||
    model.abortIncompleteUploadDays !== undefined
  );
}

/** Largest day count a days prop accepts: ten years. */
export const MAX_DAYS = 3650;

/** Noncurrent versions are kept this long unless told otherwise. */
export const DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS = 30;

/**
 * Unfinished multipart uploads are aborted after this many days. OpenReplay's
 * Go uploader sends large files in parts and aborts failed uploads itself
 * (`backend/pkg/objectstorage/s3/s3.go`, through the AWS SDK's upload
 * manager); parts of a crashed process stay billed until this rule removes them.
 */
export const ABORT_INCOMPLETE_UPLOAD_DAYS = 7;
