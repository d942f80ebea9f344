/**
 * The reference `migrate` is measured against: a plain `rclone copy` of each
 * bucket of a migration plan, one bucket after the other as migrate copies
 * them, with the same parallelism, and nothing else (no `--metadata`,
 * `--checksum` or `--use-server-modtime`, no tag step, no check).
 *
 * The two remotes are the ones migrate defines (src/cli/migrate-remotes.ts,
 * RCLONE_CONFIG_* variables of the rclone process, an empty config file), so
 * both runs talk to the same endpoints with the same backend options
 * (path-style, MinIO provider, no gzip decoding, no bucket check) and differ
 * only in what migrate does beyond the copy.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MigratePlan } from '../../src/cli/migrate-plan';
import { CHECKERS_PER_TRANSFER, sourcePath, targetPath } from '../../src/cli/migrate-rclone-args';
import { rcloneProcessEnv, readKeys, remoteDefinitions } from '../../src/cli/migrate-remotes';

/** Runs rclone to its exit; rejects with the end of its output when it fails. */
function rclone(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('rclone', args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`rclone ${args.slice(2, 5).join(' ')} failed (${code ?? signal}): ${stderr.trim()}`));
    });
  });
}

/**
 * Copies every bucket of the plan with `rclone copy --transfers n --checkers
 * 2n` (migrate's ratio), reading the keys from `env` as migrate does, and
 * returns the wall time in milliseconds.
 */
export async function plainRcloneCopy(plan: MigratePlan, env: NodeJS.ProcessEnv, dir: string, transfers: number): Promise<number> {
  const configFile = join(dir, 'plain-rclone.conf');
  writeFileSync(configFile, '', { mode: 0o600 });
  const setup = rcloneProcessEnv(remoteDefinitions(plan, readKeys(plan, env)), env, configFile);
  const started = performance.now();
  for (const move of plan.moves) {
    await rclone(
      ['--config', configFile, 'copy', sourcePath(move), targetPath(move), '--transfers', String(transfers), '--checkers', String(transfers * CHECKERS_PER_TRANSFER)],
      setup.env,
    );
  }
  return performance.now() - started;
}
