import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { fail } from '../core/errors';
import { OpenReplayBucketSet } from '../core/helm/openreplay';
import { openReplayRoles } from '../core/roles';
import { OpenReplayBucketNames } from '../core/types';
import { validateGcsBucketName } from '../core/validation/gcs-bucket-name';
import { validateUniqueNames } from '../core/validation/unique-names';
import { gcsDottedNameWarning, validateGcsDottedBucketName } from '../core/validation/gcs-dotted-bucket-name';

/**
 * Checks one Cloud Storage bucket name against every naming rule and warns
 * about dotted names (they need a verified domain).
 */
export function checkGcsBucketName(scope: Construct, prop: string, name: string): void {
  validateGcsBucketName(prop, name);
  validateGcsDottedBucketName(prop, name);
  const warning = gcsDottedNameWarning(prop, name);
  if (warning) Annotations.of(scope).addWarning(warning);
}

/**
 * OpenReplay's bucket names: each one from `bucketNames`, else
 * `<bucketNamePrefix>-<role>`. Cloud Storage names are global and the
 * bucket resource needs one, so a role with neither fails.
 */
export function resolveOpenReplayBucketNames(
  scope: Construct,
  names: OpenReplayBucketNames | undefined,
  prefix: string | undefined,
  spots: boolean,
): OpenReplayBucketSet {
  const given: Record<string, string | undefined> = { ...(names ?? {}) };
  if (!spots && given.spots !== undefined) {
    fail('bucketNames.spots', "unset when 'spots' is false", given.spots, "Remove it, or set 'spots: true'.");
  }
  const resolved: Record<string, string> = {};
  for (const { role } of openReplayRoles(spots)) {
    const explicit = given[role];
    if (explicit !== undefined) {
      checkGcsBucketName(scope, `bucketNames.${role}`, explicit);
      resolved[role] = explicit;
    } else if (prefix !== undefined) {
      const derived = `${prefix}-${role}`;
      checkGcsBucketName(scope, 'bucketNamePrefix', derived);
      resolved[role] = derived;
    } else {
      fail(
        'bucketNamePrefix',
        `set when 'bucketNames.${role}' is not given, because Cloud Storage bucket names are global and required`,
        prefix,
        `Set 'bucketNamePrefix' (buckets become '<prefix>-recordings', '<prefix>-assets', ...) or name every bucket in 'bucketNames'.`,
      );
    }
  }
  validateUniqueNames('bucketNames', resolved);
  return {
    recordings: resolved.recordings,
    assets: resolved.assets,
    sourcemaps: resolved.sourcemaps,
    ...(spots ? { spots: resolved.spots } : {}),
  };
}
