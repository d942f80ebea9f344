/**
 * Moving OpenReplay's objects off the chart's bundled MinIO: where the chart
 * keeps them, what each object carries that must survive the copy, and the
 * checks and cut-over text both clouds' migration constructs share.
 * Cloud-free: the AWS (DataSync) and Google Cloud (Storage Transfer Service)
 * constructs map it to their transfer engines.
 */
import { fail, type Problems } from '../errors';
import { OPENREPLAY_DELETE_TAG_KEY } from '../openreplay/defaults';
import { OPENREPLAY_ROLES, type OpenReplayRole } from '../roles';
import { isUnresolved } from '../tokens';
import { validateS3BucketName } from '../validation/s3-bucket-name';

/**
 * The MinIO bucket of each role when the chart's defaults were kept: the
 * `global.s3.*` bucket names (`mobs`, `sessions-assets`, `sourcemaps`,
 * `spots`, `records`), which the chart's MinIO holds.
 */
export const MINIO_DEFAULT_BUCKETS: Readonly<Record<OpenReplayRole, string>> = {
  recordings: OPENREPLAY_ROLES.recordings.chartDefaultName,
  assets: OPENREPLAY_ROLES.assets.chartDefaultName,
  sourcemaps: OPENREPLAY_ROLES.sourcemaps.chartDefaultName,
  spots: OPENREPLAY_ROLES.spots.chartDefaultName,
  records: OPENREPLAY_ROLES.records.chartDefaultName,
};

/**
 * The chart's MinIO (`scripts/helmcharts/databases`, release namespace `db`):
 * service `minio` on port 9000, plain HTTP, and the Secret the chart writes
 * with the key pair (`charts/minio/templates/secrets.yaml`: keys
 * `access-key` and `secret-key`). MinIO signs for `us-east-1` unless told
 * otherwise.
 */
export const CHART_MINIO = {
  host: 'minio.db.svc.cluster.local',
  port: 9000,
  namespace: 'db',
  secretName: 'minio',
  accessKeyField: 'access-key',
  secretKeyField: 'secret-key',
  region: 'us-east-1',
} as const;

/** Something an OpenReplay object carries that a copy must keep. */
export interface ObjectAttribute {
  /** Header or tag key. */
  readonly name: string;
  /** The values OpenReplay writes. */
  readonly values: string;
  /** Where OpenReplay sets it (openreplay/openreplay). */
  readonly setBy: string;
  /** What breaks or changes when it is lost. */
  readonly lostMeans: string;
}

/**
 * Object metadata the Go backend writes on every upload
 * (`backend/pkg/objectstorage/s3/s3.go`, `Upload`).
 */
export const OPENREPLAY_OBJECT_METADATA: readonly ObjectAttribute[] = [
  {
    name: 'Content-Encoding',
    values: 'gzip, br or zstd, after the compression the backend used',
    setBy: 'backend/pkg/objectstorage/s3/s3.go (Upload)',
    lostMeans: 'browsers are no longer told the recording is compressed and get the compressed bytes as they are',
  },
  {
    name: 'Cache-Control',
    values: 'max-age=2628000, immutable, private',
    setBy: 'backend/pkg/objectstorage/s3/s3.go (Upload)',
    lostMeans: 'browsers fall back to the store\'s default caching and fetch recordings again',
  },
  {
    name: 'Content-Type',
    values: 'the type the backend passes per object',
    setBy: 'backend/pkg/objectstorage/s3/s3.go (Upload)',
    lostMeans: 'browsers guess the type (fonts and CSS of the assets bucket may be refused)',
  },
];

/** Object tags OpenReplay writes (S3-compatible stores only; Cloud Storage has none). */
export const OPENREPLAY_OBJECT_TAGS: readonly ObjectAttribute[] = [
  {
    name: 'retention',
    values: "the backend's RETENTION setting ('default' unless set)",
    setBy: 'backend/pkg/objectstorage/s3/s3.go (loadFileTag), on every upload',
    lostMeans: 'tag-based retention rules no longer match the object',
  },
  {
    name: OPENREPLAY_DELETE_TAG_KEY,
    values: 'SCH_DELETE_DAYS (30 unless changed), on the objects of deleted sessions',
    setBy: 'api/chalicelib/utils/storage/s3.py (tag_for_deletion)',
    lostMeans: 'the lifecycle rule never deletes the recordings of sessions deleted before the move',
  },
];

/** One bucket to move: the role, its MinIO bucket and the new bucket. */
export interface MinioMove {
  readonly role: OpenReplayRole;
  readonly minioBucket: string;
}

/**
 * The MinIO bucket of every role the target storage has: `minioBucketNames`
 * where given, the chart defaults otherwise. Problems go into `problems`:
 * unknown roles, roles the target storage lacks, names MinIO would refuse
 * (MinIO follows the S3 naming rules).
 */
