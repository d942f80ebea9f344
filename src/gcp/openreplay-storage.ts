import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageHmacKey } from '@cdktf/provider-google/lib/storage-hmac-key';
import { Construct } from 'constructs';
import { openReplayCors } from '../core/cors';
import { fail } from '../core/errors';
import { OPENREPLAY_SECRET_KEYS, openReplayChartValues, openReplayLegacyValues } from '../core/helm/openreplay';
import { GCS_ENDPOINT, gcsPrefix } from '../core/prefix';
import { BrowserAccess, openReplayRoles } from '../core/roles';
import { OpenReplayBucketNames } from '../core/types';
import { validateWholeNumber } from '../core/validation/numbers';
import { toYaml } from '../core/yaml';
import { kubectlCreateSecretCommand } from '../core/kubectl';
import { validateKubernetesNamespace, validateKubernetesObjectName } from '../core/validation/kubernetes-names';
import { grantAnonymousRead, grantBackendAccess } from './iam-grants';
import { GcsReplayStorageCommonProps } from './common-props';
import { resolveOpenReplayBucketNames } from './gcs-bucket-names';
import { createReplayBucket } from './replay-bucket';
import { checkDashboardOrigins, MAX_GCS_DAYS, resolveCommonProps } from './storage-options';
import { OPENREPLAY_GCS_ENV } from './openreplay-gcs-env';
import { TerraformOutputs } from '../terraform/terraform-outputs';

/** Properties of {@link OpenReplayStorage}. */
export interface OpenReplayStorageProps extends GcsReplayStorageCommonProps {
  /**
   * Bucket name per role. Cloud Storage bucket names are global, so every
   * role needs a name: from here, or derived from `bucketNamePrefix`.
   * @default - `<bucketNamePrefix>-<role>`
   */
  readonly bucketNames?: OpenReplayBucketNames;

  /**
   * Prefix of the bucket names not given in `bucketNames`:
   * `<prefix>-recordings`, `<prefix>-assets`, `<prefix>-sourcemaps`,
   * `<prefix>-spots`.
   * @default - required unless `bucketNames` names every bucket
   */
  readonly bucketNamePrefix?: string;

  /**
   * Create the spots bucket (`global.s3.spotsBucket`, OpenReplay 1.19 and later).
   * @default true
   */
  readonly spots?: boolean;

  /**
   * Origins allowed to read the buckets in a browser (CORS GET). Set it to
   * the origin of your OpenReplay dashboard; `'*'` (the vendor's example)
   * lets any site read replay data and is reported as a synth warning.
   * @default ['*']
   */
  readonly dashboardOrigins?: string[];

  /**
   * Days after which recordings (recordings and spots buckets) are deleted
   * by an age-based lifecycle rule.
   *
   * OpenReplay deletes by tagging objects on S3; Cloud Storage has no object
   * tags, so on Google Cloud an age rule is the only automatic deletion.
   * Sessions deleted in the dashboard stay in the bucket until it applies
   * (OpenReplay copies their files onto themselves before tagging, which
   * restarts their age). Unset keeps recordings until you delete them.
   * @default - recordings are kept
   */
  readonly recordingsExpirationDays?: number;

  /**
   * Bucket retention policy on the recordings and spots buckets, in days:
   * objects younger than this cannot be deleted or replaced, not even by
   * the lifecycle rule. The policy is not locked. Cloud Storage does not
   * allow it together with `versioned`.
   * @see https://cloud.google.com/storage/docs/bucket-lock
   * @default - no retention policy
   */
  readonly retentionPeriodDays?: number;

  /**
   * Kubernetes secret that will hold the HMAC key pair (keys `access-key`
   * and `secret-key`), referenced as `global.s3.existingSecret` and created
   * by the command in the `create_secret_command` output.
   * @default 'openreplay-object-storage'
   */
  readonly kubernetesSecretName?: string;

  /**
   * Namespace OpenReplay is installed in (`helm ... -n app` in the vendor's guide).
   * @default 'app'
   */
  readonly kubernetesNamespace?: string;
}

