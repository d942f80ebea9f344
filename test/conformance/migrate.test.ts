/**
 * `replay-storage migrate` end to end, with rclone: a Ceph radosgw user
 * stands in for the chart's MinIO (buckets mobs, sessions-assets,
 * sourcemaps, spots, seeded as OpenReplay's backend writes them: gzip- and
 * br-encoded recordings with Cache-Control, tags `retention=default` and
 * `to_delete_in_days=30`). The targets are the buckets of the AWS example's
 * outputs, owned by a second radosgw user (endpoint overridden), and the
 * containers of the Azure example's outputs on Azurite. Each object is
 * checked byte for byte with its headers and tags; a second run copies
 * nothing; a run stopped part way resumes.
 */
import { once } from 'node:events';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { s3Client } from './apply/s3';
import { type Azurite, DEV_ACCOUNT, startAzurite } from './harness/azurite';
import { ManagedProcess } from './harness/processes';
import { type Radosgw, RADOSGW_BINARIES, startRadosgw } from './harness/radosgw';
import { describeWithSystem, missingBinaries } from './harness/system';
import { createBuckets, digest, emptyBucket, expectedStored, getStored, keysOf, putSeeded, type SeededObject, seedObjects } from './migrate-seed';
import { CliIo, safeIo } from '../../src/cli/io';
import { migrateCommand } from '../../src/cli/migrate-command';
import { MINIO_DEFAULT_BUCKETS, ROLE_BUCKET_OUTPUTS } from '../../src/cli/migrate-plan';
import type { MigrateReport } from '../../src/cli/migrate-report';
import { findInstances, parseOutputs } from '../../src/cli/outputs';
import type { OpenReplayRole } from '../../src/core/roles';
import { tempDir } from '../cli/support/cli';
import { cdkOutputsFile, terraformOutputJson } from '../cli/support/deployed-outputs';
import { onlyStack, synthExample } from '../cli/support/examples';

const missing = missingBinaries([...RADOSGW_BINARIES, 'rclone'], 'apt-get install --no-install-recommends radosgw ceph-mon ceph-osd rclone');
const VERBOSE = process.env.REPLAY_STORAGE_CONFORMANCE_VERBOSE === '1';
/** The key rclone 1.60's emulator mode signs with: the one Azurite publishes. */
const AZURITE_PUBLISHED_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const MAIN = join(__dirname, '..', '..', 'src', 'cli', 'main.ts');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/** `migrate` in this process, with its own environment. */
async function migrate(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readInput: (p) => readFileSync(p, 'utf8') };
  const started = Date.now();
  let code: number;
  try {
    code = await migrateCommand(args, safeIo(io), env);
  } catch (e) {
    stderr += (e as Error).message;
    code = 1;
  }
  if (VERBOSE) process.stderr.write(stderr + stdout);
  return { code, stdout, stderr, seconds: (Date.now() - started) / 1000 };
}

function report(run: Run): MigrateReport {
  if (run.code !== 0) throw new Error(`migrate failed (${run.code}):\n${run.stderr}\n${run.stdout}`);
  return JSON.parse(run.stdout) as MigrateReport;
}

/** Each role's target bucket, as the outputs file names it. */
function targetBuckets(outputsFile: string): Partial<Record<OpenReplayRole, string>> {
  const [instance] = findInstances(parseOutputs(readFileSync(outputsFile, 'utf8'), outputsFile));
  const names: Partial<Record<OpenReplayRole, string>> = {};
  for (const [role, output] of Object.entries(ROLE_BUCKET_OUTPUTS)) {
    if (instance.declares(output)) names[role as OpenReplayRole] = instance.require(output);
  }
  return names;
}

const byRole = (objects: readonly SeededObject[], role: string) => objects.filter((o) => o.role === role);