export function planMinioMoves(
  problems: Problems,
  prop: string,
  given: Readonly<Partial<Record<string, string>>> | undefined,
  targetRoles: readonly OpenReplayRole[],
): MinioMove[] {
  const names: Partial<Record<string, string>> = given ?? {};
  for (const [key, name] of Object.entries(names)) {
    if (name === undefined) continue;
    if (!(key in OPENREPLAY_ROLES)) {
      problems.add(`${prop}.${key}`, `one of ${Object.keys(OPENREPLAY_ROLES).join(', ')}`, key, 'Remove it.');
    } else if (!targetRoles.includes(key as OpenReplayRole)) {
      problems.add(
        `${prop}.${key}`,
        `unset while the target storage has no ${key} bucket`,
        name,
        `Remove '${prop}.${key}', or turn on '${key}' in the OpenReplayStorage.`,
      );
    } else {
      problems.check(() => validateS3BucketName(`${prop}.${key}`, name));
    }
  }
  return targetRoles.map((role) => ({ role, minioBucket: names[role] ?? MINIO_DEFAULT_BUCKETS[role] }));
}

/** DNS name or IPv4 address: the pattern of DataSync's `ServerHostname`. */
const HOSTNAME = /^(([a-zA-Z0-9-]*[a-zA-Z0-9])\.)*([A-Za-z0-9-]*[A-Za-z0-9])$/;

/** A bare host name or IP address, no scheme, port or path. */
export function validateHostname(prop: string, host: string): void {
  if (isUnresolved(host)) return;
  if (host.includes('://') || host.includes('/') || host.includes(':')) {
    fail(prop, 'a host name or IP address without scheme, port or path', host, "Write it like 'minio.db.svc.cluster.local'.");
  }
  if (host.length > 255 || !HOSTNAME.test(host)) {
    fail(prop, 'a host name or IPv4 address (letters, digits, hyphens and dots)', host, "Write it like 'minio.db.svc.cluster.local'.");
  }
}

/** An S3-compatible endpoint URL split into what transfer engines ask for. */
export interface ObjectStoreEndpoint {
  readonly https: boolean;
  /** Host, and `:port` when the URL names one. */
  readonly hostAndPort: string;
}

/** `http(s)://host[:port]`, nothing after the authority. */
export function parseObjectStoreEndpoint(prop: string, endpoint: string): ObjectStoreEndpoint | undefined {
  if (isUnresolved(endpoint)) return undefined;
  const fix = "Write it like 'http://minio.db.svc.cluster.local:9000'.";
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) fail(prop, 'an http:// or https:// URL', endpoint, fix);
  if (url.username || url.password) fail(prop, 'a URL without credentials', endpoint, 'The key pair goes to the agents, never into the endpoint.');
  if (endpoint.replace(/\/+$/, '') !== `${url.protocol}//${url.host}` || url.search || url.hash) {
    fail(prop, 'a URL with scheme, host and port only (no path)', endpoint, fix);
  }
  return { https: url.protocol === 'https:', hostAndPort: url.host };
}

/** A calendar date written `YYYY-MM-DD`. */
export function parseIsoDate(prop: string, value: string): { year: number; month: number; day: number } | undefined {
  if (isUnresolved(value)) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !date || date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3])) {
    fail(prop, 'a date written YYYY-MM-DD', value, "Write it like '2025-07-01'.");
  }
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** How one cloud runs the copy, for the cut-over text. */
export interface CutOverEngine {
  /** e.g. 'DataSync task'. */
  readonly unit: string;
  /** How to start one run of every unit. */
  readonly runCommand: string;
  /** What must be up before the first run. */
  readonly prerequisite: string;
  /** Output holding the Helm values of the new buckets. */
  readonly helmValuesOutput: string;
}

/**
 * The cut-over, step by step: full copy while OpenReplay keeps writing to
 * MinIO, incremental re-runs, a last run with the writers stopped, then the
 * chart pointed at the new buckets.
 */
export function cutOverSteps(engine: CutOverEngine): string {
  return [
    `1. ${engine.prerequisite}`,
    `2. Run every ${engine.unit} once (${engine.runCommand}). The first run copies everything; OpenReplay keeps using MinIO meanwhile.`,
    '3. Re-run until a run copies little: each run moves only new or changed objects and never deletes any.',
    '4. Stop the writers: scale the OpenReplay deployments to 0 (or stop ingestion) so MinIO no longer changes.',
    `5. Run every ${engine.unit} a last time and wait until each succeeds.`,
    `6. helm upgrade the chart with the values of the ${engine.helmValuesOutput} output (new buckets, no MinIO), then scale the deployments back up.`,
    '7. Open old and new sessions in the dashboard. Keep MinIO and its volume until they play, then remove this migration and MinIO.',
  ].join('\n');
}
