import { fail } from '../errors';
import { isUnresolved } from '../tokens';
import { validateKubernetesObjectName } from './kubernetes-names';

/** `arn:<partition>:iam::<account>:oidc-provider/<issuer host and path>`. */
const OIDC_PROVIDER_ARN = /^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/(.+)$/;

/**
 * The OIDC issuer (host and path) of an IAM OIDC provider ARN, which IRSA's
 * trust conditions are keyed on (`<issuer>:sub`, `<issuer>:aud`). Refuses
 * tokens: condition keys are fixed at synth.
 */
export function oidcIssuerOf(prop: string, arn: string): string {
  const fix = "Pass the literal ARN, e.g. 'arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-central-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE'.";
  if (isUnresolved(arn)) fail(prop, 'a literal ARN, not a token (the trust policy keys its conditions on the issuer)', arn, fix);
  const m = OIDC_PROVIDER_ARN.exec(arn);
  if (!m) fail(prop, 'an IAM OIDC identity provider ARN', arn, fix);
  return m[1];
}

/** Service account names reach Helm values and trust policies: literal Kubernetes names, at least one. */
export function validateServiceAccounts(prop: string, names: readonly string[] | undefined): void {
  if (names === undefined) return;
  if (names.length === 0) fail(prop, 'a non-empty list', '[]', 'Name the service accounts of the backend pods.');
  for (const name of names) {
    if (isUnresolved(name)) fail(prop, 'a list of literal names, not tokens', name, 'They end up in trust policies and Helm values written at synth.');
    validateKubernetesObjectName(prop, name);
  }
}