describeWithSystem('migrate (rclone): MinIO stand-in to S3 and Azure Blob', missing, () => {
  const dir = tempDir('migrate');
  const objects = seedObjects();
  const target = { key: 'RSTARGET0000000000001', secret: 'target-secret-of-the-second-user-000000' };
  let rgw: Radosgw | undefined;
  let azurite: Azurite | undefined;
  let minio: S3Client;
  let s3: S3Client;
  let awsOutputs: string;
  let awsBuckets: Partial<Record<OpenReplayRole, string>>;
  let firstRun: Run;

  const minioEnv = (): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = { ...process.env, MINIO_ACCESS_KEY: rgw!.accessKeyId, MINIO_SECRET_KEY: rgw!.secretAccessKey };
    for (const k of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AZURE_STORAGE_ACCOUNT', 'AZURE_STORAGE_KEY']) delete env[k];
    return env;
  };
  const awsEnv = () => ({ ...minioEnv(), AWS_ACCESS_KEY_ID: target.key, AWS_SECRET_ACCESS_KEY: target.secret });
  const awsArgs = (...more: string[]) => ['--outputs', awsOutputs, '--source-endpoint', rgw!.endpoint, '--target-endpoint', rgw!.endpoint, '--json', ...more];

  beforeAll(async () => {
    [rgw, azurite] = await Promise.all([startRadosgw(), startAzurite([], { devAccountKey: AZURITE_PUBLISHED_KEY })]);
    rgw.admin(['user', 'create', '--uid', 'target', '--display-name', 'target', '--access-key', target.key, '--secret-key', target.secret]);
    minio = s3Client(rgw.endpoint, rgw.accessKeyId, rgw.secretAccessKey);
    s3 = s3Client(rgw.endpoint, target.key, target.secret);
    const roles = [...new Set(objects.map((o) => o.role))];
    await createBuckets(minio, roles.map((r) => MINIO_DEFAULT_BUCKETS[r]));
    for (const o of objects) await putSeeded(minio, MINIO_DEFAULT_BUCKETS[o.role], o);
    const { stackName, doc } = onlyStack(synthExample('aws-openreplay'));
    awsOutputs = join(dir, 'aws-outputs.json');
    writeFileSync(awsOutputs, JSON.stringify(cdkOutputsFile(stackName, doc)));
    awsBuckets = targetBuckets(awsOutputs);
    await createBuckets(s3, Object.values(awsBuckets));
  }, 90_000);

  afterAll(async () => {
    minio?.destroy();
    s3?.destroy();
    await Promise.all([rgw?.stop(), azurite?.stop()]);
  });

  async function expectAllOnS3(): Promise<void> {
    for (const o of objects) {
      const bucket = awsBuckets[o.role];
      if (bucket) expect({ key: o.key, ...(await getStored(s3, bucket, o.key)) }).toEqual({ key: o.key, ...expectedStored(o) });
    }
  }

  test('S3: every object arrives byte for byte, with Content-Encoding, Cache-Control, Content-Type and tags', async () => {
    firstRun = await migrate(awsArgs(), awsEnv());
    const r = report(firstRun);
    expect(r.status).toBe('ok');
    for (const b of r.buckets) {
      const count = byRole(objects, b.role).length;
      expect(b).toMatchObject({ verdict: 'OK', copy: { objects: count, errors: 0 }, check: { matched: count, missing: 0, differ: 0, errors: 0 } });
      expect(b.sourceSize).toEqual(b.targetSize);
      const tagged = byRole(objects, b.role).filter((o) => Object.keys(o.tags).length > 0).length;
      expect(b.attributes).toMatchObject({ objects: count, failed: 0, tagged });
    }
    // The recording uploaded in parts has no MD5 on MinIO: compared by size.
    expect(r.buckets.find((b) => b.role === 'recordings')!.check!.sizeOnly).toBe(1);
    await expectAllOnS3();
    expect(firstRun.stderr).toMatch(/recordings: \d+\/\d+ objects, .*\/s, ETA/);
  }, 120_000);

  test('S3: a second run copies nothing and writes no tag', async () => {
    const r = report(await migrate(awsArgs(), awsEnv()));
    expect(r.totals.objects).toBe(0);
    for (const b of r.buckets) {
      const count = byRole(objects, b.role).length;
      expect(b).toMatchObject({ verdict: 'OK', copy: { objects: 0, bytes: 0, alreadyThere: count }, attributes: { written: 0, unchanged: count } });
    }
  }, 120_000);

  test('S3: a run stopped part way (SIGTERM) leaves no temp files and resumes where it stopped', async () => {
    for (const bucket of Object.values(awsBuckets)) await emptyBucket(s3, bucket);
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    // One object at a time, slowly (rclone reads RCLONE_BWLIMIT), so it can be stopped part way.
    const proc = new ManagedProcess('migrate', process.execPath, ['--require', require.resolve('tsx/cjs'), MAIN, 'migrate', ...awsArgs('--transfers', '1')], {
      env: { ...awsEnv(), RCLONE_BWLIMIT: '48k', TMPDIR: tmp },
    });
    const recordings = awsBuckets.recordings!;
    const deadline = Date.now() + 60_000;
    while ((await keysOf(s3, recordings)).length < 3 && proc.alive && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(proc.alive).toBe(true);
    const exited = once(proc.child, 'exit');
    proc.child.kill('SIGTERM');
    const [code] = await exited;
    await proc.stop();
    expect(code).toBe(1);
    expect(proc.output).toContain('interrupted; run the same command again to resume');
    expect(readdirSync(tmp).filter((f) => f.startsWith('replay-storage-'))).toEqual([]);
    const present = (await keysOf(s3, recordings)).length;
    const total = byRole(objects, 'recordings').length;
    expect(present).toBeGreaterThanOrEqual(3);
    expect(present).toBeLessThan(total);

    const r = report(await migrate(awsArgs(), awsEnv()));
    expect(r.status).toBe('ok');
    expect(r.buckets.find((b) => b.role === 'recordings')).toMatchObject({ copy: { objects: total - present, alreadyThere: present } });
    await expectAllOnS3();
  }, 120_000);

  test('Azure (Azurite): byte for byte, headers rclone 1.60 drops set again, blob index tags; a second run changes nothing', async () => {
    const { doc } = onlyStack(synthExample('azure-openreplay'));
    const [accountId] = Object.keys(doc.resource.azurerm_storage_account);
    const outputs = join(dir, 'azure-outputs.json');
    writeFileSync(
      outputs,
      JSON.stringify(
        terraformOutputJson(doc, {
          [`azurerm_storage_account.${accountId}`]: { name: DEV_ACCOUNT, primary_blob_endpoint: azurite!.blobEndpoint(DEV_ACCOUNT), primary_access_key: AZURITE_PUBLISHED_KEY },
        }),
      ),
    );
    const containers = targetBuckets(outputs);
    const { BlobServiceClient, StorageSharedKeyCredential } = await import('@azure/storage-blob');
    const service = new BlobServiceClient(azurite!.blobEndpoint(DEV_ACCOUNT), new StorageSharedKeyCredential(DEV_ACCOUNT, AZURITE_PUBLISHED_KEY));
    for (const name of Object.values(containers)) await service.getContainerClient(name).createIfNotExists();
    const env = { ...minioEnv(), AZURE_STORAGE_ACCOUNT: DEV_ACCOUNT, AZURE_STORAGE_KEY: AZURITE_PUBLISHED_KEY };
    const args = ['--outputs', outputs, '--source-endpoint', rgw!.endpoint, '--target-endpoint', azurite!.blobEndpoint(DEV_ACCOUNT), '--json'];

    const first = report(await migrate(args, env));
    expect(first.status).toBe('ok');
    expect(first.buckets.map((b) => b.role).sort()).toEqual(Object.keys(containers).sort());
    for (const o of objects) {
      const container = containers[o.role];
      if (!container) continue;
      const blob = service.getContainerClient(container).getBlobClient(o.key);
      const p = await blob.getProperties();
      const stored = {
        key: o.key,
        ...digest(await blob.downloadToBuffer()),
        contentType: p.contentType,
        ...(p.contentEncoding ? { contentEncoding: p.contentEncoding } : {}),
        ...(p.cacheControl ? { cacheControl: p.cacheControl } : {}),
        tags: p.tagCount ? (await blob.getTags()).tags : {},
      };
      expect(stored).toEqual({ key: o.key, ...expectedStored(o) });
    }

    const second = report(await migrate(args, env));
    for (const b of second.buckets) expect(b).toMatchObject({ verdict: 'OK', copy: { objects: 0 }, attributes: { written: 0, failed: 0 } });
  }, 120_000);

  test('throughput: migrate against a plain rclone copy of the same data', async () => {
    // `rclone copy` (defaults: 4 transfers; no metadata, tags or check) into fresh buckets, same remotes.
    const env: NodeJS.ProcessEnv = {
      ...awsEnv(),
      RCLONE_CONFIG_SRC_TYPE: 's3',
      RCLONE_CONFIG_SRC_PROVIDER: 'Minio',
      RCLONE_CONFIG_SRC_ENDPOINT: rgw!.endpoint,
      RCLONE_CONFIG_SRC_ACCESS_KEY_ID: rgw!.accessKeyId,
      RCLONE_CONFIG_SRC_SECRET_ACCESS_KEY: rgw!.secretAccessKey,
      RCLONE_CONFIG_DST_TYPE: 's3',
      RCLONE_CONFIG_DST_PROVIDER: 'Other',
      RCLONE_CONFIG_DST_ENDPOINT: rgw!.endpoint,
      RCLONE_CONFIG_DST_ACCESS_KEY_ID: target.key,
      RCLONE_CONFIG_DST_SECRET_ACCESS_KEY: target.secret,
    };
    delete env.AWS_CA_BUNDLE;
    const roles = Object.keys(awsBuckets) as OpenReplayRole[];
    /** Seconds to copy every role's MinIO bucket into `<prefix>-<bucket>` with these rclone flags. */
    const timed = async (prefix: string, flags: string[]) => {
      await createBuckets(s3, roles.map((r) => `${prefix}-${MINIO_DEFAULT_BUCKETS[r]}`));
      const started = Date.now();
      for (const role of roles) {
        const bucket = MINIO_DEFAULT_BUCKETS[role];
        const proc = new ManagedProcess('rclone', 'rclone', ['--config', join(dir, 'none.conf'), 'copy', `src:${bucket}`, `dst:${prefix}-${bucket}`, ...flags], { env });
        const [code] = await once(proc.child, 'exit');
        expect({ role, code, output: code === 0 ? '' : proc.output }).toEqual({ role, code: 0, output: '' });
      }
      const seconds = (Date.now() - started) / 1000;
      for (const role of roles) expect((await keysOf(s3, `${prefix}-${MINIO_DEFAULT_BUCKETS[role]}`)).length).toBe(byRole(objects, role).length);
      return seconds;
    };
    const plain = await timed('plain', []);
    // The copy flags migrate uses, without its tag step and comparison.
    const flagged = await timed('flags', ['--metadata', '--checksum', '--use-server-modtime', '--transfers', '8', '--checkers', '8']);
    const moved = objects.filter((o) => awsBuckets[o.role]);
    const mb = moved.reduce((n, o) => n + o.body.length, 0) / 1e6;
    const rate = (s: number) => `${(moved.length / s).toFixed(1)} objects/s, ${(mb / s).toFixed(2)} MB/s (${s.toFixed(2)} s)`;
    if (VERBOSE) {
      process.stderr.write(
        `THROUGHPUT ${moved.length} objects, ${mb.toFixed(2)} MB: migrate ${rate(firstRun.seconds)}; ` +
          `plain rclone copy ${rate(plain)}; rclone copy with migrate's flags ${rate(flagged)}; plain/migrate ${(plain / firstRun.seconds).toFixed(2)}\n`,
      );
    }
  }, 120_000);
});
