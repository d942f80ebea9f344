/**
 * Migration throughput: `replay-storage migrate` against a plain `rclone
 * copy` of the same data, both between two users of a one-node Ceph radosgw
 * on loopback (the migrate conformance test's setup: the first user stands
 * in for the chart's MinIO, the second owns the aws-openreplay example's
 * buckets). On loopback the network costs nothing, so the ratio shows what
 * migrate's own work costs: on a real network the copy takes longer and the
 * ratio moves towards 1.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { CliIo, safeIo } from '../../src/cli/io';
import { DEFAULT_TRANSFERS, migrateCommand } from '../../src/cli/migrate-command';
import { type MigratePlan, planMigration } from '../../src/cli/migrate-plan';
import type { MigrateReport } from '../../src/cli/migrate-report';
import { findInstances, parseOutputs } from '../../src/cli/outputs';
import { s3Client } from '../../test/conformance/apply/s3';
import { RADOSGW_BINARIES, startRadosgw } from '../../test/conformance/harness/radosgw';
import { missingBinaries } from '../../test/conformance/harness/system';
import { createBuckets, emptyBucket, keysOf, putSeeded, type SeededObject, seedObjects } from '../../test/conformance/migrate-seed';
import { writeAwsOpenReplayOutputs } from '../lib/example-outputs';
import { plainRcloneCopy } from '../lib/plain-rclone-copy';
import { verdict, type Report } from '../lib/report';
import { fmtRatio, fmtSpread, median } from '../lib/stats';

const SECTION = 'Migration';
const INSTALL = 'apt-get install --no-install-recommends radosgw ceph-mon ceph-osd rclone';
/** migrate's default --transfers; passed explicitly so both runs use the same. */
const TRANSFERS = DEFAULT_TRANSFERS;
/** migrate throughput / plain copy throughput on many small objects, where migrate's per-object work weighs most. */
const RATIO_TARGET = 0.5;

export interface MigrationOptions {
  readonly runs: number;
  /** Sessions (two recordings each) of the many-small-objects set. */
  readonly manySessions: number;
}

interface DataSet {
  readonly name: string;
  readonly objects: SeededObject[];
  readonly target?: number;
}

/** One timed run of each kind. */
interface Sample {
  readonly migrateMs: number;
  readonly report: MigrateReport;
  readonly plainMs: number;
}

/** Runs `fn` over `items`, `width` at a time (seeding 2,000 objects one by one would take longer than the runs). */
async function inParallel<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

/**
 * Empties a target bucket 16 deletes at a time: emptyBucket (migrate-seed.ts)
 * deletes one by one, which for 2,000 objects before each of six runs added
 * about 40 s to a full run of the section.
 */
async function emptyTarget(client: S3Client, bucket: string): Promise<void> {
  await inParallel(await keysOf(client, bucket), 16, async (Key) => {
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key }));
  });
}

/** `migrate` in this process, as the CLI runs it; its progress (stderr) is dropped, its JSON report kept. */
async function timedMigrate(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; report: MigrateReport }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr = (stderr + t).slice(-2000)), readInput: (p) => readFileSync(p, 'utf8') };
  const started = performance.now();
  const code = await migrateCommand(args, safeIo(io), env);
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`migrate exited with ${code}:\n${stderr}\n${stdout}`);
  return { ms, report: JSON.parse(stdout) as MigrateReport };
}

const rates = (ms: number, objects: number, mb: number) => {
  const s = ms / 1000;
  return [`${s.toFixed(2)} s`, (objects / s).toFixed(0), (mb / s).toFixed(2)];
};

