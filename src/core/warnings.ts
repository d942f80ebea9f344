/**
 * Synth warnings, each with a stable id. AWS renders them with
 * `Annotations.addWarningV2(id, message)` (acknowledgeable by id); cdktf,
 * whose annotations carry no id, appends `[id]` to the message.
 */
export interface ReplayWarning {
  /** Stable id, `replay-storage:<name>`. */
  readonly id: string;
  readonly message: string;
}

/** Every warning id the constructs emit. */
export const WARNING_IDS = {
  /** `dashboardOrigins` lets any origin read. */
  anyOrigin: 'replay-storage:dashboard-origins-any',
  /** A bucket name with dots (TLS or domain verification trouble). */
  dottedBucketName: 'replay-storage:dotted-bucket-name',
  /** Path-style prefix in a region without a legacy `s3-<region>` host. */
  pathStyleRegion: 'replay-storage:path-style-region',
  /** Path-style prefix while the region is only known at deploy. */
  pathStyleUnknownRegion: 'replay-storage:path-style-unknown-region',
  /** Spots turned on where the backend cannot make them work. */
  spotsUnsupported: 'replay-storage:spots-unsupported',
  /** `cachedAssetPrefixes` set while `backendIngest` is off. */
  cachedPrefixesWithoutIngest: 'replay-storage:cached-prefixes-without-ingest',
} as const;

/** The one wording of the "any origin" warning, on every cloud and product. */
export function anyOriginWarning(example: string): ReplayWarning {
  return {
    id: WARNING_IDS.anyOrigin,
    message:
      "'dashboardOrigins' allows any origin ('*'): every website can read replay objects from these buckets in a browser once it has a URL. " +
      `Set 'dashboardOrigins' to the dashboard origin, e.g. ['${example}'].`,
  };
}

/** cdktf rendering: the message with its id, so users can grep and filter. */
export function withId(warning: ReplayWarning): string {
  return `${warning.message} [${warning.id}]`;
}
