import { Fn } from 'cdktf';
import type { Construct } from 'constructs';
import type { GcpStorageOptions } from './common-props';
import { DEFAULT_GCS_LOCATION } from '../core/cloud-options/gcp-options';
import { isUnresolved } from '../core/tokens';
import { gcpServiceAccountIdFrom } from '../core/validation/gcp-service-account-id';


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
