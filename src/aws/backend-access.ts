import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { type BackendIdentity, BackendIdentityKind } from './backend-identity';
import { acknowledgeObjectWildcards, acknowledgeStaticKeySecret } from './nag-acknowledgements';
import { ScopedCredentials } from './scoped-credentials';
import { ScopedRole } from './scoped-role';
import type { StorageAccess } from './storage-access';

/** Everything the backend's access is made from. */
export interface BackendAccessProps extends StorageAccess {
  readonly identity: BackendIdentity;
  /** What it is for (descriptions). */
  readonly purpose: string;
  /** Access key rotation counter. */
  readonly serial?: number;
  /** Namespace and names of the service accounts (keyless identities). */
  readonly namespace: string;
  readonly serviceAccounts: readonly string[];
  /** IRSA: the provider's issuer, checked by core. */
  readonly issuer?: string;
}

/** The access made: a key kept in Secrets Manager, or a role. */
export interface BackendAccess {
  readonly user?: iam.IUser;
  readonly secret?: secretsmanager.ISecret;
  readonly accessKeyId?: string;
  readonly role?: iam.IRole;
}

/**
 * The backend's access, the same grants either way: an IAM user's access key
 * kept in Secrets Manager, or a role EKS pods assume (Pod Identity or IRSA),
 * with the by-design cdk-nag findings acknowledged where they arise.
 */
export function createBackendAccess(scope: Construct, props: BackendAccessProps): BackendAccess {
  const { identity } = props;
  if (identity.kind === BackendIdentityKind.ACCESS_KEY) {
    const credentials = new ScopedCredentials(scope, 'Credentials', props);
    acknowledgeObjectWildcards(credentials, props.buckets);
    acknowledgeStaticKeySecret(credentials.secret);
    return { user: credentials.user, secret: credentials.secret, accessKeyId: credentials.accessKey.accessKeyId };
  }
  const trust =
    identity.kind === BackendIdentityKind.POD_IDENTITY
      ? { kind: 'pod-identity' as const, clusterName: identity.clusterName }
      : { kind: 'irsa' as const, oidcProviderArn: identity.oidcProviderArn!, issuer: props.issuer! };
  const access = new ScopedRole(scope, 'Access', { ...props, trust });
  acknowledgeObjectWildcards(access, props.buckets);
  return { role: access.role };
}
