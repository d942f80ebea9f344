import { fail } from '../errors';
import { isUnresolved } from '../tokens';

/**
 * A Cloud Storage location: a region, dual-region or multi-region code.
 * @see https://cloud.google.com/storage/docs/locations
 */
export function validateGcsLocation(prop: string, location: string | undefined): void {
  if (location === undefined || isUnresolved(location)) return;
  if (!/^[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]$/.test(location)) {
    fail(prop, "a Cloud Storage location such as 'US', 'EU' or 'EUROPE-WEST1'", location, 'See https://cloud.google.com/storage/docs/locations.');
  }
}

/** Most days a Cloud Storage retention period may last (under 3,155,760,000 s). */
export const MAX_GCS_RETENTION_DAYS = 36_524;
