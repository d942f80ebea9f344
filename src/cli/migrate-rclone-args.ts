/**
 * The rclone command lines of a migration, per bucket. None holds a key:
 * remotes are defined by environment variables (migrate-remotes.ts).
 *
 * The copy keeps what rclone 1.60 can keep and skips what is already there:
 * - `--metadata`: S3 to S3 (and Cloud Storage through its S3 API) carries
 *   Content-Type, Content-Encoding, Cache-Control, Content-Disposition,
 *   Content-Language and user metadata. rclone 1.60's azureblob backend
 *   writes only Content-Type (and Content-MD5): the attribute step sets the
 *   rest there. No backend of 1.60 reads or writes object tags.
 * - `--checksum`: an object whose size and MD5 match is skipped, so a second
 *   (or resumed) run copies only what is missing or changed; without MD5
 *   (multipart ETags) rclone compares sizes. Neither side needs a HEAD per
 *   object to compare, and no modification time is ever rewritten.
 * - `--use-server-modtime`: ages (`--max-age`) come from the listing's
 *   Last-Modified, the date lifecycle rules count from, without a HEAD per
 *   object.
 */
import type { BucketMove } from './migrate-plan';
import { SOURCE_REMOTE, TARGET_REMOTE } from './migrate-remotes';

/** Oldest rclone with `--metadata` (1.59); tested with 1.60.1. */
export const RCLONE_MIN_VERSION: readonly [number, number] = [1, 59];

/** Seconds between progress reports. */
export const STATS_SECONDS = 5;

/**
 * Listings, comparisons and tag requests per transfer (rclone's own default
 * ratio). They are small requests, bound by latency: OpenReplay keeps one
 * directory per session, which rclone lists with one request each
 * (RCLONE_FAST_LIST=true lists a bucket in one pass instead, at about 1 KB
 * of memory per object).
 */
export const CHECKERS_PER_TRANSFER = 2;

const checkers = (settings: Pick<CopySettings, 'transfers'>) => ['--checkers', String(settings.transfers * CHECKERS_PER_TRANSFER)];

export interface CopySettings {
  readonly transfers: number;
  readonly maxAgeDays?: number;
  readonly dryRun: boolean;
}

export function sourcePath(move: BucketMove): string {
  return `${SOURCE_REMOTE}:${move.source}`;
}

export function targetPath(move: BucketMove): string {
  return `${TARGET_REMOTE}:${move.target}`;
}

/** Filters shared by every command that lists the source. */
function ageFilter(settings: Pick<CopySettings, 'maxAgeDays'>): string[] {
  return ['--use-server-modtime', ...(settings.maxAgeDays !== undefined ? ['--max-age', `${settings.maxAgeDays}d`] : [])];
}

/** `rclone copy minio:<bucket> target:<bucket>` with bounded parallelism and progress every few seconds. */
export function copyArgs(move: BucketMove, settings: CopySettings): string[] {
  return [
    'copy',
    sourcePath(move),
    targetPath(move),
    '--metadata',
    '--checksum',
    ...ageFilter(settings),
    '--transfers',
    String(settings.transfers),
    ...checkers(settings),
    '--stats',
    `${STATS_SECONDS}s`,
    '--stats-log-level',
    'NOTICE',
    ...(settings.dryRun ? ['--dry-run'] : []),
  ];
}

/**
 * `rclone check --one-way`: every source object (of the age window) is on
 * the target with the same size and MD5 (size alone where either has no
 * MD5); one line per object on stdout (`= path`, `+ path` missing on the
 * target, `* path` different, `! path` unreadable).
 */
export function checkArgs(move: BucketMove, settings: CopySettings): string[] {
  return ['check', sourcePath(move), targetPath(move), '--one-way', '--combined', '-', ...ageFilter(settings), ...checkers(settings)];
}

/** `rclone size --json`: object count and bytes of one side. */
export function sizeArgs(path: string, settings?: Pick<CopySettings, 'maxAgeDays'>): string[] {
  return ['size', path, '--json', ...(settings ? ageFilter(settings) : [])];
}

/** `rclone lsjson --stat`: exit 0 when the bucket exists, 3 when not. */
export function statArgs(path: string): string[] {
  return ['lsjson', '--stat', path];
}

/** `rclone lsjson -R --files-only`: the source objects of the age window, one JSON object a line; with `-M` their headers too. */
export function listArgs(move: BucketMove, settings: Pick<CopySettings, 'maxAgeDays'>, withMetadata: boolean): string[] {
  return ['lsjson', sourcePath(move), '-R', '--files-only', '--no-mimetype', ...(withMetadata ? ['--metadata'] : []), ...ageFilter(settings)];
}

/** `rclone v1.60.1-DEV` -> [1, 60, 1]. */
export function parseRcloneVersion(text: string): [number, number, number] | undefined {
  const m = /^rclone v(\d+)\.(\d+)(?:\.(\d+))?/m.exec(text);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

export function isSupportedVersion(version: readonly [number, number, number]): boolean {
  const [major, minor] = RCLONE_MIN_VERSION;
  return version[0] > major || (version[0] === major && version[1] >= minor);
}
