import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import type { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageHmacKey } from '@cdktf/provider-google/lib/storage-hmac-key';
import { Construct } from 'constructs';
import type { GcpStorageOptions } from './common-props';
import { grantAnonymousRead, grantBackendAccess } from './iam-grants';
import { createReplayBucket } from './replay-bucket';
import { resolveGcpOptions } from './storage-options';
import { GCS_BACKEND } from '../core/backends/gcs';
import { checkGcpOptions } from '../core/cloud-options/gcp-options';
import type { IOpenReplayStorage } from '../core/interfaces';
import type { OpenReplayStorageOptions } from '../core/openreplay/options';
import { renderOpenReplay } from '../core/openreplay/render';
import { resolveOpenReplay } from '../core/openreplay/resolve';
import { GCS_ENDPOINT, gcsPrefix, trimTrailingSlash } from '../core/prefix';
import { BrowserAccess } from '../core/roles';
import { validateGcsRetention } from '../core/validation/gcs-retention';
import { addTerraformOutputs, addTerraformWarnings } from '../terraform/terraform-outputs';

/** Properties of {@link OpenReplayStorage}: the cloud-neutral options plus Google Cloud's own. */
export interface OpenReplayStorageProps extends OpenReplayStorageOptions, GcpStorageOptions {
  /**
   * Bucket retention policy on the recordings and spots buckets, in days:
   * objects younger than this cannot be deleted or replaced, not even by
   * the lifecycle rule. The policy is not locked. Cloud Storage does not
   * allow it together with `versioned`.
   * @see https://cloud.google.com/storage/docs/bucket-lock
   * @default - no retention policy
   */
  readonly retentionPeriodDays?: number;
}

/**
 * Cloud Storage for self-hosted OpenReplay, reached through Cloud Storage's
 * S3-compatible API (`https://storage.googleapis.com`) with an HMAC key:
 * OpenReplay's S3 clients take an access key pair or the AWS default chain,
 * never Google credentials, so the key cannot be avoided.
 *
 * Creates a bucket per role with uniform bucket-level access and CORS for
 * the dashboard: recordings, sourcemaps and spots with public access
 * prevention enforced, assets readable anonymously object by object (no
 * listing). A service account holds bucket-level roles on exactly these
 * buckets and owns the HMAC key; the secret only appears in the sensitive
 * `credentials` output.
 *
 * Cloud Storage has no object tags, so the values set `USE_S3_TAGS=false`
 * and deletion is the age rule of `recordingsExpirationDays`.
 *
 * Objects are encrypted at rest (Google-managed keys, or `kmsKeyName`).
 * Cloud Storage has no bucket setting that refuses plain-HTTP requests or
 * sets a minimum TLS version, so none is made; every URL emitted is https.
 */
export class OpenReplayStorage extends Construct implements IOpenReplayStorage {
  /** Recordings bucket (private). */
  public readonly recordingsBucket: StorageBucket;
  /** Assets bucket (anonymous object read). */
  public readonly assetsBucket: StorageBucket;
  /** Sourcemaps bucket (private). */
  public readonly sourcemapsBucket: StorageBucket;
  /** Spots bucket (private), when spots are on. */
  public readonly spotsBucket?: StorageBucket;
  /** Assist records bucket (private, browser PUT), when `records` is on. */
  public readonly recordsBucket?: StorageBucket;
  public readonly recordingsBucketName: string;
  public readonly assetsBucketName: string;
  public readonly sourcemapsBucketName: string;
  public readonly spotsBucketName?: string;
  public readonly recordsBucketName?: string;
  /** The backend's service account. */
  public readonly serviceAccount: ServiceAccount;
  /** The service account's HMAC key for the S3-compatible API. */
  public readonly hmacKey: StorageHmacKey;
  /** Region handed to the backend: the bucket location, lowercased. */
  public readonly region: string;
  public readonly endpoint: string;
  public readonly assetsOrigin: string;
  public readonly deletionTagDays: number;
  public readonly helmValues: string;
  public readonly createSecretCommand?: string;
  public readonly outputPrefix: string;

  constructor(scope: Construct, id: string, props: OpenReplayStorageProps = {}) {
    super(scope, id);
    const gcp = resolveGcpOptions(this, props);
    const model = resolveOpenReplay(props, {
      backend: GCS_BACKEND,
      outputStyle: 'terraform',
      constructId: id,
      constructPath: this.node.path,
      cloudChecks: (problems) => {
        checkGcpOptions(problems, gcp);
        problems.check(() => validateGcsRetention(props.retentionPeriodDays, props.versioned ?? false, props.recordingsExpirationDays));
      },
    });
    addTerraformWarnings(this, model.warnings);
    this.outputPrefix = model.outputPrefix;
    this.deletionTagDays = model.deletionTagDays;

    this.serviceAccount = new ServiceAccount(this, 'ServiceAccount', {
      accountId: gcp.serviceAccountId,
      displayName: 'OpenReplay object storage',
      description: 'OpenReplay backend: reads and writes the OpenReplay buckets through the S3-compatible API',
    });
    this.hmacKey = new StorageHmacKey(this, 'HmacKey', { serviceAccountEmail: this.serviceAccount.email });

    const created: Record<string, StorageBucket> = {};
    const names: Record<string, string> = {};
    for (const spec of model.buckets) {
      const idBase = spec.role.charAt(0).toUpperCase() + spec.role.slice(1);
      const bucket = createReplayBucket(this, `${idBase}Bucket`, {
        name: spec.name!,
        location: gcp.location,
        access: spec.profile.access,
        cors: spec.cors,
        forceDestroy: gcp.forceDestroy,
        versioned: spec.versioned,
        lifecycle: spec.lifecycle,
        retentionPeriodDays: spec.profile.holdsRecordings ? props.retentionPeriodDays : undefined,
        kmsKeyName: gcp.kmsKeyName,
        labels: gcp.labels,
      });
      grantBackendAccess(this, `${idBase}Backend`, bucket, this.serviceAccount.member);
      if (spec.profile.access === BrowserAccess.PUBLIC_READ) grantAnonymousRead(this, `${idBase}AnonymousRead`, bucket);
      created[spec.role] = bucket;
      names[spec.role] = spec.name!;
    }
    this.recordingsBucket = created.recordings;
    this.assetsBucket = created.assets;
    this.sourcemapsBucket = created.sourcemaps;
    this.spotsBucket = created.spots;
    this.recordsBucket = created.records;
    this.recordingsBucketName = names.recordings;
    this.assetsBucketName = names.assets;
    this.sourcemapsBucketName = names.sourcemaps;
    this.spotsBucketName = names.spots;
    this.recordsBucketName = names.records;

    this.region = gcp.region;
    this.endpoint = GCS_ENDPOINT;
    this.assetsOrigin = trimTrailingSlash(gcsPrefix(names.assets));
    const rendering = renderOpenReplay(model, {
      buckets: { recordings: names.recordings, assets: names.assets, sourcemaps: names.sourcemaps, spots: names.spots, records: names.records },
      region: this.region,
      endpoint: this.endpoint,
      assetsOrigin: this.assetsOrigin,
      credentials: { kind: 'hmac', accessKeyId: this.hmacKey.accessId, secretKey: this.hmacKey.secret, serviceAccountEmail: this.serviceAccount.email },
    });
    this.helmValues = rendering.helmValues;
    this.createSecretCommand = rendering.createSecretCommand;
    addTerraformOutputs(this, model.outputPrefix, rendering.outputs);
  }
}
