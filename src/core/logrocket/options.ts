/**
 * What LogRocket self-hosted's storage is, said the same way on every cloud.
 * Each cloud's `LogRocketStorageProps` extends it with that cloud's own
 * options. On Azure the userFiles "bucket" is a Blob container.
 */
export interface LogRocketStorageOptions {
  /**
   * Name of the userFiles bucket (container on Azure),
   * `fileStorage.buckets.userFiles`. It is part of every replay asset URL.
   */
  readonly userFilesBucketName: string;

  /**
   * Origins of the LogRocket dashboard, allowed by CORS to GET and HEAD
   * async-uploaded assets (and to pass the OPTIONS preflight). Each is a
   * bare origin such as `https://logrocket.example.com`; `'*'` is accepted
   * with a synth warning.
   */
  readonly dashboardOrigins: string[];

  /**
   * How long browsers may cache a CORS preflight answer, in seconds (0-86400).
   *
   * @default 3600
   */
  readonly corsMaxAgeSeconds?: number;

  /**
   * Additional browser URL prefixes replay fetches async-uploaded assets
   * from (`cachedAssetPrefixes`): a CDN, proxy, custom endpoint or legacy
   * bucket. Each is the full https URL before the asset hash and ends with
   * `/`. Never the primary prefix the chart derives itself.
   *
   * @default - none
   */
  readonly cachedAssetPrefixes?: string[];

  /**
   * `backendIngest.enabled`: the backend signs upload URLs for the mobile
   * SDK's async image upload. Rollback: `false`, with no custom
   * `cachedAssetPrefixes`, and async upload off in the SDK (Android:
   * `setEnableAsyncImageUpload(false)`).
   *
   * @default true
   */
  readonly backendIngest?: boolean;

  /**
   * Whether mobile apps upload image assets straight to userFiles with
   * signed URLs (async image upload in the mobile SDK). Set `false` only
   * after turning it off in the SDK; only then may writes be restricted to
   * networks (AWS `restrictWritesTo`).
   *
   * @default true
   */
  readonly asyncMobileUpload?: boolean;

  /**
   * Whether to turn on object versioning for userFiles. Overwritten and
   * deleted objects stay as noncurrent versions for
   * `noncurrentVersionExpirationDays`.
   *
   * @default false
   */
  readonly versioned?: boolean;

  /**
   * Days a noncurrent object version is kept when `versioned` is on (1-3650).
   *
   * @default 30
   */
  readonly noncurrentVersionExpirationDays?: number;

  /**
   * Prefix of the stack output names: `<prefix>HelmValues` in CloudFormation
   * (letters and digits), `<prefix>_helm_values` in Terraform (a Terraform
   * identifier).
   *
   * @default - derived from the construct id
   */
  readonly outputPrefix?: string;
}
