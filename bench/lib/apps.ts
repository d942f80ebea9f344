import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { measure, type Run } from './measure';
import { cdkAppEnv, cdktfAppEnv, ROOT, TSX_CJS } from './paths';

export type Cloud = 'aws' | 'gcp' | 'azure';

/** Process settings every app run shares: node with tsx's CommonJS hook, nothing else preloaded. */
export const APP_RUNNER = '`node --require tsx/cjs main.ts` in the app folder (no `npx`/tsx CLI wrapper process)';

export interface AppRun extends Run {
  /** Where the app wrote cdk.out / cdktf.out. */
  readonly outdir: string;
}

/**
 * Synthesizes one app in a fresh child process. AWS apps get the environment
 * `cdk synth` gives them (context from `cdkJsonDir`/cdk.json plus the CLI's
 * defaults); cdktf apps write cdktf.out to `outdir`.
 */
export async function synthApp(opts: {
  readonly cloud: Cloud;
  readonly dir: string;
  readonly entry?: string;
  readonly outdir: string;
  readonly cdkJsonDir?: string;
  readonly env?: Record<string, string>;
}): Promise<AppRun> {
  rmSync(opts.outdir, { recursive: true, force: true });
  mkdirSync(dirname(opts.outdir), { recursive: true });
  if (opts.cloud !== 'aws') mkdirSync(opts.outdir, { recursive: true });
  const env = opts.cloud === 'aws'
    ? cdkAppEnv(opts.cdkJsonDir ?? join(ROOT, 'examples', 'aws-openreplay'), opts.outdir, opts.env)
    : cdktfAppEnv(opts.outdir, opts.env);
  const run = await measure(process.execPath, ['--require', TSX_CJS, opts.entry ?? 'main.ts'], { cwd: opts.dir, env, timeoutMs: 300_000 });
  return { ...run, outdir: opts.outdir };
}
