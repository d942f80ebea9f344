/**
 * Deletion on a real S3 server: the lifecycle rules an OpenReplayStorage
 * synthesizes (read from its template, not restated) applied to a Ceph
 * radosgw that runs lifecycle in accelerated time (`rgw lc debug interval`:
 * one "day" is one second here). A tagged object, an aged recording and an
 * unfinished multipart upload go; an object with another tag value, an
 * untagged one and a young recording stay.
 *
 * Also the documented finding about OpenReplay's deletion: before tagging,
 * the backend copies each object onto itself with MetadataDirective=COPY and
 * TaggingDirective=COPY (`api/chalicelib/utils/storage/s3.py`,
 * `tag_for_deletion`), which S3 and radosgw refuse as an illegal no-change
 * copy; the job then fails and the tag is never written. That is why age
 * expiry (`recordingsExpirationDays`) is the dependable cleanup.
 */
import {
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Template } from 'aws-cdk-lib/assertions';
import { App, Stack } from 'aws-cdk-lib/core';
import { applyS3, applyS3Lifecycle, s3Client } from './apply/s3';
import { type Radosgw, RADOSGW_BINARIES, startRadosgw } from './harness/radosgw';
import { describeWithSystem, missingBinaries } from './harness/system';
import { OpenReplayStorage } from '../../src/aws';
import { ABORT_INCOMPLETE_UPLOAD_DAYS } from '../../src/core/lifecycle';

const missing = missingBinaries(RADOSGW_BINARIES, 'apt-get install --no-install-recommends radosgw ceph-mon ceph-osd');

/** Seconds one lifecycle day lasts on the test server. */
const DAY = 1;
const NAMES = { recordings: 'lc-recordings', assets: 'lc-assets', sourcemaps: 'lc-sourcemaps', spots: 'lc-spots' };
const DELETION_TAG_DAYS = 2;
// Long enough that a pass (5-10 s) ends before a young object comes of age, even on a loaded machine.
const RECORDINGS_EXPIRATION_DAYS = 20;
/** The buckets the test puts objects in; only they get their lifecycle rules (a pass then takes half as long). */
const UNDER_TEST = [NAMES.recordings, NAMES.sourcemaps];

function template(): any {
  const stack = new Stack(new App(), 'Lifecycle', { env: { region: 'eu-central-1' } });
  new OpenReplayStorage(stack, 'OpenReplay', {
    bucketNames: NAMES,
    dashboardOrigins: ['https://openreplay.example.com'],
    deletionTagDays: DELETION_TAG_DAYS,
    recordingsExpirationDays: RECORDINGS_EXPIRATION_DAYS,
  });
  return Template.fromStack(stack).toJSON();
}

/** The wait, up to 90 s of passes and the young-object tries, with room to spare. */
const TEST_TIMEOUT_MS = 240_000;

const sleep = (s: number) => new Promise((resolve) => setTimeout(resolve, s * 1000));

