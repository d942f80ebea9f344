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
import type { AwsStorageOptions } from './common-props';
import { acknowledgeObjectWildcards, acknowledgePublicBucket, acknowledgeStaticKeySecret } from './nag-acknowledgements';
import { s3Location } from './s3-location';
import { ScopedCredentials } from './scoped-credentials';
import { createSecureBucket } from './secure-bucket';
import { addStackOutputs } from './stack-outputs';
import { addWarnings } from './warnings';
import { denyWritesOutside } from './write-restriction';
import type { WriteRestriction } from './write-restriction-props';
import { checkAwsOptions, pathStyleUnknownRegionWarning } from '../core/cloud-options/aws-options';

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
  /** The IAM user whose access key the backend uses. */
  public readonly user: iam.IUser;
  /** Secrets Manager secret holding `access-key` and `secret-key` as JSON. */
  public readonly secret: secretsmanager.ISecret;
  /** The access key id (the secret key is only in {@link secret}). */
  public readonly accessKeyId: string;
  /** Region of the bucket (`aws.region`). */
  public readonly region: string;
  public readonly replayPrefix: string;
  public readonly helmValues: string;
  public readonly outputPrefix: string;

  constructor(scope: Construct, id: string, props: LogRocketStorageProps) {
    super(scope, id);
    const useVirtualHostS3 = props.useVirtualHostS3 ?? true;
    const location = s3Location(this);
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

    const credentials = new ScopedCredentials(this, 'Credentials', {
      buckets: [bucket],
      objectActions: LOGROCKET_S3_OBJECT_ACTIONS,
      bucketActions: LOGROCKET_S3_BUCKET_ACTIONS,
      serial: props.accessKeySerial,
      purpose: `the LogRocket backend (${this.node.path})`,
    });
    acknowledgeObjectWildcards(credentials, [bucket]);
    acknowledgeStaticKeySecret(credentials.secret);
    this.user = credentials.user;
    this.secret = credentials.secret;
    this.accessKeyId = credentials.accessKey.accessKeyId;

    this.region = location.region;
    const rendering = renderLogRocket(model, { kind: 's3', region: this.region, useVirtualHostS3, secretArn: this.secret.secretArn });
    this.replayPrefix = rendering.replayPrefix;
    this.helmValues = rendering.helmValues;
    addStackOutputs(this, model.outputPrefix, rendering.outputs);
  }
}
