/**
 * A stand-in `rclone` for command tests: a Node.js script that records each
 * call (argv, the RCLONE_CONFIG_* environment, the config file's mode and
 * text) and answers like rclone 1.60 would for an empty, healthy migration.
 * FAKE_RCLONE_MISSING and FAKE_RCLONE_UNREACHABLE (comma-separated
 * `remote:bucket`: not found, or no answer), FAKE_RCLONE_CHECK (check's
 * stdout) and FAKE_RCLONE_VERSION change its answers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SCRIPT = `#!/usr/bin/env node
const fs = require('fs');
const args = process.argv.slice(2);
const config = args[args.indexOf('--config') + 1];
let configMode = 'missing', configText = null;
try { configMode = (fs.statSync(config).mode & 0o777).toString(8); configText = fs.readFileSync(config, 'utf8'); } catch {}
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('RCLONE_CONFIG_')));
fs.appendFileSync(process.env.FAKE_RCLONE_LOG, JSON.stringify({ args, env, configMode, configText }) + '\\n');
const missing = (process.env.FAKE_RCLONE_MISSING || '').split(',').filter(Boolean);
const unreachable = (process.env.FAKE_RCLONE_UNREACHABLE || '').split(',').filter(Boolean);
const stats = { bytes: 2048, totalBytes: 2048, transfers: 2, totalTransfers: 2, checks: 0, totalChecks: 0, errors: 0, speed: 1024, eta: 0, elapsedTime: 0.5 };
switch (args.find((a) => ['version', 'copy', 'check', 'size', 'lsjson'].includes(a))) {
  case 'version': console.log(process.env.FAKE_RCLONE_VERSION || 'rclone v1.60.1-DEV'); break;
  case 'lsjson':
    if (!args.includes('--stat')) { console.log('[\\n]'); break; }
    if (args.some((a) => unreachable.includes(a))) { console.error('2026/01/01 00:00:00 Failed to lsjson: dial tcp 127.0.0.1:9000: connect: connection refused'); process.exit(1); }
    if (args.some((a) => missing.includes(a))) { console.error('2026/01/01 00:00:00 Failed to lsjson: directory not found'); process.exit(3); }
    console.log('{}');
    break;
  case 'size': console.log(JSON.stringify({ count: 2, bytes: 2048, sizeless: 0 })); break;
  case 'copy':
    console.error(JSON.stringify({ level: 'warning', msg: 'Not decompressing \\'Content-Encoding: gzip\\' compressed file. Use --s3-decompress to override', object: 'a' }));
    console.error(JSON.stringify({ level: 'warning', msg: 'stats', stats: args.includes('--dry-run') ? { ...stats, bytes: 0 } : stats }));
    break;
  case 'check': {
    const out = process.env.FAKE_RCLONE_CHECK || '= a\\n= b';
    console.log(out);
    process.exit(out.split('\\n').every((l) => l.startsWith('= ')) ? 0 : 1);
  }
}
`;

export interface FakeCall {
  readonly args: string[];
  readonly env: Record<string, string>;
  readonly configMode: string;
  readonly configText: string | null;
}

/** Writes the fake into `dir`; returns its path and a reader of the calls it recorded. */
export function fakeRclone(dir: string): { path: string; log: string; calls(): FakeCall[]; reset(): void } {
  const path = join(dir, 'rclone');
  const log = join(dir, 'rclone-calls.jsonl');
  writeFileSync(path, SCRIPT, { mode: 0o755 });
  writeFileSync(log, '');
  return {
    path,
    log,
    reset: () => writeFileSync(log, ''),
    calls: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as FakeCall),
  };
}
