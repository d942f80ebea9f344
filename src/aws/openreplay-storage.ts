import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { RemovalPolicy } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';
import {
  BrowserAccess,
  type IOpenReplayStorage,
  OPENREPLAY_S3_BUCKET_ACTIONS,
  OPENREPLAY_S3_OBJECT_ACTIONS,
  type OpenReplayStorageOptions,
  S3_BACKEND,
  renderOpenReplay,
  resolveOpenReplay,
  s3VirtualHostedPrefix,
  trimTrailingSlash,
} from '../core';
import { createBackendAccess } from './backend-access';
import { BackendIdentity, BackendIdentityKind } from './backend-identity';
import type { AwsStorageOptions } from './common-props';
import { acknowledgePublicBucket } from './nag-acknowledgements';
import { PrivateAssetsCdn } from './private-assets';
import { s3Location } from './s3-location';
import { createSecureBucket } from './secure-bucket';
import { addStackOutputs } from './stack-outputs';
import { addWarnings } from './warnings';
import { DEFAULT_EXTERNAL_SECRET_STORE, checkAwsOptions, checkBackendIdentity } from '../core/cloud-options/aws-options';
import { OPENREPLAY_SERVICE_ACCOUNT_SUBCHARTS, openReplayServiceAccountName } from '../core/openreplay/service-accounts';

/**
 * Properties of {@link OpenReplayStorage}: the cloud-neutral options plus
 * AWS's own.
 */
export interface OpenReplayStorageProps extends OpenReplayStorageOptions, AwsStorageOptions {
  /**
   * Keep the assets bucket fully private (all four Block Public Access flags
   * on, no anonymous statement) and serve it through a CloudFront
   * distribution with an origin access control whose bucket-policy grant is
   * bound to that distribution. CORS for fonts comes from a response headers
   * policy with `dashboardOrigins`; `global.assetsOrigin` and the
   * `AssetsOrigin` output become the distribution's URL.
   *
   * CloudFront bills requests and data transfer out (the first 1 TB and 10
   * million requests a month are in its free tier).
   *
   * @default false (the assets bucket is read anonymously, objects only)
   */
  readonly privateAssets?: boolean;
}

/**
 * S3 storage for self-hosted OpenReplay: the recordings, assets, sourcemaps
 * and (optionally) spots buckets, a least-privilege access key kept in
 * Secrets Manager, and stack outputs with the Helm values for the current
 * chart and the legacy per-service layout.
 *
 * Only the assets bucket is readable anonymously (objects only, through a
 * bucket policy); every other bucket blocks all public access. All buckets
 * require TLS 1.2+, are encrypted with S3-managed keys, have ACLs disabled,
 * are retained on stack deletion by default, expire objects OpenReplay tags
 * for deletion and abort unfinished multipart uploads. The construct's
 * by-design cdk-nag findings are acknowledged with reasons.
 */
export class OpenReplayStorage extends Construct implements IOpenReplayStorage {
  /** Session recordings (`global.s3.recordingsBucket`). */
  public readonly recordingsBucket: s3.IBucket;
  /** Assets read anonymously by browsers (`global.s3.assetsBucket`). */
  public readonly assetsBucket: s3.IBucket;
  /** Source maps (`global.s3.sourcemapsBucket`). */
  public readonly sourcemapsBucket: s3.IBucket;
  /** Spot recordings (`global.s3.spotsBucket`); undefined when spots are off. */
  public readonly spotsBucket?: s3.IBucket;
  /** Assist call recordings (`global.s3.assistRecordsBucket`, enterprise); undefined unless `records` is on. */
  public readonly recordsBucket?: s3.IBucket;
  public readonly recordingsBucketName: string;
  public readonly assetsBucketName: string;
  public readonly sourcemapsBucketName: string;
  public readonly spotsBucketName?: string;
  public readonly recordsBucketName?: string;
  /** The IAM user whose access key the backend uses; undefined with a role. */
  public readonly user?: iam.IUser;
  /** Secrets Manager secret holding `access-key` and `secret-key` as JSON; undefined with a role. */
  public readonly secret?: secretsmanager.ISecret;
  /** The access key id (the secret key is only in {@link secret}); undefined with a role. */
  public readonly accessKeyId?: string;
  /** The role the backend's pods assume (Pod Identity or IRSA); undefined with an access key. */
  public readonly role?: iam.IRole;
  /** The CloudFront distribution serving the private assets bucket, with `privateAssets`. */
  public readonly assetsDistribution?: cloudfront.IDistribution;
  public readonly region: string;
  public readonly endpoint: string;
  public readonly assetsOrigin: string;
  public readonly deletionTagDays: number;
  public readonly helmValues: string;
  /**
   * Shell line that creates the Kubernetes secret from Secrets Manager
   * (needs the AWS CLI, jq and kubectl); it never holds a key itself.
   */
  public readonly createSecretCommand?: string;
  public readonly outputPrefix: string;

