/**
 * What rclone 1.60 cannot carry, re-applied after the copy, object by
 * object: OpenReplay's object tags (`retention=...`: ee/backend/pkg/objectstorage/s3/tags.go;
 * `to_delete_in_days=N`: api/chalicelib/utils/storage/s3.py) on targets that have tags (S3, Azure blob index tags), and on Azure the
 * headers its azureblob backend does not write (Content-Encoding,
 * Cache-Control, Content-Disposition, Content-Language). Cloud Storage has
 * no tags and rclone writes its headers: nothing to do there.
 *
 * The stores behind {@link AttributeStores} talk to the object stores with
 * the AWS and Azure SDKs, loaded only when this step runs (see
 * migrate-sdk.ts). The step compares before it writes, so a re-run writes
 * nothing that is already right.
 */
import { printable } from './printable';

/** The headers an object carries beyond its bytes, by rclone metadata key. */
export const OBJECT_HEADERS = ['content-type', 'content-encoding', 'cache-control', 'content-disposition', 'content-language'] as const;
export type ObjectHeader = (typeof OBJECT_HEADERS)[number];
export type Headers = Partial<Record<ObjectHeader, string>>;
export type Tags = Readonly<Record<string, string>>;

/** Reads the tags of a MinIO object. */
export interface SourceTags {
  tags(bucket: string, key: string): Promise<Tags>;
}

/** What a target object carries now; undefined when it is not there. */
export interface TargetState {
  readonly tags?: Tags;
  readonly headers?: Headers;
}

/** Reads and writes what rclone did not carry, on the target. */
export interface TargetAttributes {
  /** What this target holds that rclone 1.60 does not write there. */
  readonly writes: { readonly tags: boolean; readonly headers: boolean };
  read(bucket: string, key: string): Promise<TargetState | undefined>;
  /** Sets the tags and/or headers given (headers: all of them at once, the object's MD5 kept). */
  write(bucket: string, key: string, change: { readonly tags?: Tags; readonly headers?: Headers }): Promise<void>;
}

export interface AttributeStores {
  readonly source: SourceTags;
  readonly target: TargetAttributes;
  close(): void;
}

/** What the step did for one bucket. */
export interface AttributeCounts {
  /** Source objects looked at. */
  objects: number;
  /** Of them, with tags on MinIO. */
  tagged: number;
  /** Objects whose tags or headers were written. */
  written: number;
  /** Objects already right. */
  unchanged: number;
  failed: number;
  /** The first few failures, `key: reason`. */
  readonly failures: string[];
}

export function emptyCounts(): AttributeCounts {
  return { objects: 0, tagged: 0, written: 0, unchanged: 0, failed: 0, failures: [] };
}

/** One line of `rclone lsjson`: an object, with its headers under `Metadata` when listed with `-M`. */
export interface ListedObject {
  readonly Path: string;
  readonly IsDir?: boolean;
  readonly Metadata?: Readonly<Record<string, string>>;
}

/** The object on one line of `rclone lsjson` output (`[`, `]` and blank lines give nothing). */
export function parseListedLine(line: string): ListedObject | undefined {
  const text = line.trim().replace(/,$/, '');
  if (!text.startsWith('{')) return undefined;
  const o = JSON.parse(text) as ListedObject;
  return typeof o.Path === 'string' && !o.IsDir ? o : undefined;
}

/** The headers rclone listed for a source object. */
export function headersOf(o: ListedObject): Headers {
  const headers: Headers = {};
  for (const name of OBJECT_HEADERS) {
    const value = o.Metadata?.[name];
    if (value !== undefined && value !== '') headers[name] = value;
  }
  return headers;
}

function sameTags(a: Tags, b: Tags): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => b[k] === a[k]);
}

/** The headers of `wanted` that the target lacks or has otherwise. */
function headersDiffer(wanted: Headers, current: Headers): boolean {
  return Object.entries(wanted).some(([name, value]) => current[name as ObjectHeader] !== value);
}

/**
 * Makes one target object carry the source's tags (and headers, where the
 * target needs them). Counts into `counts`; a failure is counted, never
 * thrown.
 */
export async function reapplyOne(
  stores: AttributeStores,
  buckets: { readonly source: string; readonly target: string },
  object: ListedObject,
  counts: AttributeCounts,
): Promise<void> {
  const { target } = stores;
  counts.objects++;
  try {
    // Both sides at once: nearly every OpenReplay object has tags (retention on every upload).
    const [tags, now] = await Promise.all([
      target.writes.tags ? stores.source.tags(buckets.source, object.Path) : ({} as Tags),
      target.read(buckets.target, object.Path),
    ]);
    const hasTags = Object.keys(tags).length > 0;
    if (hasTags) counts.tagged++;
    const wantedHeaders = target.writes.headers ? headersOf(object) : {};
    if (!hasTags && Object.keys(wantedHeaders).length === 0) {
      counts.unchanged++;
      return;
    }
    if (!now) throw new Error('not on the target');
    const change = {
      ...(hasTags && !sameTags(tags, now.tags ?? {}) ? { tags } : {}),
      ...(headersDiffer(wantedHeaders, now.headers ?? {}) ? { headers: { ...now.headers, ...wantedHeaders } } : {}),
    };
    if (Object.keys(change).length === 0) {
      counts.unchanged++;
      return;
    }
    await target.write(buckets.target, object.Path, change);
    counts.written++;
  } catch (e) {
    counts.failed++;
    if (counts.failures.length < 5) counts.failures.push(`${printable(object.Path)}: ${printable((e as Error).message ?? String(e))}`);
  }
}
