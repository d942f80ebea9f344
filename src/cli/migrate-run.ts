/**
 * One migration, bucket by bucket: check that every bucket is there, then
 * per role `rclone copy` (progress on stderr), the attribute step, `rclone
 * check --one-way` and `rclone size` of both sides; then the report. A
 * signal stops the running rclone and the run (the next run resumes). The
 * temporary rclone config directory is removed in every case; it never
 * holds a key.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError, type CliIo } from './io';
import { type AttributeStores, emptyCounts, parseListedLine, reapplyOne } from './migrate-attributes';
import type { BucketMove, MigratePlan } from './migrate-plan';
import { logLine } from './migrate-progress';
import { Rclone, type RcloneResult } from './migrate-rclone';
import { CHECKERS_PER_TRANSFER, checkArgs, copyArgs, type CopySettings, isSupportedVersion, listArgs, parseRcloneVersion, sizeArgs, sourcePath, statArgs, targetPath } from './migrate-rclone-args';
import { readKeys, rcloneProcessEnv, remoteDefinitions } from './migrate-remotes';
import { type BucketReport, type MigrateReport, parseCheckOutput, renderMigrateJson, renderMigrateTable, type SideSize, verdictOf } from './migrate-report';
import { openAttributeStores } from './migrate-stores';
import { printable } from './printable';

export interface RunSettings extends CopySettings {
  readonly json: boolean;
  readonly rclone: string;
}

/** rclone's `lsjson --stat` exit status for a path that does not exist. */
const NOT_FOUND = 3;

function failure(what: string, r: RcloneResult): string {
  const detail = r.problems.length > 0 ? r.problems[r.problems.length - 1] : `exit status ${r.code ?? r.signal}`;
  return `${what}: ${printable(detail)}`;
}

async function sizeOf(rclone: Rclone, path: string, settings?: CopySettings): Promise<SideSize | undefined> {
  const r = await rclone.run(sizeArgs(path, settings));
  if (r.code !== 0) return undefined;
  const v = JSON.parse(r.stdout) as { count: number; bytes: number };
  return { objects: v.count, bytes: v.bytes };
}

/** Checks every bucket first (all at once): a missing target stops everything; a missing default MinIO bucket is skipped. */
async function preflight(rclone: Rclone, plan: MigratePlan): Promise<BucketReport[]> {
  const stat = (path: string) => rclone.run(statArgs(path));
  const stats = await Promise.all(plan.moves.map((move) => Promise.all([stat(sourcePath(move)), stat(targetPath(move))])));
  return plan.moves.map((move, i) => {
    const [src, dst] = stats[i];
    const report: BucketReport = { role: move.role, source: move.source, target: move.target, verdict: 'OK', notes: [] };
    if (dst.code === NOT_FOUND) {
      throw new CliError(`the ${move.role} bucket '${printable(move.target)}' the outputs name does not exist on the target; deploy the stack first (nothing was copied).`);
    }
    if (dst.code !== 0) throw new CliError(failure(`cannot reach the ${move.role} bucket '${printable(move.target)}' on the target`, dst));
    if (src.code === NOT_FOUND && move.sourceGiven) throw new CliError(`MinIO has no bucket '${printable(move.source)}' (--source-buckets ${move.role}); nothing was copied.`);
    if (src.code === NOT_FOUND) {
      report.verdict = 'SKIPPED';
      report.notes.push(`MinIO has no bucket '${move.source}': nothing to move (pass --source-buckets ${move.role}=<bucket> if it has another name).`);
    } else if (src.code !== 0) {
      throw new CliError(failure(`cannot reach MinIO bucket '${printable(move.source)}'`, src));
    }
    return report;
  });
}

/** Streams the source listing through the attribute step, as many objects at a time as rclone has checkers. */
async function reapplyAttributes(
  rclone: Rclone,
  stores: AttributeStores,
  move: BucketMove,
  settings: RunSettings,
  report: BucketReport,
): Promise<void> {
  const counts = emptyCounts();
  const r = await rclone.run(listArgs(move, settings, stores.target.writes.headers), {
    maxPending: settings.transfers * CHECKERS_PER_TRANSFER,
    onLine: async (line) => {
      const object = parseListedLine(line);
      if (object) await reapplyOne(stores, move, object, counts);
    },
  });
  if (r.code !== 0) {
    counts.failed++;
    counts.failures.push(failure('listing MinIO failed', r));
  }
  report.attributes = counts;
}

/** `rclone copy` of one bucket, progress on stderr; false when a signal stopped it. */
async function copyBucket(rclone: Rclone, move: BucketMove, settings: RunSettings, io: CliIo, report: BucketReport): Promise<boolean> {
  io.stderr(`${move.role}: ${sourcePath(move)} -> ${targetPath(move)}${settings.dryRun ? ' (dry run)' : ''}\n`);
  const copy = await rclone.run(copyArgs(move, settings), {
    onLog: (log) => {
      const line = logLine(move.role, log, settings.dryRun);
      if (line) io.stderr(line);
    },
  });
  const s = copy.stats;
  report.copy = {
    objects: s?.transfers ?? 0,
    bytes: s?.bytes ?? 0,
    alreadyThere: s?.checks ?? 0,
    errors: s?.errors ?? 0,
    seconds: s?.elapsedTime ?? 0,
  };
  if (copy.code !== 0) {
    report.verdict = 'FAILED';
    report.copy.errors = Math.max(report.copy.errors, 1);
    report.notes.push(failure('rclone copy failed', copy));
  }
  return copy.signal === null;
}

