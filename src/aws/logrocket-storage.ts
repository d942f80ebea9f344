import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { RemovalPolicy } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';
import {
  type ILogRocketStorage,
  LOGROCKET_S3_BUCKET_ACTIONS,
  LOGROCKET_S3_OBJECT_ACTIONS,
  LOGROCKET_USER_FILES,
  type LogRocketStorageOptions,
  S3_BACKEND,
  hasWriteRestriction,
  logRocketS3Prefix,
  renderLogRocket,
  resolveLogRocket,
  validateWriteRestrictionEntries,
} from '../core';
import { createBackendAccess } from './backend-access';
import { BackendIdentity } from './backend-identity';
import type { AwsStorageOptions } from './common-props';
import { acknowledgePublicBucket } from './nag-acknowledgements';
import { s3Location } from './s3-location';
import { createSecureBucket } from './secure-bucket';
import { addStackOutputs } from './stack-outputs';
import { addWarnings } from './warnings';
import { denyWritesOutside } from './write-restriction';
import type { WriteRestriction } from './write-restriction-props';
import { checkAwsOptions, checkBackendIdentity, pathStyleUnknownRegionWarning } from '../core/cloud-options/aws-options';

/**
 * Properties of {@link LogRocketStorage}: the cloud-neutral options plus
 * AWS's own.
 */
export interface LogRocketStorageProps extends LogRocketStorageOptions, AwsStorageOptions {
  /**
   * `aws.useVirtualHostS3`: whether the chart derives the virtual-hosted
   * replay prefix (`https://<bucket>.s3.<region>.amazonaws.com/`) instead of
   * the path-style one (`https://s3-<region>.amazonaws.com/<bucket>/`).
   *
   * @default true
   */
  readonly useVirtualHostS3?: boolean;

  /**
   * Allow object writes only through these VPC endpoints or from these
   * source IPs (a Deny statement in the bucket policy). Async mobile upload
   * writes from any network, so this requires `asyncMobileUpload: false`.
   *
   * @default - writes allowed from any network to holders of valid credentials
   */
  readonly restrictWritesTo?: WriteRestriction;
}

/**
 * S3 storage for LogRocket self-hosted: the userFiles bucket, a
 * least-privilege access key kept in Secrets Manager, and stack outputs with
 * the derived replay prefix and the Helm values.
 *
 * The bucket is readable anonymously (objects only, through a bucket policy)
 * so replay can hydrate async-uploaded images, allows CORS GET/HEAD from the
 * dashboard, requires TLS 1.2+, is encrypted with S3-managed keys, has ACLs
 * disabled and is retained on stack deletion by default.
 */
export class LogRocketStorage extends Construct implements ILogRocketStorage {
  /** The userFiles bucket (`fileStorage.buckets.userFiles`). */
  public readonly userFilesBucket: s3.IBucket;
  public readonly userFilesBucketName: string;
  /** The IAM user whose access key the backend uses; undefined with a role. */
  public readonly user?: iam.IUser;
  /** Secrets Manager secret holding `access-key` and `secret-key` as JSON; undefined with a role. */
  public readonly secret?: secretsmanager.ISecret;
  /** The access key id (the secret key is only in {@link secret}); undefined with a role. */
  public readonly accessKeyId?: string;
  /** The role the backend's pods assume (Pod Identity or IRSA); undefined with an access key. */
  public readonly role?: iam.IRole;
  /** Region of the bucket (`aws.region`). */
  public readonly region: string;
  public readonly replayPrefix: string;
  public readonly helmValues: string;
  public readonly outputPrefix: string;

  constructor(scope: Construct, id: string, props: LogRocketStorageProps) {
    super(scope, id);
    const useVirtualHostS3 = props.useVirtualHostS3 ?? true;
    const location = s3Location(this);
    const identity = props.identity ?? BackendIdentity.accessKey();
    let issuer: string | undefined;
    const model = resolveLogRocket(props, {
      backend: S3_BACKEND,
      outputStyle: 'cloudformation',
      constructId: id,
      constructPath: this.node.path,
      primaryPrefix: (bucket) => logRocketS3Prefix(bucket, location.region, useVirtualHostS3, location.urlSuffix),
      writeRestriction: { prop: 'restrictWritesTo', value: props.restrictWritesTo },
      cloudChecks: (problems) => {
        problems.check(() => validateWriteRestrictionEntries('restrictWritesTo', props.restrictWritesTo));
        checkAwsOptions(problems, props);
        // The LogRocket chart's service account names are not public: they must be given.
        issuer = checkBackendIdentity(problems, identity, { accessKeySerial: props.accessKeySerial, serviceAccountsRequired: true });
      },
    });
    addWarnings(this, model.warnings);
    if (!useVirtualHostS3 && !location.regionKnown) {
      addWarnings(this, [pathStyleUnknownRegionWarning()]);
    }
    this.outputPrefix = model.outputPrefix;

    const bucket = createSecureBucket(this, 'UserFiles', {
      bucketName: model.userFilesBucketName,
      access: LOGROCKET_USER_FILES.access,
      cors: model.cors,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      versioned: model.versioned,
      lifecycle: model.lifecycle,
      serverAccessLogsBucket: props.serverAccessLogsBucket,
      serverAccessLogsPrefix: `${model.outputPrefix}/${LOGROCKET_USER_FILES.role}/`,
    });
    acknowledgePublicBucket(bucket);
    if (hasWriteRestriction(props.restrictWritesTo)) denyWritesOutside(bucket, props.restrictWritesTo!);
    this.userFilesBucket = bucket;
    this.userFilesBucketName = model.userFilesBucketName;

    const access = createBackendAccess(this, {
      identity,
      buckets: [bucket],
      objectActions: LOGROCKET_S3_OBJECT_ACTIONS,
      bucketActions: LOGROCKET_S3_BUCKET_ACTIONS,
      serial: props.accessKeySerial,
      purpose: `the LogRocket backend (${this.node.path})`,
      namespace: identity.namespace ?? '',
      serviceAccounts: identity.serviceAccounts ?? [],
      issuer,
    });
    this.user = access.user;
    this.secret = access.secret;
    this.accessKeyId = access.accessKeyId;
    this.role = access.role;

    this.region = location.region;
    const rendering = renderLogRocket(model, { kind: 's3', region: this.region, useVirtualHostS3, secretArn: access.secret?.secretArn, roleArn: access.role?.roleArn });
    this.replayPrefix = rendering.replayPrefix;
    this.helmValues = rendering.helmValues;
    addStackOutputs(this, model.outputPrefix, rendering.outputs);
  }
}