/**
 * Cloud Storage for self-hosted OpenReplay, reached through Cloud Storage's
 * S3-compatible API (`https://storage.googleapis.com`) with an HMAC key.
 *
 * Creates a bucket per role with uniform bucket-level access and CORS for
 * the dashboard: recordings, sourcemaps and spots with public access
 * prevention enforced, assets readable anonymously object by object (no
 * listing). A service account holds bucket-level roles on exactly these
 * buckets and owns the HMAC key; the secret only appears in the sensitive
 * `credentials` output.
 *
 * Outputs the bucket names, endpoint, region (the location, lowercased),
 * assets origin, the current chart's Helm values (with `USE_S3_TAGS=false`,
 * see `recordingsExpirationDays`) and the legacy (v1.8 and earlier) layout.
 *
 * Objects are encrypted at rest (Google-managed keys, or `kmsKeyName`).
 * Cloud Storage has no bucket setting that refuses plain-HTTP requests or
 * sets a minimum TLS version, so none is made; every URL emitted is https.
 */
export class OpenReplayStorage extends Construct {
  /** Recordings bucket (private). */
  public readonly recordingsBucket: StorageBucket;
  /** Assets bucket (anonymous object read). */
  public readonly assetsBucket: StorageBucket;
  /** Sourcemaps bucket (private). */
  public readonly sourcemapsBucket: StorageBucket;
  /** Spots bucket (private), when spots are on. */
  public readonly spotsBucket?: StorageBucket;
  /** The backend's service account. */
  public readonly serviceAccount: ServiceAccount;
  /** The service account's HMAC key for the S3-compatible API. */
  public readonly hmacKey: StorageHmacKey;
  /** Region handed to the backend: the bucket location, lowercased. */
  public readonly region: string;
  /** Browser URL of the assets bucket, ending with `/`. */
  public readonly assetsOrigin: string;
  /** Current chart (v1.9+) Helm values, as YAML. */
  public readonly helmValues: string;
  /** Prefix of the Terraform output names. */
  public readonly outputPrefix: string;

