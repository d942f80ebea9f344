import { Annotations, Fn } from 'cdktf';
import { Construct } from 'constructs';
import { allowsAnyOrigin, CorsModel, DEFAULT_CORS_MAX_AGE_SECONDS } from '../core/cors';
import { fail } from '../core/errors';
import { isUnresolved } from '../core/tokens';
import { validateCorsOrigins } from '../core/validation/cors-origin';
import { validateWholeNumber } from '../core/validation/numbers';
import { gcpServiceAccountIdFrom, validateGcpServiceAccountId } from '../core/validation/gcp-service-account-id';
import { GcsReplayStorageCommonProps } from './common-props';

/** The default bucket location: Cloud Storage's own default multi-region. */
export const DEFAULT_GCS_LOCATION = 'US';

/** Noncurrent versions are kept this long unless told otherwise. */
export const DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS = 30;

/** Largest day count Cloud Storage accepts for a retention period (under 3,155,760,000 s). */
export const MAX_GCS_DAYS = 36_524;

/** Common props with defaults applied and every value checked. */
export interface ResolvedCommonProps {
  readonly location: string;
  /** What OpenReplay's `region` setting gets: the location, lowercased. */
  readonly region: string;
  readonly forceDestroy: boolean;
  readonly versioned: boolean;
  readonly noncurrentVersionExpirationDays: number;
  readonly corsMaxAgeSeconds: number;
  readonly serviceAccountId: string;
  readonly kmsKeyName?: string;
  readonly labels?: { [key: string]: string };
}

/** Validates the common props and fills in their defaults. */
export function resolveCommonProps(scope: Construct, props: GcsReplayStorageCommonProps): ResolvedCommonProps {
  const location = props.location ?? DEFAULT_GCS_LOCATION;
  if (!isUnresolved(location) && !/^[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]$/.test(location)) {
    fail('location', "a Cloud Storage location such as 'US', 'EU' or 'EUROPE-WEST1'", location, 'See https://cloud.google.com/storage/docs/locations.');
  }
  validateWholeNumber('noncurrentVersionExpirationDays', props.noncurrentVersionExpirationDays, 1, MAX_GCS_DAYS);
  validateWholeNumber('corsMaxAgeSeconds', props.corsMaxAgeSeconds, 0, 86_400);
  const serviceAccountId = props.serviceAccountId ?? gcpServiceAccountIdFrom(`${scope.node.id}-storage`);
  validateGcpServiceAccountId('serviceAccountId', serviceAccountId);
  return {
    location,
    region: isUnresolved(location) ? Fn.lower(location) : location.toLowerCase(),
    forceDestroy: props.forceDestroy ?? false,
    versioned: props.versioned ?? false,
    noncurrentVersionExpirationDays: props.noncurrentVersionExpirationDays ?? DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS,
    corsMaxAgeSeconds: props.corsMaxAgeSeconds ?? DEFAULT_CORS_MAX_AGE_SECONDS,
    serviceAccountId,
    kmsKeyName: props.kmsKeyName,
    labels: props.labels,
  };
}

/**
 * Validates the dashboard origins of a CORS rule and warns when any origin
 * may read, naming the property to change.
 */
export function checkDashboardOrigins(scope: Construct, origins: string[], rule: CorsModel, example: string): void {
  validateCorsOrigins('dashboardOrigins', origins);
  if (allowsAnyOrigin(rule)) {
    Annotations.of(scope).addWarning(
      `'dashboardOrigins' allows '*': any web site can read replay data from these buckets in a browser. ` +
        `Set 'dashboardOrigins' to the dashboard's origin, e.g. ['${example}'].`,
    );
  }
}
