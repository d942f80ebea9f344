import { fail } from '../errors';
import { isUnresolved } from '../tokens';
import { MAX_GCS_RETENTION_DAYS } from './gcs-location';
import { validateWholeNumber } from './numbers';

/**
 * A Cloud Storage retention policy: a whole number of days, never together
 * with Object Versioning, and never longer than the age rule that deletes
 * the same objects (the policy would block the delete).
 * @see https://cloud.google.com/storage/docs/bucket-lock
 */
export function validateGcsRetention(retentionPeriodDays: number | undefined, versioned: boolean, expirationDays: number | undefined): void {
  if (retentionPeriodDays === undefined || isUnresolved(retentionPeriodDays)) return;
  validateWholeNumber('retentionPeriodDays', retentionPeriodDays, 1, MAX_GCS_RETENTION_DAYS);
  if (versioned) {
    fail('retentionPeriodDays', "unset while 'versioned' is true", retentionPeriodDays, 'Cloud Storage allows a retention policy or Object Versioning on a bucket, not both; drop one.');
  }
  if (expirationDays !== undefined && !isUnresolved(expirationDays) && expirationDays < retentionPeriodDays) {
    fail(
      'recordingsExpirationDays',
      `at least 'retentionPeriodDays' (${retentionPeriodDays})`,
      expirationDays,
      'The retention policy blocks the lifecycle delete until the period ends; make the two agree.',
    );
  }
}
