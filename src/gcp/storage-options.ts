import { Fn } from 'cdktf';
import type { Construct } from 'constructs';
import type { GcpStorageOptions } from './common-props';
import type { Problems } from '../core/errors';
import { isUnresolved } from '../core/tokens';
import { gcpServiceAccountIdFrom, validateGcpServiceAccountId } from '../core/validation/gcp-service-account-id';
import { validateGcsLocation } from '../core/validation/gcs-location';

/** The default bucket location: Cloud Storage's own default multi-region. */
export const DEFAULT_GCS_LOCATION = 'US';

/** Google Cloud options with defaults applied. */
export interface ResolvedGcpOptions {
  readonly location: string;
  /** What OpenReplay's `region` setting gets: the location, lowercased. */
  readonly region: string;
  readonly forceDestroy: boolean;
  readonly serviceAccountId: string;
  readonly kmsKeyName?: string;
  readonly labels?: { [key: string]: string };
}

/** Fills in the defaults of the Google Cloud options. */
export function resolveGcpOptions(scope: Construct, props: GcpStorageOptions): ResolvedGcpOptions {
  const location = props.location ?? DEFAULT_GCS_LOCATION;
  return {
    location,
    region: isUnresolved(location) ? Fn.lower(location) : location.toLowerCase(),
    forceDestroy: props.forceDestroy ?? false,
    serviceAccountId: props.serviceAccountId ?? gcpServiceAccountIdFrom(`${scope.node.id}-storage`),
    kmsKeyName: props.kmsKeyName,
    labels: props.labels,
  };
}

/** Checks of the Google Cloud options, into the construct's one error. */
export function checkGcpOptions(problems: Problems, options: ResolvedGcpOptions): void {
  problems.check(() => validateGcsLocation('location', options.location));
  problems.check(() => validateGcpServiceAccountId('serviceAccountId', options.serviceAccountId));
}
