import { fail } from '../errors';
import { isUnresolved } from '../tokens';

/**
 * A Google Cloud service account id (the part of its email before `@`):
 * 6-30 characters, lowercase letters, digits and hyphens, starting with a
 * letter and not ending with a hyphen.
 * @see https://cloud.google.com/iam/docs/service-accounts-create#creating
 */
export function validateGcpServiceAccountId(prop: string, id: string | undefined): void {
  if (id === undefined || isUnresolved(id)) return;
  if (!/^[a-z](?:[a-z0-9-]{4,28})[a-z0-9]$/.test(id)) {
    fail(
      prop,
      'a service account id of 6-30 lowercase letters, digits and hyphens that starts with a letter and does not end with a hyphen',
      id,
      "Pick an id like 'openreplay-storage', unique in the project.",
    );
  }
}

/**
 * A service account id derived from a construct id: lowercased, other
 * characters turned into hyphens, cut to 30 characters and padded to 6.
 */
export function gcpServiceAccountIdFrom(base: string): string {
  let id = base
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[^a-z]+/, '');
  id = id.slice(0, 30).replace(/-+$/, '');
  if (id.length < 6) id = `${id || 'replay'}-storage`.slice(0, 30);
  return id;
}