function reportSet(report: Report, set: DataSet, moved: SeededObject[], samples: Sample[], runs: number): void {
  const objects = moved.length;
  const mb = moved.reduce((n, o) => n + o.body.length, 0) / 1e6;
  const migrateMs = median(samples.map((s) => s.migrateMs));
  const plainMs = median(samples.map((s) => s.plainMs));
  const ownMs = median(samples.map((s) => s.report.totals.seconds * 1000));
  const copyMs = median(samples.map((s) => s.report.buckets.reduce((n, b) => n + (b.copy?.seconds ?? 0), 0) * 1000));
  const perBucket = samples[0].report.buckets.map((b) => `${b.role} ${median(samples.map((s) => s.report.buckets.find((x) => x.role === b.role)?.copy?.seconds ?? 0)).toFixed(2)} s`);
  const ratio = plainMs / migrateMs;
  const secs = (values: number[]) => fmtSpread(values.map((v) => v / 1000), (v) => `${v.toFixed(2)} s`);
  report.heading(3, set.name);
  report.table(
    ['run', `seconds (median of ${runs})`, 'objects/s', 'MB/s', 'spread'],
    [
      ['migrate: whole command, wall time (copy, tag step, check)', ...rates(migrateMs, objects, mb), secs(samples.map((s) => s.migrateMs))],
      ['migrate: its report\'s totals.seconds', ...rates(ownMs, objects, mb), secs(samples.map((s) => s.report.totals.seconds * 1000))],
      [`- of which rclone copy (copy.seconds, summed: ${perBucket.join(', ')})`, `${(copyMs / 1000).toFixed(2)} s`, '', '', ''],
      ['- of which the rest: preflight, tag step, check and sizes (each overlaps the next bucket\'s copy)', `${((ownMs - copyMs) / 1000).toFixed(2)} s`, '', '', ''],
      [`plain \`rclone copy\` (--transfers ${TRANSFERS} --checkers ${TRANSFERS * 2}), bucket by bucket`, ...rates(plainMs, objects, mb), secs(samples.map((s) => s.plainMs))],
      ['throughput ratio, migrate / plain copy', fmtRatio(ratio), '', '', fmtSpread(samples.map((s) => s.plainMs / s.migrateMs), fmtRatio)],
    ],
  );
  report.figure({
    section: SECTION,
    figure: `${set.name} (${objects} objects, ${mb.toFixed(1)} MB): migrate / plain rclone copy throughput`,
    value: `${fmtRatio(ratio)} (migrate ${(objects / (migrateMs / 1000)).toFixed(0)} objects/s, ${(mb / (migrateMs / 1000)).toFixed(2)} MB/s; ` +
      `rclone copy ${(objects / (plainMs / 1000)).toFixed(0)} objects/s, ${(mb / (plainMs / 1000)).toFixed(2)} MB/s)`,
    target: set.target === undefined ? 'information' : `>= ${fmtRatio(set.target)}`,
    verdict: set.target === undefined ? 'n/a' : verdict(ratio >= set.target),
  });
}

function notMeasured(report: Report, sets: DataSet[], why: string): void {
  report.paragraph(why);
  for (const set of sets) {
    report.figure({
      section: SECTION,
      figure: `${set.name}: migrate / plain rclone copy throughput`,
      value: `n/a (${why})`,
      target: set.target === undefined ? 'information' : `>= ${fmtRatio(set.target)}`,
      verdict: 'n/a',
    });
  }
}

/** Where the section's wall time went, by phase. */
class Clock {
  private readonly started = performance.now();
  private readonly spent = new Map<string, number>();

  public async time<T>(phase: string, fn: () => Promise<T>): Promise<T> {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      this.spent.set(phase, (this.spent.get(phase) ?? 0) + performance.now() - t);
    }
  }

  public text(phase: string): string {
    return `${((this.spent.get(phase) ?? 0) / 1000).toFixed(0)} s`;
  }

  public total(): string {
    return `${((performance.now() - this.started) / 1000).toFixed(0)} s`;
  }
}