  constructor(scope: Construct, id: string, props: OpenReplayStorageProps = {}) {
    super(scope, id);
    const identity = props.identity ?? BackendIdentity.accessKey();
    let issuer: string | undefined;
    const model = resolveOpenReplay(props, {
      backend: S3_BACKEND,
      outputStyle: 'cloudformation',
      constructId: id,
      constructPath: this.node.path,
      publicRoleBehindCdn: props.privateAssets ?? false,
      cloudChecks: (problems) => {
        checkAwsOptions(problems, props);
        issuer = checkBackendIdentity(problems, identity, { accessKeySerial: props.accessKeySerial, serviceAccountsRequired: false });
      },
    });
    addWarnings(this, model.warnings);
    this.outputPrefix = model.outputPrefix;
    this.deletionTagDays = model.deletionTagDays;

    const buckets: Record<string, s3.Bucket> = {};
    let cdn: PrivateAssetsCdn | undefined;
    const names: Record<string, string> = {};
    for (const spec of model.buckets) {
      const bucket = createSecureBucket(this, capitalize(spec.role), {
        bucketName: spec.name,
        access: spec.access,
        cors: spec.cors,
        removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
        versioned: spec.versioned,
        lifecycle: spec.lifecycle,
        serverAccessLogsBucket: props.serverAccessLogsBucket,
        serverAccessLogsPrefix: `${model.outputPrefix}/${spec.role}/`,
      });
      if (spec.access === BrowserAccess.PUBLIC_READ) acknowledgePublicBucket(bucket);
      if (spec.behindCdn) cdn = new PrivateAssetsCdn(this, 'AssetsCdn', { bucket, cors: spec.cors });
      buckets[spec.role] = bucket;
      names[spec.role] = spec.name ?? bucket.bucketName;
    }
    this.recordingsBucket = buckets.recordings;
    this.assetsBucket = buckets.assets;
    this.sourcemapsBucket = buckets.sourcemaps;
    this.spotsBucket = buckets.spots;
    this.recordsBucket = buckets.records;
    this.recordingsBucketName = names.recordings;
    this.assetsBucketName = names.assets;
    this.sourcemapsBucketName = names.sourcemaps;
    this.spotsBucketName = names.spots;
    this.recordsBucketName = names.records;

    const access = createBackendAccess(this, {
      identity,
      buckets: Object.values(buckets),
      objectActions: OPENREPLAY_S3_OBJECT_ACTIONS,
      bucketActions: OPENREPLAY_S3_BUCKET_ACTIONS,
      serial: props.accessKeySerial,
      purpose: `the OpenReplay backend (${this.node.path})`,
      namespace: identity.namespace ?? model.kubernetesSecret.namespace,
      serviceAccounts: identity.serviceAccounts ?? OPENREPLAY_SERVICE_ACCOUNT_SUBCHARTS.map(openReplayServiceAccountName),
      issuer,
    });
    this.user = access.user;
    this.secret = access.secret;
    this.accessKeyId = access.accessKeyId;
    this.role = access.role;

    const location = s3Location(this);
    this.region = location.region;
    this.endpoint = location.endpoint;
    this.assetsDistribution = cdn?.distribution;
    this.assetsOrigin = cdn?.origin ?? trimTrailingSlash(s3VirtualHostedPrefix(names.assets, location.region, location.urlSuffix));
    const rendering = renderOpenReplay(model, {
      buckets: { recordings: names.recordings, assets: names.assets, sourcemaps: names.sourcemaps, spots: names.spots, records: names.records },
      region: this.region,
      endpoint: this.endpoint,
      assetsOrigin: this.assetsOrigin,
      credentials: access.role
        ? { kind: 'iam-role', roleArn: access.role.roleArn, annotateServiceAccounts: identity.kind === BackendIdentityKind.IRSA }
        : {
          kind: 'secrets-manager',
          accessKeyId: access.accessKeyId!,
          secretArn: access.secret!.secretArn,
          region: this.region,
          externalSecretStore: props.externalSecretStore ?? DEFAULT_EXTERNAL_SECRET_STORE,
        },
    });
    this.helmValues = rendering.helmValues;
    this.createSecretCommand = rendering.createSecretCommand;
    addStackOutputs(this, model.outputPrefix, rendering.outputs);
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
