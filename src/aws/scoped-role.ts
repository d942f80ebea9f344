import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnResource } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';
import { storageAccessStatements, type StorageAccess } from './storage-access';

/** Who may assume the role. */
export type RoleTrust =
  /** EKS Pod Identity; associations are made when the cluster is named. */
  | { readonly kind: 'pod-identity'; readonly clusterName?: string }
  /** IRSA through an OIDC provider, for the listed service accounts only. */
  | { readonly kind: 'irsa'; readonly oidcProviderArn: string; readonly issuer: string };

/** Props of {@link ScopedRole}. */
export interface ScopedRoleProps extends StorageAccess {
  readonly trust: RoleTrust;
  /** Namespace of the service accounts. */
  readonly namespace: string;
  /** The service accounts that assume the role. */
  readonly serviceAccounts: readonly string[];
  /** What the role is for (its description). */
  readonly purpose: string;
}

/** The principal pods assume the role as: the Pod Identity service, or the OIDC provider. */
function principalOf(scope: Construct, props: ScopedRoleProps): iam.IPrincipal {
  if (props.trust.kind === 'pod-identity') {
    // Pod Identity needs sts:TagSession as well as sts:AssumeRole.
    return new iam.ServicePrincipal('pods.eks.amazonaws.com').withSessionTags();
  }
  const provider = iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(scope, 'OidcProvider', props.trust.oidcProviderArn);
  const issuer = props.trust.issuer;
  return new iam.OpenIdConnectPrincipal(provider, {
    StringEquals: {
      [`${issuer}:aud`]: 'sts.amazonaws.com',
      [`${issuer}:sub`]: props.serviceAccounts.map((sa) => `system:serviceaccount:${props.namespace}:${sa}`),
    },
  });
}

/**
 * An IAM role the backend's pods assume, with exactly the grants an access
 * key would get and no key at all. With Pod Identity and a cluster name, an
 * `AWS::EKS::PodIdentityAssociation` binds each service account to it.
 */
export class ScopedRole extends Construct {
  public readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ScopedRoleProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      assumedBy: principalOf(this, props),
      description: `Storage access for ${props.purpose}`,
    });
    new iam.Policy(this, 'AccessPolicy', { roles: [this.role], statements: storageAccessStatements(props) });
    if (props.trust.kind === 'pod-identity' && props.trust.clusterName !== undefined) {
      for (const serviceAccount of props.serviceAccounts) {
        // A plain resource: importing aws-eks would load the whole EKS module for every AWS user.
        new CfnResource(this, `Association-${serviceAccount}`, {
          type: 'AWS::EKS::PodIdentityAssociation',
          properties: {
            ClusterName: props.trust.clusterName,
            Namespace: props.namespace,
            ServiceAccount: serviceAccount,
            RoleArn: this.role.roleArn,
          },
        });
      }
    }
  }
}