  constructor(scope: Construct, id: string, props: OpenReplayStorageProps = {}) {
    super(scope, id);
    const outputs = new TerraformOutputs(this, props.outputPrefix);
    this.outputPrefix = outputs.prefix;
    const common = resolveCommonProps(this, props);
    const spots = props.spots ?? true;
    const buckets = resolveOpenReplayBucketNames(this, props.bucketNames, props.bucketNamePrefix, spots);

    const origins = props.dashboardOrigins ?? ['*'];
    const cors = openReplayCors(origins, common.corsMaxAgeSeconds);
    checkDashboardOrigins(this, origins, cors, 'https://openreplay.example.com');

    validateWholeNumber('recordingsExpirationDays', props.recordingsExpirationDays, 1, MAX_GCS_DAYS);
    validateWholeNumber('retentionPeriodDays', props.retentionPeriodDays, 1, MAX_GCS_DAYS);
    if (props.retentionPeriodDays !== undefined && common.versioned) {
      fail('retentionPeriodDays', "unset while 'versioned' is true", props.retentionPeriodDays, 'Cloud Storage allows a retention policy or Object Versioning on a bucket, not both; drop one.');
    }
    if (props.retentionPeriodDays !== undefined && props.recordingsExpirationDays !== undefined && props.recordingsExpirationDays < props.retentionPeriodDays) {
      fail(
        'recordingsExpirationDays',
        `at least 'retentionPeriodDays' (${props.retentionPeriodDays})`,
        props.recordingsExpirationDays,
        'The retention policy blocks the lifecycle delete until the period ends; make the two agree.',
      );
    }

    const secretName = props.kubernetesSecretName ?? 'openreplay-object-storage';
    const namespace = props.kubernetesNamespace ?? 'app';
    validateKubernetesObjectName('kubernetesSecretName', secretName);
    validateKubernetesNamespace('kubernetesNamespace', namespace);

    this.serviceAccount = new ServiceAccount(this, 'ServiceAccount', {
      accountId: common.serviceAccountId,
      displayName: 'OpenReplay object storage',
      description: 'OpenReplay backend: reads and writes the OpenReplay buckets through the S3-compatible API',
    });
    this.hmacKey = new StorageHmacKey(this, 'HmacKey', { serviceAccountEmail: this.serviceAccount.email });

    const nameOf: Record<string, string | undefined> = { ...buckets };
    const created: Record<string, StorageBucket> = {};
    for (const role of openReplayRoles(spots)) {
      const name = nameOf[role.role] as string;
      const idBase = role.role.charAt(0).toUpperCase() + role.role.slice(1);
      const bucket = createReplayBucket(this, `${idBase}Bucket`, {
        name,
        location: common.location,
        role,
        cors,
        forceDestroy: common.forceDestroy,
        versioned: common.versioned,
        noncurrentVersionExpirationDays: common.noncurrentVersionExpirationDays,
        expirationDays: props.recordingsExpirationDays,
        retentionPeriodDays: props.retentionPeriodDays,
        kmsKeyName: common.kmsKeyName,
        labels: common.labels,
      });
      grantBackendAccess(this, `${idBase}Backend`, bucket, this.serviceAccount.member);
      if (role.access === BrowserAccess.PUBLIC_READ) grantAnonymousRead(this, `${idBase}AnonymousRead`, bucket);
      created[role.role] = bucket;
    }
    this.recordingsBucket = created.recordings;
    this.assetsBucket = created.assets;
    this.sourcemapsBucket = created.sourcemaps;
    this.spotsBucket = created.spots;

    this.region = common.region;
    this.assetsOrigin = gcsPrefix(buckets.assets);
    const values = openReplayChartValues({
      region: this.region,
      endpoint: GCS_ENDPOINT,
      buckets,
      assetsOrigin: this.assetsOrigin,
      existingSecret: secretName,
      globalExtras: { env: { ...OPENREPLAY_GCS_ENV } },
    });
    this.helmValues = toYaml(values);

    const credentials = outputs.nameOf('credentials');
    const readKey = (key: string) => `terraform output -json ${credentials} | jq -r '.["${key}"]'`;
    const legacy = openReplayLegacyValues({
      region: this.region,
      endpoint: GCS_ENDPOINT,
      buckets,
      assetsOrigin: this.assetsOrigin,
      accessKeyId: this.hmacKey.accessId,
      secretKeyPlaceholder: `<${readKey(OPENREPLAY_SECRET_KEYS.secretKey)}>`,
    });

    outputs.add('recordings_bucket', buckets.recordings, { description: 'Recordings bucket (global.s3.recordingsBucket)' });
    outputs.add('assets_bucket', buckets.assets, { description: 'Assets bucket (global.s3.assetsBucket), readable anonymously' });
    outputs.add('sourcemaps_bucket', buckets.sourcemaps, { description: 'Sourcemaps bucket (global.s3.sourcemapsBucket)' });
    if (buckets.spots !== undefined) outputs.add('spots_bucket', buckets.spots, { description: 'Spots bucket (global.s3.spotsBucket)' });
    outputs.add('region', this.region, { description: 'Region for the S3-compatible API (global.s3.region): the bucket location, lowercased' });
    outputs.add('endpoint', GCS_ENDPOINT, { description: 'S3-compatible endpoint (global.s3.endpoint)' });
    outputs.add('assets_origin', this.assetsOrigin, { description: 'Browser URL of the assets bucket (global.assetsOrigin)' });
    outputs.add('helm_values', this.helmValues, { description: 'Helm values for the current OpenReplay chart (v1.9 and later)' });
    outputs.add('legacy_vars', toYaml(legacy['vars.yaml']), { description: 'Legacy layout (v1.8 and earlier): vars.yaml; the secret key comes from the credentials output' });
    outputs.add('legacy_http', toYaml(legacy['http.yaml']), { description: 'Legacy layout: http.yaml env' });
    outputs.add('legacy_storage', toYaml(legacy['storage.yaml']), { description: 'Legacy layout: storage.yaml env' });
    outputs.add('legacy_assets', toYaml(legacy['assets.yaml']), { description: 'Legacy layout: assets.yaml env' });
    outputs.add('legacy_chalice', toYaml(legacy['chalice.yaml']), { description: 'Legacy layout: chalice.yaml env' });
    outputs.add('service_account_email', this.serviceAccount.email, { description: 'Service account that owns the HMAC key' });
    outputs.add(
      'credentials',
      { [OPENREPLAY_SECRET_KEYS.accessKey]: this.hmacKey.accessId, [OPENREPLAY_SECRET_KEYS.secretKey]: this.hmacKey.secret },
      { description: 'HMAC key pair for the S3-compatible API (access-key, secret-key)', sensitive: true },
    );
    outputs.add(
      'create_secret_command',
      kubectlCreateSecretCommand({
        name: secretName,
        namespace,
        fromCommands: {
          [OPENREPLAY_SECRET_KEYS.accessKey]: readKey(OPENREPLAY_SECRET_KEYS.accessKey),
          [OPENREPLAY_SECRET_KEYS.secretKey]: readKey(OPENREPLAY_SECRET_KEYS.secretKey),
        },
      }),
      { description: 'Creates the Kubernetes secret from the credentials output; run it in the Terraform working directory (needs jq)' },
    );
  }
}
