import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { SecretValue } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';
import { OPENREPLAY_SECRET_KEYS } from '../core';

/** What the backend may do, and where. */
export interface ScopedCredentialsProps {
  /** The only buckets the key can reach. */
  readonly buckets: s3.IBucket[];
  /** Object-level actions, granted on `<bucket arn>/*`. */
  readonly objectActions: readonly string[];
  /** Bucket-level actions, granted on the bucket ARNs. */
  readonly bucketActions: readonly string[];
  /** What the key is for (secret description). */
  readonly purpose: string;
  /** Raising it replaces the key (rotation by deploy). */
  readonly serial?: number;
}

/**
 * An IAM user with one access key whose inline policy names exactly the
 * given actions on exactly the given buckets (no `*` action). The key pair
 * is stored in a Secrets Manager secret as JSON with the keys `access-key`
 * and `secret-key` (the layout of the Kubernetes secret OpenReplay reads), so the
 * secret key never appears in a template output.
 */
export class ScopedCredentials extends Construct {
  public readonly user: iam.User;
  public readonly accessKey: iam.AccessKey;
  public readonly secret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: ScopedCredentialsProps) {
    super(scope, id);
    this.user = new iam.User(this, 'User');
    new iam.Policy(this, 'AccessPolicy', {
      users: [this.user],
      statements: [
        new iam.PolicyStatement({
          sid: 'ObjectAccess',
          effect: iam.Effect.ALLOW,
          actions: [...props.objectActions],
          resources: props.buckets.map((b) => b.arnForObjects('*')),
        }),
        new iam.PolicyStatement({
          sid: 'BucketAccess',
          effect: iam.Effect.ALLOW,
          actions: [...props.bucketActions],
          resources: props.buckets.map((b) => b.bucketArn),
        }),
      ],
    });
    this.accessKey = new iam.AccessKey(this, 'AccessKey', { user: this.user, serial: props.serial });
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description: `Access key pair for ${props.purpose}`,
      secretObjectValue: {
        [OPENREPLAY_SECRET_KEYS.accessKey]: SecretValue.resourceAttribute(this.accessKey.accessKeyId),
        [OPENREPLAY_SECRET_KEYS.secretKey]: this.accessKey.secretAccessKey,
      },
    });
  }
}
