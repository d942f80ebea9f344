import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Repository root. */
export const ROOT = resolve(__dirname, '..', '..');
/** Scratch output of benchmark runs (git-ignored). */
export const OUT = join(ROOT, 'bench', 'out');
/** Where the report is written. */
export const RESULTS = join(ROOT, 'bench', 'RESULTS.md');
/** tsx's CommonJS register hook: transpiles TypeScript with no ESM loader thread. */
export const TSX_CJS = join(ROOT, 'node_modules', 'tsx', 'dist', 'cjs', 'index.cjs');
/** Local binaries. */
export const BIN = (name: string): string => join(ROOT, 'node_modules', '.bin', name);

/** Quiet, offline tool settings, the same as the project's tasks use. */
export const TOOL_ENV: Record<string, string> = {
  CHECKPOINT_DISABLE: '1',
  CDKTF_DISABLE_PLUGIN_CACHE_ENV: '1',
  CDK_DISABLE_CLI_TELEMETRY: 'true',
  CDK_DISABLE_VERSION_CHECK: 'true',
  JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20',
};

/**
 * The tsconfig whose `paths` map `replay-storage/lib/*` for the apps: the
 * repository's test/tsconfig.json (to src/), or the one named by the
 * BENCH_TSCONFIG environment variable, e.g. to measure another copy of the
 * sources for a before/after comparison.
 */
export function libraryTsconfig(): { path: string; describe: string } {
  const override = process.env.BENCH_TSCONFIG;
  if (override) return { path: resolve(override), describe: `the sources named by BENCH_TSCONFIG=${override}` };
  return { path: join(ROOT, 'test', 'tsconfig.json'), describe: 'src/ (test/tsconfig.json)' };
}

/** Environment of a TypeScript app run with tsx, `replay-storage/lib/*` mapped to src/ (as examples run here). */
export function appEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...TOOL_ENV, TSX_TSCONFIG_PATH: libraryTsconfig().path, ...extra };
}

/**
 * Context the CDK CLI hands an app on `cdk synth` (CDK_CONTEXT_JSON): the
 * cdk.json context of the app's folder plus the CLI's own defaults (captured
 * from aws-cdk 3.x running an app that prints its environment).
 */
export function cdkCliContext(cdkJsonDir: string): Record<string, unknown> {
  const file = join(cdkJsonDir, 'cdk.json');
  const fromFile = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')).context ?? {}) : {};
  return {
    ...fromFile,
    'aws:cdk:enable-path-metadata': true,
    'aws:cdk:enable-asset-metadata': true,
    'aws:cdk:version-reporting': true,
    'aws:cdk:bundling-stacks': ['**'],
  };
}

/** Environment `cdk synth` gives an AWS app, writing its cloud assembly to `outdir`. */
export function cdkAppEnv(cdkJsonDir: string, outdir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return appEnv({
    CDK_CONTEXT_JSON: JSON.stringify(cdkCliContext(cdkJsonDir)),
    CDK_OUTDIR: outdir,
    CDK_CLI_ASM_VERSION: '43.0.0',
    ...extra,
  });
}

/** Environment of a cdktf app writing cdktf.out to `outdir`. */
export function cdktfAppEnv(outdir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return appEnv({ CDKTF_OUTDIR: outdir, ...extra });
}

/** Whether the built-in CloudFormation check runs, and whether its errors fail the synth, for an app using this cdk.json. */
export function cfnCheckSetting(cdkJsonDir: string): { on: boolean; errorsFatal: boolean; text: string } {
  const ctx = cdkCliContext(cdkJsonDir);
  const on = process.env.CDK_VALIDATION !== 'false';
  const fatal = ctx['@aws-cdk/core:validateAgainstDefaultRules'] === true;
  const text = on
    ? `on (aws-cdk-lib built-in CloudFormation check${fatal ? ', errors fail the synth via `@aws-cdk/core:validateAgainstDefaultRules` in cdk.json' : ', findings as warnings'})`
    : 'off (CDK_VALIDATION=false)';
  return { on, errorsFatal: fatal, text };
}