/** After the copy, at once: tags/headers (which change no size or MD5), sizes of both sides, and the comparison. */
async function afterCopy(
  rclone: Rclone,
  stores: AttributeStores | undefined,
  move: BucketMove,
  settings: RunSettings,
  io: CliIo,
  report: BucketReport,
): Promise<void> {
  const attributes = stores && !settings.dryRun ? reapplyAttributes(rclone, stores, move, settings, report) : undefined;
  if (attributes) io.stderr(`  ${move.role}: re-applying tags${stores!.target.writes.headers ? ' and headers' : ''}, comparing source and target\n`);
  const [sourceSize, targetSize, check] = await Promise.all([
    sizeOf(rclone, sourcePath(move), settings),
    sizeOf(rclone, targetPath(move)),
    settings.dryRun ? undefined : rclone.run(checkArgs(move, settings)),
    attributes,
  ]);
  report.sourceSize = sourceSize;
  report.targetSize = targetSize;
  if (check) {
    report.check = parseCheckOutput(check.stdout, check.notices);
    // Exit 1 is "differences found", counted above; anything else is a failed check.
    if (check.code !== 0 && check.code !== 1) report.notes.push(failure('rclone check failed', check));
  }
}

/** rclone's version, refused when older than 1.59 (no --metadata). */
async function rcloneVersion(rclone: Rclone): Promise<string> {
  const r = await rclone.run(['version']);
  const version = parseRcloneVersion(r.stdout);
  if (r.code !== 0 || !version) throw new CliError(failure('rclone version failed', r));
  if (!isSupportedVersion(version)) throw new CliError(`rclone ${version.join('.')} is too old: migrate needs 1.59 or later (--metadata). Install a newer rclone or pass --rclone <path>.`);
  return version.join('.');
}

/** Passes SIGINT/SIGTERM on to rclone while `fn` runs; says whether one came. */
async function withSignals<T>(rclone: Rclone, fn: (interrupted: () => boolean) => Promise<T>): Promise<T> {
  let got: NodeJS.Signals | undefined;
  const handler = (signal: NodeJS.Signals) => {
    got = signal;
    rclone.interrupt(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  try {
    return await fn(() => got !== undefined);
  } finally {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  }
}

export async function runMigration(plan: MigratePlan, io: CliIo, env: NodeJS.ProcessEnv, settings: RunSettings): Promise<MigrateReport> {
  const started = Date.now();
  const keys = readKeys(plan, env);
  const dir = mkdtempSync(join(tmpdir(), 'replay-storage-rclone-'));
  let stores: AttributeStores | undefined;
  try {
    // rclone's own config file: empty (the remotes come from its environment), mode 0600.
    const configFile = join(dir, 'rclone.conf');
    writeFileSync(configFile, '# replay-storage migrate: remotes come from RCLONE_CONFIG_* variables; no key is written here.\n', { mode: 0o600 });
    chmodSync(configFile, 0o600);
    const rclone = new Rclone(settings.rclone, rcloneProcessEnv(remoteDefinitions(plan, keys), env, configFile));
    const version = await rcloneVersion(rclone);
    const buckets = await preflight(rclone, plan);
    // Loaded before anything is copied: a missing SDK stops the run at once.
    stores = settings.dryRun ? undefined : openAttributeStores(plan, keys, env);
    const report: MigrateReport = {
      construct: plan.construct,
      target: plan.target.kind,
      dryRun: settings.dryRun,
      rcloneVersion: version,
      buckets,
      status: 'ok',
      totals: { objects: 0, bytes: 0, seconds: 0 },
    };
    await withSignals(rclone, async (interrupted) => {
      // Bucket k is checked while bucket k+1 copies: at most one copy and one check run at a time.
      let checking: Promise<unknown> = Promise.resolve();
      const checked = async () => {
        const failed = await checking;
        if (failed) throw failed;
      };
      for (const [i, move] of plan.moves.entries()) {
        if (buckets[i].verdict === 'SKIPPED') continue;
        if (interrupted()) break;
        const copied = await copyBucket(rclone, move, settings, io, buckets[i]);
        await checked();
        if (copied) checking = afterCopy(rclone, stores, move, settings, io, buckets[i]).catch((e: unknown) => e);
      }
      await checked();
      if (interrupted()) throw new CliError('interrupted; run the same command again to resume (each run copies only what is missing).');
    });
    for (const b of buckets) {
      b.verdict = verdictOf(b, settings.dryRun);
      report.totals.objects += b.copy?.objects ?? 0;
      report.totals.bytes += b.copy?.bytes ?? 0;
    }
    report.totals.seconds = (Date.now() - started) / 1000;
    report.status = buckets.every((b) => ['OK', 'SKIPPED', 'DRY RUN'].includes(b.verdict)) ? 'ok' : 'mismatch';
    io.stdout(settings.json ? renderMigrateJson(report) : renderMigrateTable(report, plan.target.kind !== 'gcs'));
    return report;
  } finally {
    stores?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
