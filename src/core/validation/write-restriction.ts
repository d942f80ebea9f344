import { fail } from '../errors';

/** Where a user restricts writes to a bucket (LogRocket userFiles). */
export interface WriteRestrictionModel {
  readonly vpcEndpointIds?: readonly string[];
  readonly sourceIps?: readonly string[];
}

/** Whether the restriction names anything at all. */
export function hasWriteRestriction(r: WriteRestrictionModel | undefined): boolean {
  return !!r && ((r.vpcEndpointIds?.length ?? 0) > 0 || (r.sourceIps?.length ?? 0) > 0);
}

/**
 * Async mobile image upload PUTs straight from app clients with signed URLs,
 * so a write restriction to VPC endpoints or source IPs breaks it.
 */
export function validateWriteRestriction(prop: string, restriction: WriteRestrictionModel | undefined, asyncMobileUpload: boolean): void {
  if (!hasWriteRestriction(restriction) || !asyncMobileUpload) return;
  fail(
    prop,
    "unset while 'asyncMobileUpload' is true, because mobile apps PUT image assets straight to the bucket with signed URLs from any network",
    restriction,
    `Either remove '${prop}', or keep it and set 'asyncMobileUpload: false' after disabling async image upload in the mobile SDK (Android: setEnableAsyncImageUpload(false)).`,
  );
}
