/**
 * `replay-storage migrate` as a command, against a stand-in rclone that
 * records every call: what reaches rclone's argv, environment and config
 * file, the report and exit status, and the command line's mistakes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { runCli, tempDir, writeJson } from './support/cli';
import { fakeRclone } from './support/fake-rclone';
import { deployedOutputs, outputValue, setOutput } from './support/outputs-files';
import { CliIo, safeIo } from '../../src/cli/io';
import { migrateCommand } from '../../src/cli/migrate-command';
import type { MigrateReport } from '../../src/cli/migrate-report';

const dir = tempDir('migrate');
const rclone = fakeRclone(dir);
const KEYS = { MINIO_ACCESS_KEY: 'minio-access-0001', MINIO_SECRET_KEY: 'minio-secret-0002/+', GCS_HMAC_ACCESS_ID: 'GOOG1EACCESS0003', GCS_HMAC_SECRET: 'gcs-secret-0004/+=' };
const gcpOutputs = writeJson(dir, 'gcp.json', deployedOutputs('gcp-openreplay'));
const ARGS = ['--outputs', gcpOutputs, '--source-endpoint', 'http://127.0.0.1:9000', '--rclone', rclone.path];

async function migrate(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readInput: (p) => readFileSync(p, 'utf8') };
  rclone.reset();
  const code = await migrateCommand(args, safeIo(io), { PATH: process.env.PATH, FAKE_RCLONE_LOG: rclone.log, ...KEYS, ...env }).catch((e: Error) => {
    stderr += e.message;
    return -1;
  });
  return { code, stdout, stderr, calls: rclone.calls() };
}

describe('what rclone gets', () => {
  test('keys only in its environment: never in argv or the config file; the config file is 0600 and gone afterwards', async () => {
    const r = await migrate(ARGS);
    expect(r.code).toBe(0);
    const subcommands = r.calls.map((c) => c.args.find((a) => !a.startsWith('-') && !a.includes('/') && !a.includes(':')));
    expect(new Set(subcommands)).toEqual(new Set(['version', 'lsjson', 'copy', 'size', 'check']));
    for (const call of r.calls) {
      for (const secret of Object.values(KEYS)) {
        expect(call.args.join(' ')).not.toContain(secret);
        expect(call.configText).not.toContain(secret);
      }
      expect(call.configMode).toBe('600');
      expect(call.env).toMatchObject({
        RCLONE_CONFIG_MINIO_ACCESS_KEY_ID: KEYS.MINIO_ACCESS_KEY,
        RCLONE_CONFIG_MINIO_SECRET_ACCESS_KEY: KEYS.MINIO_SECRET_KEY,
        RCLONE_CONFIG_TARGET_ACCESS_KEY_ID: KEYS.GCS_HMAC_ACCESS_ID,
        RCLONE_CONFIG_TARGET_SECRET_ACCESS_KEY: KEYS.GCS_HMAC_SECRET,
      });
    }
    const config = r.calls[0].args[r.calls[0].args.indexOf('--config') + 1];
    expect(existsSync(config)).toBe(false);
  });

  test('one copy per role with the bucket the outputs name; progress forwarded, per-object gzip notices left out', async () => {
    const r = await migrate([...ARGS, '--transfers', '3', '--max-age-days', '90']);
    const copies = r.calls.filter((c) => c.args.includes('copy')).map((c) => c.args.slice(c.args.indexOf('copy'), c.args.indexOf('copy') + 3));
    const outputs = deployedOutputs('gcp-openreplay');
    const target = (role: string) => `target:${outputValue(outputs, `openreplay_${role}_bucket`)}`;
    expect(copies).toEqual([
      ['copy', 'minio:mobs', target('recordings')],
      ['copy', 'minio:sessions-assets', target('assets')],
      ['copy', 'minio:sourcemaps', target('sourcemaps')],
      ['copy', 'minio:spots', target('spots')],
    ]);
    for (const c of r.calls.filter((x) => x.args.includes('copy'))) expect(c.args).toEqual(expect.arrayContaining(['--transfers', '3', '--max-age', '90d', '--metadata', '--checksum']));
    expect(r.stderr).toContain('recordings: 2/2 objects, 2.00 KiB/2.00 KiB, 1.00 KiB/s, ETA 0s');
    expect(r.stderr).not.toContain('Not decompressing');
  });

  test('the report: one row per bucket, OK when every object matched; JSON with --json', async () => {
    const table = await migrate(ARGS);
    expect(table.stdout).toMatch(/^ROLE +MINIO BUCKET +TARGET BUCKET +COPIED/);
    expect(table.stdout).toMatch(/recordings +mobs +\S+ +2 \/ 2\.00 KiB +2 \/ 2\.00 KiB +2 \/ 2\.00 KiB +2\/0\/0 +n\/a +OK/);
    expect(table.stdout).toContain('OK: every object is on the target. Copied 8 objects');
    const json = JSON.parse((await migrate([...ARGS, '--json'])).stdout) as MigrateReport;
    expect(json).toMatchObject({ status: 'ok', target: 'gcs', rcloneVersion: '1.60.1', totals: { objects: 8, bytes: 8192 } });
    expect(json.buckets.map((b) => b.verdict)).toEqual(['OK', 'OK', 'OK', 'OK']);
  });

  test('an object missing on the target: MISMATCH and exit 1', async () => {
    const r = await migrate([...ARGS, '--json'], { FAKE_RCLONE_CHECK: '= a\n+ b' });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as MigrateReport;
    expect(report.status).toBe('mismatch');
    expect(report.buckets[0]).toMatchObject({ verdict: 'MISMATCH', check: { matched: 1, missing: 1 } });
  });

  test('--dry-run: rclone copies nothing, nothing is compared, exit 0', async () => {
    const r = await migrate([...ARGS, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.calls.filter((c) => c.args.includes('copy')).every((c) => c.args.includes('--dry-run'))).toBe(true);
    expect(r.calls.some((c) => c.args.includes('check'))).toBe(false);
    expect(r.stdout).toContain('DRY RUN: nothing was written. Would copy 8 objects');
  });

  test('a MinIO bucket of the chart that does not exist is skipped; a missing target bucket stops before any copy', async () => {
    const skipped = await migrate([...ARGS, '--json'], { FAKE_RCLONE_MISSING: 'minio:spots' });
    expect(skipped.code).toBe(0);
    expect((JSON.parse(skipped.stdout) as MigrateReport).buckets[3]).toMatchObject({ role: 'spots', verdict: 'SKIPPED' });
    const outputs = deployedOutputs('gcp-openreplay');
    setOutput(outputs, 'openreplay_spots_bucket', 'missing-bucket');
    const file = writeJson(dir, 'gcp-missing.json', outputs);
    const stopped = await migrate(['--outputs', file, ...ARGS.slice(2)], { FAKE_RCLONE_MISSING: 'target:missing-bucket' });
    expect(stopped.stderr).toContain("the spots bucket 'missing-bucket' the outputs name does not exist on the target; deploy the stack first");
    expect(stopped.calls.some((c) => c.args.includes('copy'))).toBe(false);
    const given = await migrate([...ARGS, '--source-buckets', 'spots=old-spots'], { FAKE_RCLONE_MISSING: 'minio:old-spots' });
    expect(given.stderr).toContain("MinIO has no bucket 'old-spots' (--source-buckets spots)");
  });

  test('a bucket that does not answer stops before any copy, on either side, with rclone\'s reason', async () => {
    const target = await migrate(ARGS, { FAKE_RCLONE_UNREACHABLE: `target:${outputValue(deployedOutputs('gcp-openreplay'), 'openreplay_recordings_bucket')}` });
    expect(target.stderr).toMatch(/cannot reach the recordings bucket '[^']+' on the target.*connection refused/s);
    const minio = await migrate(ARGS, { FAKE_RCLONE_UNREACHABLE: 'minio:mobs' });
    expect(minio.stderr).toMatch(/cannot reach MinIO bucket 'mobs'.*connection refused/s);
    for (const r of [target, minio]) expect(r.calls.some((c) => c.args.includes('copy'))).toBe(false);
  });

  test('rclone whose version cannot be read is refused', async () => {
    expect((await migrate(ARGS, { FAKE_RCLONE_VERSION: 'not rclone' })).stderr).toContain('rclone version failed');
  });

  test('rclone missing or older than 1.59', async () => {
    expect((await migrate([...ARGS, '--rclone', `${dir}/nope/rclone`])).stderr).toMatch(/not found\. Install rclone \(1\.59 or later/);
    expect((await migrate(ARGS, { FAKE_RCLONE_VERSION: 'rclone v1.58.2' })).stderr).toContain('rclone 1.58.2 is too old: migrate needs 1.59 or later');
  });

  test('keys are never flags, and a missing one is named', async () => {
    const r = await migrate(ARGS, { MINIO_SECRET_KEY: '' });
    expect(r.stderr).toContain('set MINIO_SECRET_KEY in the environment');
    expect(r.calls).toEqual([]);
    expect((await runCli(['migrate', ...ARGS, '--minio-secret-key', 'x'])).stderr).toContain("Unknown option '--minio-secret-key'");
  });
});

describe('the command line', () => {
  test('help, and the command in the main help', async () => {
    const help = await runCli(['migrate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: replay-storage migrate --outputs <file> --source-endpoint <url>/);
    for (const flag of ['--source-buckets', '--target-endpoint', '--transfers', '--max-age-days', '--dry-run', '--json', '--job-manifest']) expect(help.stdout).toContain(flag);
    expect((await runCli(['--help'])).stdout).toContain('migrate  move OpenReplay');
  });

  test.each([
    [['--source-endpoint', 'http://m:9000'], "'--outputs <file>' is required"],
    [['--outputs', 'x.json'], "'--source-endpoint <url>' is required"],
    [['--outputs', 'x.json', '--source-endpoint', 'http://k:s@m:9000'], 'must not hold a user name or password'],
    [['--outputs', 'x.json', '--source-endpoint', 'http://m:9000', '--transfers', '0'], "'--transfers' must be a whole number from 1 to 256"],
    [['--outputs', 'x.json', '--source-endpoint', 'http://m:9000', '--max-age-days', '1.5'], "'--max-age-days' must be a whole number"],
    [['--outputs', 'x.json', '--source-endpoint', 'http://m:9000', '--source-buckets', 'movies=x'], "'--source-buckets' takes <role>=<bucket>"],
  ])('%j: exit 2', async (args, message) => {
    const r = await runCli(['migrate', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  test('LogRocket outputs are refused', async () => {
    const file = writeJson(dir, 'logrocket.json', deployedOutputs('aws-logrocket'));
    const r = await runCli(['migrate', '--outputs', file, '--source-endpoint', 'http://m:9000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("holds no OpenReplayStorage; migrate moves the OpenReplay chart's MinIO buckets only");
  });
});
