import { fail } from '../errors';
import { isUnresolved } from '../tokens';

/** One DNS label: letters, digits and inner hyphens only. */
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/**
 * A Cloud Storage bucket name with dots is only accepted once its owner has
 * verified the domain it names, so every dot-separated part must be a DNS
 * label: not empty (no `..`), no underscore, and no hyphen next to a dot
 * (`-.` or `.-`). Names without dots are left to
 * `validateGcsBucketName`.
 * @see https://cloud.google.com/storage/docs/buckets#naming
 * @see https://cloud.google.com/storage/docs/domain-name-verification
 */
export function validateGcsDottedBucketName(prop: string, name: string | undefined): void {
  if (name === undefined || isUnresolved(name) || !name.includes('.')) return;
  const bad = name.split('.').find((label) => !DNS_LABEL.test(label));
  if (bad !== undefined) {
    fail(
      prop,
      "a dotted name whose parts are DNS labels (no '..', '_', '-.' or '.-')",
      name,
      'A dotted bucket name must be a domain you have verified; use one, or drop the dots.',
    );
  }
}

/**
 * A dotted name needs domain verification before the bucket can be
 * created; worth a synth warning.
 */
export function gcsDottedNameWarning(prop: string, name: string | undefined): string | undefined {
  if (name === undefined || isUnresolved(name) || !name.includes('.')) return undefined;
  return `'${prop}' (${name}) contains dots: Cloud Storage creates it only after you verify ownership of that domain. Prefer a name without dots.`;
}
