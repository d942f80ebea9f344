import type { Problems } from '../errors';
import { validateGcpServiceAccountId } from '../validation/gcp-service-account-id';
import { validateGcsLocation } from '../validation/gcs-location';

/** The default bucket location: Cloud Storage's own default multi-region. */
export const DEFAULT_GCS_LOCATION = 'US';

/** Checks of the options only Google Cloud has, into the construct's one error. */
export function checkGcpOptions(problems: Problems, options: { readonly location: string; readonly serviceAccountId: string }): void {
  problems.check(() => validateGcsLocation('location', options.location));
  problems.check(() => validateGcpServiceAccountId('serviceAccountId', options.serviceAccountId));
}
