import type { OpenReplayBucketNames } from '../types';

/**
 * What OpenReplay's storage is, said the same way on every cloud. Each
 * cloud's `OpenReplayStorageProps` extends it with that cloud's own options.
 *
 * The chart calls every store a bucket (`global.s3.*Bucket`); on Azure each
 * "bucket" is a Blob container of one storage account.
 */
export interface OpenReplayStorageOptions {
  /**
   * Name of each role's bucket (container on Azure).
   *
   * A role left out is named `<bucketNamePrefix>-<role>` when
   * `bucketNamePrefix` is set; otherwise CloudFormation generates a name on
   * AWS, the chart's default name is used on Azure (containers live inside
   * the account), and Google Cloud requires one (bucket names are global).
   *
   * @default - see above
   */
  readonly bucketNames?: OpenReplayBucketNames;

  /**
   * Prefix of the bucket names not given in `bucketNames`:
   * `<prefix>-recordings`, `<prefix>-assets`, `<prefix>-sourcemaps`,
   * `<prefix>-spots`.
   *
   * @default - no prefix
   */
  readonly bucketNamePrefix?: string;

  /**
   * Whether to create the spots bucket (`global.s3.spotsBucket`), used by
   * OpenReplay versions with Spot recordings.
   *
   * @default true, except on Azure, where the enterprise build's Blob client
   * makes malformed spot upload URLs (off unless asked, with a warning when on)
   */
  readonly spots?: boolean;

  /**
   * Whether to create the enterprise build's Assist call recordings bucket
   * (`global.s3.assistRecordsBucket`). The browser uploads into it with
   * presigned PUT URLs, so its CORS allows PUT from the dashboard origins
   * (on Azure, CORS is an account setting: every container's rule then
   * lists PUT, and writes still need a signed URL).
   *
   * @default false
   */
  readonly records?: boolean;

  /**
   * Origins of the OpenReplay dashboard, allowed by CORS to GET from every
   * bucket (the player fetches recordings and loads fonts from assets).
   * Each is a bare origin such as `https://openreplay.example.com`.
   *
   * @default ['*'] (any origin, with a synth warning)
   */
  readonly dashboardOrigins?: string[];

  /**
   * How long browsers may cache a CORS preflight answer, in seconds (0-86400).
   *
   * @default 3600
   */
  readonly corsMaxAgeSeconds?: number;

  /**
   * Days after which objects the backend tagged for deletion are deleted
   * (1-3650). OpenReplay tags a deleted session's files
   * `to_delete_in_days=<N>` with N = `SCH_DELETE_DAYS`; the Helm values set
   * `SCH_DELETE_DAYS` to this value, and on stores with object tags (S3,
   * Azure Blob) a lifecycle rule deletes objects carrying exactly that tag N
   * days after they were written. Cloud Storage has no object tags, so there
   * the value only reaches the backend.
   *
   * @default 30 (the backend's own default)
   */
  readonly deletionTagDays?: number;

  /**
   * Days after which recordings (the recordings and spots buckets) are
   * deleted by age (1-3650), whether or not the backend tagged them. The
   * dependable cleanup on every cloud: tagging can fail (the backend copies
   * an object onto itself before tagging, which the stores refuse), and
   * Cloud Storage has no tags at all.
   *
   * @default - recordings are kept until deleted
   */
  readonly recordingsExpirationDays?: number;

  /**
   * Whether to turn on object versioning for the buckets that hold
   * recordings (recordings and spots). Overwritten and deleted objects then
   * stay as noncurrent versions for `noncurrentVersionExpirationDays`. On
   * Azure, versioning is an account setting and covers every container.
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
   * Name of the Kubernetes secret the Helm values read the storage
   * credentials from (the key pair on AWS and Google Cloud, the account key
   * on Azure). The `CreateSecretCommand` output creates it.
   *
   * @default 'openreplay-object-storage'
   */
  readonly kubernetesSecretName?: string;

  /**
   * Namespace the OpenReplay chart is installed in, where the secret goes.
   *
   * @default 'app' (the namespace of OpenReplay's install scripts)
   */
  readonly kubernetesNamespace?: string;

  /**
   * Prefix of the stack output names: `<prefix>HelmValues` in CloudFormation
   * (letters and digits), `<prefix>_helm_values` in Terraform (a Terraform
   * identifier).
   *
   * @default - derived from the construct id
   */
  readonly outputPrefix?: string;
}