/** radosgw with the two users, the example's outputs, and what both kinds of run need. */
interface Loopback {
  readonly minio: S3Client;
  readonly s3: S3Client;
  readonly plan: MigratePlan;
  /** Keys as migrate reads them: MINIO_* for the source, the standard AWS variables for the target. */
  readonly env: NodeJS.ProcessEnv;
  readonly migrateArgs: string[];
  readonly dir: string;
  close(): Promise<void>;
}

async function startLoopback(dir: string): Promise<Loopback> {
  const rgw = await startRadosgw();
  try {
    const target = { key: `RSTARGET${randomBytes(6).toString('hex').toUpperCase()}`, secret: randomBytes(30).toString('base64') };
    rgw.admin(['user', 'create', '--uid', 'target', '--display-name', 'target', '--access-key', target.key, '--secret-key', target.secret]);
    const outputs = join(dir, 'aws-outputs.json');
    writeAwsOpenReplayOutputs(outputs);
    const [instance] = findInstances(parseOutputs(readFileSync(outputs, 'utf8'), outputs));
    const plan = planMigration(instance, { sourceEndpoint: rgw.endpoint, targetEndpoint: rgw.endpoint });
    const minio = s3Client(rgw.endpoint, rgw.accessKeyId, rgw.secretAccessKey);
    const s3 = s3Client(rgw.endpoint, target.key, target.secret);
    await createBuckets(minio, plan.moves.map((m) => m.source));
    await createBuckets(s3, plan.moves.map((m) => m.target));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      MINIO_ACCESS_KEY: rgw.accessKeyId,
      MINIO_SECRET_KEY: rgw.secretAccessKey,
      AWS_ACCESS_KEY_ID: target.key,
      AWS_SECRET_ACCESS_KEY: target.secret,
    };
    for (const k of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_CA_BUNDLE', 'AZURE_STORAGE_ACCOUNT', 'AZURE_STORAGE_KEY']) delete env[k];
    const migrateArgs = ['--outputs', outputs, '--source-endpoint', rgw.endpoint, '--target-endpoint', rgw.endpoint, '--transfers', String(TRANSFERS), '--json'];
    const close = async () => {
      minio.destroy();
      s3.destroy();
      await rgw.stop();
    };
    return { minio, s3, plan, env, migrateArgs, dir, close };
  } catch (e) {
    await rgw.stop();
    throw e;
  }
}

/** Seeds the source with one data set, then times both kinds of run `runs` times each. */
async function measureSet(lb: Loopback, moved: SeededObject[], runs: number, clock: Clock): Promise<Sample[]> {
  const { minio, s3, plan } = lb;
  await clock.time('seeding', async () => {
    await inParallel(plan.moves, plan.moves.length, (m) => emptyBucket(minio, m.source));
    await inParallel(moved, 16, (o) => putSeeded(minio, plan.moves.find((m) => m.role === o.role)!.source, o));
  });
  const samples: Sample[] = [];
  for (let run = 0; run < runs; run++) {
    let migrated: { ms: number; report: MigrateReport } | undefined;
    let plainMs = NaN;
    // Alternate which goes first, so a warming (or cooling) server favours neither.
    for (const kind of run % 2 === 0 ? ['migrate', 'plain'] : ['plain', 'migrate']) {
      await clock.time('emptying', () => inParallel(plan.moves, plan.moves.length, (m) => emptyTarget(s3, m.target)));
      if (kind === 'migrate') {
        migrated = await clock.time('runs', () => timedMigrate(lb.migrateArgs, lb.env));
        continue;
      }
      plainMs = await clock.time('runs', () => plainRcloneCopy(plan, lb.env, lb.dir, TRANSFERS));
      // migrate checks its own copy; the plain one is counted here, outside its timing.
      const copied = await clock.time('counting', async () => (await Promise.all(plan.moves.map((m) => keysOf(s3, m.target)))).flat().length);
      if (copied !== moved.length) throw new Error(`the plain rclone copy left ${copied} of ${moved.length} objects on the target`);
    }
    const r = migrated!.report;
    if (r.totals.objects !== moved.length || r.status !== 'ok') throw new Error(`migrate copied ${r.totals.objects} of ${moved.length} objects (status ${r.status})`);
    samples.push({ migrateMs: migrated!.ms, report: r, plainMs });
  }
  return samples;
}

