import type { Problems } from '../errors';
import { validateWholeNumber } from '../validation/numbers';
import { type ReplayWarning, WARNING_IDS } from '../warnings';

/** Highest accepted access key serial (a rotation counter, not an id). */
export const MAX_ACCESS_KEY_SERIAL = 1_000_000;

/** Checks of the options only AWS has, into the construct's one error. */
export function checkAwsOptions(problems: Problems, props: { readonly accessKeySerial?: number }): void {
  problems.check(() => validateWholeNumber('accessKeySerial', props.accessKeySerial, 0, MAX_ACCESS_KEY_SERIAL, 'Count up from 0 to rotate the access key.'));
}

/** The LogRocket chart's path-style prefix cannot be known while the region is a token. */
export function pathStyleUnknownRegionWarning(): ReplayWarning {
  return {
    id: WARNING_IDS.pathStyleUnknownRegion,
    message:
      "'useVirtualHostS3' is false and the stack's region is unknown at synth, so the ReplayPrefix output assumes the " +
      "s3-<region> form, which is wrong in us-east-1. Give the stack a concrete 'env.region'.",
  };
}
