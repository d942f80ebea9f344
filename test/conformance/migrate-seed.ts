/**
 * What `migrate.test.ts` puts on the stand-in MinIO: OpenReplay's objects
 * as the chart's backend writes them. Recordings gzip- and br-encoded with
 * the backend's Cache-Control, tagged `retention=default` (every upload) and
 * some `to_delete_in_days=30` (deleted sessions); one recording big enough
 * that it was uploaded in parts (its ETag is no MD5); assets with their
 * types; untagged sourcemaps; spots. A few dozen objects of ~10 KB.
 */
import { createHash, randomBytes } from 'node:crypto';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  PutObjectTaggingCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import type { OpenReplayRole } from '../../src/core/roles';

/** OpenReplay's Cache-Control on recordings (backend/pkg/objectstorage/s3/s3.go). */
export const RECORDING_CACHE_CONTROL = 'max-age=2628000, immutable, private';

export interface SeededObject {
  readonly role: OpenReplayRole;
  readonly key: string;
  readonly body: Buffer;
  readonly contentType: string;
  readonly contentEncoding?: string;
  readonly cacheControl?: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Uploaded in two parts (ETag is not an MD5). */
  readonly multipart?: boolean;
}

/** Text a session recording compresses like. */
function recordingText(bytes: number): Buffer {
  return Buffer.from(randomBytes(Math.ceil(bytes * 0.75)).toString('base64').slice(0, bytes));
}

/** The objects, per role; `sessions` recordings of two files each. */
export function seedObjects(sessions = 12): SeededObject[] {
  const objects: SeededObject[] = [];
  for (let i = 1; i <= sessions; i++) {
    const deleted = i <= 3;
    const tags: Record<string, string> = deleted ? { retention: 'default', to_delete_in_days: '30' } : { retention: 'default' };
    const common = { role: 'recordings' as const, contentType: 'application/octet-stream', cacheControl: RECORDING_CACHE_CONTROL, tags };
    objects.push({ ...common, key: `${7000 + i}/dom.mobs`, body: gzipSync(recordingText(14_000)), contentEncoding: 'gzip' });
    objects.push({ ...common, key: `${7000 + i}/devtools.mob`, body: brotliCompressSync(recordingText(14_000)), contentEncoding: 'br' });
  }
  objects.push({
    role: 'recordings',
    key: '7999/dom.mobsl',
    body: randomBytes(6 * 1024 * 1024),
    contentType: 'application/octet-stream',
    contentEncoding: 'gzip',
    cacheControl: RECORDING_CACHE_CONTROL,
    tags: { retention: 'default' },
    multipart: true,
  });
  const assets: [string, string][] = [['css', 'text/css'], ['woff2', 'font/woff2'], ['png', 'image/png'], ['svg', 'image/svg+xml']];
  for (const [i, [ext, type]] of assets.entries()) {
    objects.push({ role: 'assets', key: `4711/${createHash('md5').update(ext).digest('hex')}.${ext}`, body: randomBytes(9_000 + i), contentType: type, tags: { retention: 'default' } });
  }
  for (let i = 1; i <= 3; i++) {
    objects.push({ role: 'sourcemaps', key: `1/https%3A%2F%2Fapp.example.com%2Fmain.${i}.js.map`, body: recordingText(10_000), contentType: 'application/json', tags: {} });
  }
  for (let i = 1; i <= 3; i++) {
    const tags = { retention: 'default', ...(i === 1 ? { to_delete_in_days: '30' } : {}) };
    objects.push({ role: 'spots', key: `${900 + i}/video.webm`, body: randomBytes(10_000), contentType: 'video/webm', cacheControl: RECORDING_CACHE_CONTROL, tags });
  }
  return objects;
}

export async function createBuckets(client: S3Client, names: readonly string[]): Promise<void> {
  for (const Bucket of names) await client.send(new CreateBucketCommand({ Bucket }));
}

const tagging = (tags: Readonly<Record<string, string>>) => (Object.keys(tags).length ? new URLSearchParams(tags).toString() : undefined);

/** Puts each object as the backend would: headers and tags in the upload. */
export async function putSeeded(client: S3Client, bucket: string, o: SeededObject): Promise<void> {
  const headers = { ContentType: o.contentType, ContentEncoding: o.contentEncoding, CacheControl: o.cacheControl };
  const common = { Bucket: bucket, Key: o.key, ...headers, Tagging: tagging(o.tags) };
  if (!o.multipart) {
    await client.send(new PutObjectCommand({ ...common, Body: o.body }));
    return;
  }
  const { UploadId } = await client.send(new CreateMultipartUploadCommand(common));
  const parts = [o.body.subarray(0, 5 * 1024 * 1024), o.body.subarray(5 * 1024 * 1024)];
  const done = [];
  for (const [i, Body] of parts.entries()) {
    const { ETag } = await client.send(new UploadPartCommand({ Bucket: bucket, Key: o.key, UploadId, PartNumber: i + 1, Body }));
    done.push({ ETag, PartNumber: i + 1 });
  }
  await client.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: o.key, UploadId, MultipartUpload: { Parts: done } }));
  // radosgw keeps no tags given at CreateMultipartUpload (S3 and MinIO do): set them as they would be.
  if (Object.keys(o.tags).length > 0) {
    const TagSet = Object.entries(o.tags).map(([Key, Value]) => ({ Key, Value }));
    await client.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: o.key, Tagging: { TagSet } }));
  }
}

export function digest(body: Buffer): { sha256: string; size: number } {
  return { sha256: createHash('sha256').update(body).digest('hex'), size: body.length };
}

/** An object as a target holds it (the body as its SHA-256, so a failure shows a short diff). */
export interface StoredObject {
  readonly sha256: string;
  readonly size: number;
  readonly contentType?: string;
  readonly contentEncoding?: string;
  readonly cacheControl?: string;
  readonly tags: Record<string, string>;
}

export async function getStored(client: S3Client, bucket: string, key: string): Promise<StoredObject> {
  const o = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const body = Buffer.from(await o.Body!.transformToByteArray());
  const { TagSet } = await client.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }));
  return {
    ...digest(body),
    contentType: o.ContentType,
    contentEncoding: o.ContentEncoding,
    cacheControl: o.CacheControl,
    tags: Object.fromEntries((TagSet ?? []).map((t) => [t.Key!, t.Value!])),
  };
}

/** The keys of a bucket. */
export async function keysOf(client: S3Client, bucket: string): Promise<string[]> {
  const keys: string[] = [];
  let ContinuationToken: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken }));
    keys.push(...(page.Contents ?? []).map((c) => c.Key!));
    ContinuationToken = page.NextContinuationToken;
  } while (ContinuationToken);
  return keys;
}

export async function emptyBucket(client: S3Client, bucket: string): Promise<void> {
  for (const Key of await keysOf(client, bucket)) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key }));
}

/** What the seeded object must look like on the target. */
export function expectedStored(o: SeededObject): StoredObject {
  return {
    ...digest(o.body),
    contentType: o.contentType,
    ...(o.contentEncoding ? { contentEncoding: o.contentEncoding } : {}),
    ...(o.cacheControl ? { cacheControl: o.cacheControl } : {}),
    tags: { ...o.tags },
  };
}
