/**
 * Options only Google Cloud has, shared by both products' constructs.
 */
export interface GcpStorageOptions {
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
}