export async function migration(report: Report, options: MigrationOptions): Promise<void> {
  report.heading(2, 'Migration throughput');
  const sets: DataSet[] = [
    { name: 'OpenReplay-shaped seed', objects: seedObjects() },
    { name: 'Many small objects', objects: seedObjects(options.manySessions), target: RATIO_TARGET },
  ];
  report.paragraph(
    '`replay-storage migrate` against a plain `rclone copy` of the same buckets, on loopback: a one-node Ceph radosgw ' +
      '(test/conformance/harness/radosgw.ts) with two users, the first holding the chart\'s MinIO buckets seeded as OpenReplay\'s backend writes them ' +
      '(test/conformance/migrate-seed.ts: gzip/br recordings with Cache-Control and tags, one uploaded in parts, assets, sourcemaps, spots), the second owning ' +
      'the buckets of the aws-openreplay example\'s outputs. migrate runs in this process as the CLI does (`--json`, its progress dropped); the plain copy ' +
      `runs \`rclone copy\` per bucket with the same two remotes and parallelism (--transfers ${TRANSFERS}, migrate's default, and --checkers ${TRANSFERS * 2}) ` +
      'and no other flag. ' +
      'The target buckets are emptied before every run; the two kinds of run alternate which goes first. Throughput counts the objects and bytes of the data set.',
  );
  report.paragraph(
    'What migrate does beyond the plain copy, so the ratio reads right: rclone copies with `--metadata` (Content-Type, Content-Encoding, Cache-Control and ' +
      'user metadata, read with a HEAD per object) and `--checksum` (skip by size and MD5, so a second run copies nothing); then the tag step lists the source ' +
      'again and per object reads the source tags, reads the target tags and writes them when they differ (3 requests per object, 2 for untagged ones); ' +
      'then `rclone check --one-way` lists both sides and compares sizes and the MD5s of the listings (no object is downloaded again), and `rclone size` ' +
      'counts both. Plus a version call and a check that every bucket exists: about 30 short rclone processes per run. ' +
      `Target: ratio >= ${fmtRatio(RATIO_TARGET)} on the many-small-objects set, where this per-object work weighs most; the OpenReplay-shaped seed is information.`,
  );
  const absent = [...RADOSGW_BINARIES, 'rclone'].filter((b) => missingBinaries([b], INSTALL) !== undefined);
  if (absent.length > 0) {
    notMeasured(report, sets, `skipped: ${absent.join(', ')} not installed (${INSTALL})`);
    return;
  }

  const dir = mkdtempSync(join(tmpdir(), 'replay-bench-migration-'));
  const clock = new Clock();
  let loopback: Loopback | undefined;
  try {
    loopback = await clock.time('setup', () => startLoopback(dir));
    for (const set of sets) {
      const moved = set.objects.filter((o) => loopback!.plan.moves.some((m) => m.role === o.role));
      reportSet(report, set, moved, await measureSet(loopback, moved, options.runs, clock), options.runs);
    }
    report.paragraph(
      `Section wall time ${clock.total()}: radosgw start, example outputs and buckets ${clock.text('setup')}, seeding ${clock.text('seeding')}, ` +
        `emptying the targets before each run ${clock.text('emptying')}, the timed runs ${clock.text('runs')}, counting the plain copies ${clock.text('counting')}.`,
    );
  } catch (e) {
    const message = (e as Error).message.split('\n')[0];
    notMeasured(report, sets.filter((s) => !report.figures.some((f) => f.section === SECTION && f.figure.startsWith(s.name))), `failed: ${message}`);
  } finally {
    await loopback?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
