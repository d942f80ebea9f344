import { fail } from '../errors';
import { isUnresolved } from '../tokens';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * A Kubernetes namespace name: an RFC 1123 DNS label.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names
 */
export function validateKubernetesNamespace(prop: string, name: string | undefined): void {
  if (name === undefined || isUnresolved(name)) return;
  if (name.length > 63 || !DNS_LABEL.test(name)) {
    fail(prop, 'a Kubernetes namespace name: 1-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit', name, "Use the namespace the chart is installed in, e.g. 'app'.");
  }
}

/**
 * A Kubernetes object name such as a Secret's: an RFC 1123 DNS subdomain.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-subdomain-names
 */
export function validateKubernetesObjectName(prop: string, name: string | undefined): void {
  if (name === undefined || isUnresolved(name)) return;
  if (name.length > 253 || !name.split('.').every((part) => DNS_LABEL.test(part))) {
    fail(prop, 'a Kubernetes object name: up to 253 lowercase letters, digits, hyphens and dots, starting and ending with a letter or digit', name, "Use a name like 'replay-s3'.");
  }
}