async function exists(client: S3Client, bucket: string, key: string): Promise<boolean> {
  try {
    await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (e) {
    if ((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw e;
  }
}

describeWithSystem('S3 lifecycle in accelerated time (Ceph radosgw)', missing, () => {
  let rgw: Radosgw | undefined;
  let client: S3Client;

  /** Whether a lifecycle pass started on `bucket` at or after `since` (ms) and completed (`radosgw-admin lc list`; seconds precision). */
  const processedSince = (bucket: string, since: number): boolean => {
    const entries = JSON.parse(rgw!.admin(['lc', 'list'])) as { bucket: string; started: string; status: string }[];
    const entry = entries.find((e) => e.bucket.split(':')[1] === bucket);
    return !!entry && entry.status === 'COMPLETE' && Date.parse(entry.started) >= Math.floor(since / 1000) * 1000;
  };

  beforeAll(async () => {
    rgw = await startRadosgw({ lcDebugInterval: DAY });
    client = s3Client(rgw.endpoint, rgw.accessKeyId, rgw.secretAccessKey);
    const doc = template();
    await applyS3(doc, client, Object.values(NAMES));
    await applyS3Lifecycle(doc, client, UNDER_TEST);
  }, 90_000);

  afterAll(async () => {
    client?.destroy();
    await rgw?.stop();
  });

  test('tagged, aged and unfinished uploads are deleted; other tags, untagged and young objects stay', async () => {
    const testDeadline = Date.now() + TEST_TIMEOUT_MS;
    const put = (bucket: string, key: string, tagging?: string) =>
      client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x', ...(tagging ? { Tagging: tagging } : {}) }));
    await put(NAMES.sourcemaps, 'tagged', `to_delete_in_days=${DELETION_TAG_DAYS}`);
    await put(NAMES.sourcemaps, 'other-tag', 'to_delete_in_days=7000');
    await put(NAMES.sourcemaps, 'untagged');
    await put(NAMES.recordings, 'aged/dom.mobs');
    const upload = await client.send(new CreateMultipartUploadCommand({ Bucket: NAMES.recordings, Key: 'unfinished/dom.mobs' }));
    await client.send(new UploadPartCommand({ Bucket: NAMES.recordings, Key: 'unfinished/dom.mobs', UploadId: upload.UploadId, PartNumber: 1, Body: 'part' }));

    // Past the longest rule (the multipart abort); then lifecycle passes
    // until the due objects are gone. A pass (`lc process`) is the only
    // lifecycle processing on this server (see radosgw/start.sh); Ceph 16
    // runs it over every bucket, whatever `--bucket` says.
    await sleep((Math.max(ABORT_INCOMPLETE_UPLOAD_DAYS, RECORDINGS_EXPIRATION_DAYS) + 1) * DAY);
    const gone = async () => ({
      tagged: !(await exists(client, NAMES.sourcemaps, 'tagged')),
      aged: !(await exists(client, NAMES.recordings, 'aged/dom.mobs')),
      unfinished: ((await client.send(new ListMultipartUploadsCommand({ Bucket: NAMES.recordings }))).Uploads ?? []).length === 0,
    });
    const pass = () => rgw!.admin(['lc', 'process', `--rgw-lc-debug-interval=${DAY}`]);
    const deadline = Date.now() + 90_000;
    let state = await gone();
    while (!(state.tagged && state.aged && state.unfinished) && Date.now() < deadline) {
      pass();
      await sleep(1);
      state = await gone();
    }
    expect(state).toEqual({ tagged: true, aged: true, unfinished: true });

    expect(await exists(client, NAMES.sourcemaps, 'other-tag')).toBe(true);
    expect(await exists(client, NAMES.sourcemaps, 'untagged')).toBe(true);

    // A recording younger than the age rule survives a pass. A pass takes
    // seconds, more on a busy machine, so a try counts only if its pass
    // processed the bucket (`lc list`: started after the upload, complete)
    // and ended before the recording came of age; another try uses a new
    // recording, while the test's time allows.
    let young: 'stayed' | 'deleted' | undefined;
    for (let attempt = 1; attempt <= 3 && !young && Date.now() < testDeadline - 30_000; attempt++) {
      const key = `young-${attempt}/dom.mobs`;
      const putAt = Date.now();
      await put(NAMES.recordings, key);
      pass();
      const present = await exists(client, NAMES.recordings, key);
      const inTime = (Date.now() - putAt) / 1000 / DAY < RECORDINGS_EXPIRATION_DAYS - 1;
      if (inTime && processedSince(NAMES.recordings, putAt)) young = present ? 'stayed' : 'deleted';
    }
    expect(young).toBe('stayed');
  }, TEST_TIMEOUT_MS);

  test("finding: OpenReplay's pre-tagging self-copy is refused, so the deletion tag is never written", async () => {
    const Bucket = NAMES.recordings;
    const Key = 'session-1/dom.mobs';
    await client.send(new PutObjectCommand({ Bucket, Key, Body: 'recording' }));
    // The exact call of tag_for_deletion: copy onto itself, metadata and tags copied.
    const copy = client.send(new CopyObjectCommand({ Bucket, Key, CopySource: `${Bucket}/${Key}`, MetadataDirective: 'COPY', TaggingDirective: 'COPY' }));
    await expect(copy).rejects.toMatchObject({ name: 'InvalidRequest', $metadata: { httpStatusCode: 400 } });
    // Tagging alone would have worked: the failure is the copy, not the permission.
    await expect(
      client.send(new PutObjectTaggingCommand({ Bucket, Key, Tagging: { TagSet: [{ Key: 'to_delete_in_days', Value: String(DELETION_TAG_DAYS) }] } })),
    ).resolves.toBeDefined();
  });
});
