/**
 * Settings every replay storage construct on Google Cloud shares.
 */
export interface GcsReplayStorageCommonProps {
  /**
   * Where the buckets live: a region (`EUROPE-WEST1`), a dual-region
   * (`EUR4`) or a multi-region (`US`, `EU`, `ASIA`). Pick the one closest to
   * the cluster: the backend reads and writes every object from there.
   * @see https://cloud.google.com/storage/docs/locations
   * @default 'US'
   */
  readonly location?: string;

  /**
   * Let `terraform destroy` delete buckets that still hold objects.
   *
   * Off by default so that recordings survive a destroy; turn it on only for
   * throwaway environments.
   * @default false
   */
  readonly forceDestroy?: boolean;

  /**
   * Turn on Object Versioning on the buckets that hold recordings (OpenReplay
   * recordings and spots, LogRocket userFiles). Overwritten and deleted
   * objects then stay as noncurrent versions until
   * `noncurrentVersionExpirationDays` passes.
   * @default false
   */
  readonly versioned?: boolean;

  /**
   * Days after which a noncurrent object version is deleted, on buckets with
   * versioning on. Ignored when `versioned` is false.
   * @default 30
   */
  readonly noncurrentVersionExpirationDays?: number;

  /**
   * Cloud KMS key that encrypts new objects (customer-managed encryption).
   * Cloud Storage's service agent needs `roles/cloudkms.cryptoKeyEncrypterDecrypter`
   * on it. Objects are always encrypted at rest; without a key Google
   * manages the keys.
   * @see https://cloud.google.com/storage/docs/encryption/customer-managed-keys
   * @default - Google-managed encryption keys
   */
  readonly kmsKeyName?: string;

  /**
   * Labels put on every bucket.
   * @default - none
   */
  readonly labels?: { [key: string]: string };

  /**
   * Id of the service account the backend uses (the part of its email before
   * `@`). Must be unique in the project.
   * @default - derived from the construct id
   */
  readonly serviceAccountId?: string;

  /**
   * How long browsers may cache a CORS preflight answer, in seconds.
   * @default 3600
   */
  readonly corsMaxAgeSeconds?: number;

  /**
   * Prefix of the Terraform output names, e.g. `<prefix>_helm_values`.
   * @default - the construct id lowercased, other characters than letters and digits turned into `_`
   */
  readonly outputPrefix?: string;
}
