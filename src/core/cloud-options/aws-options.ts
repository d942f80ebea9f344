import type { Problems } from '../errors';
import { oidcIssuerOf, validateServiceAccounts } from '../validation/keyless-identity';
import { validateKubernetesNamespace, validateKubernetesObjectName } from '../validation/kubernetes-names';
import { refuseToken } from '../validation/literal';
import { validateWholeNumber } from '../validation/numbers';
import { type ReplayWarning, WARNING_IDS } from '../warnings';

/** The ClusterSecretStore an `ExternalSecret` reads Secrets Manager through, unless named. */
export const DEFAULT_EXTERNAL_SECRET_STORE = 'aws-secrets-manager';

/** Highest accepted access key serial (a rotation counter, not an id). */
export const MAX_ACCESS_KEY_SERIAL = 1_000_000;

/** Checks of the options only AWS has, into the construct's one error. */
export function checkAwsOptions(problems: Problems, props: { readonly accessKeySerial?: number; readonly externalSecretStore?: string }): void {
  problems.check(() => refuseToken('externalSecretStore', props.externalSecretStore, 'the ExternalSecretManifest output'));
  problems.check(() => validateKubernetesObjectName('externalSecretStore', props.externalSecretStore));
  problems.check(() => validateWholeNumber('accessKeySerial', props.accessKeySerial, 0, MAX_ACCESS_KEY_SERIAL, 'Count up from 0 to rotate the access key.'));
}

/** The LogRocket chart's path-style prefix cannot be known while the region is a token. */
export function pathStyleUnknownRegionWarning(): ReplayWarning {
  return {
    id: WARNING_IDS.pathStyleUnknownRegion,
    message:
      "'useVirtualHostS3' is false and the stack's region is unknown at synth, so the ReplayPrefix output assumes the " +
      "s3-<region> form, which is wrong in us-east-1. Give the stack a concrete 'env.region'.",
  };
}

/** The backend identity options as core checks them (structural: the class lives with the adapter). */
export interface BackendIdentityValues {
  readonly kind: 'access-key' | 'pod-identity' | 'irsa';
  readonly serviceAccounts?: readonly string[];
  readonly namespace?: string;
  readonly oidcProviderArn?: string;
  readonly clusterName?: string;
}

/**
 * Checks the identity: service accounts are literal Kubernetes names (and
 * required where the chart's are unknown), an IRSA provider ARN is literal,
 * and `accessKeySerial` only goes with an access key. Returns the OIDC
 * issuer for IRSA.
 */
export function checkBackendIdentity(
  problems: Problems,
  identity: BackendIdentityValues,
  options: { readonly accessKeySerial?: number; readonly serviceAccountsRequired: boolean },
): string | undefined {
  if (identity.kind === 'access-key') return undefined;
  if (options.accessKeySerial !== undefined) {
    problems.add('accessKeySerial', 'unset when the backend assumes a role (no access key exists)', options.accessKeySerial, "Remove 'accessKeySerial'.");
  }
  if (identity.serviceAccounts === undefined && options.serviceAccountsRequired) {
    problems.add(
      'identity.serviceAccounts',
      'set for this chart, whose service account names are not public',
      undefined,
      "List the Kubernetes service accounts of the backend pods, e.g. BackendIdentity.podIdentity({ serviceAccounts: ['logrocket-backend'] }).",
    );
  }
  if (identity.namespace === undefined && options.serviceAccountsRequired) {
    problems.add('identity.namespace', 'set for this chart, whose namespace is not known', undefined, "Name the namespace the chart runs in, e.g. 'logrocket'.");
  }
  problems.check(() => refuseToken('identity.namespace', identity.namespace, 'trust policies and associations'));
  problems.check(() => validateKubernetesNamespace('identity.namespace', identity.namespace));
  problems.check(() => validateServiceAccounts('identity.serviceAccounts', identity.serviceAccounts));
  let issuer: string | undefined;
  if (identity.kind === 'irsa') problems.check(() => (issuer = oidcIssuerOf('identity.oidcProviderArn', identity.oidcProviderArn ?? '')));
  return issuer;
}
