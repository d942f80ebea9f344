import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { SecretValue } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';
import { OPENREPLAY_SECRET_KEYS } from '../core';
import { storageAccessStatements, type StorageAccess } from './storage-access';

/** What the backend may do, where, and what the key is for. */
export interface ScopedCredentialsProps extends StorageAccess {
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
    new iam.Policy(this, 'AccessPolicy', { users: [this.user], statements: storageAccessStatements(props) });
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
