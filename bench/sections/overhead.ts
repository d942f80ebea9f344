import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthApp, APP_RUNNER, type AppRun, type Cloud } from '../lib/apps';
import { ensureOk, RSS_METHOD } from '../lib/measure';
import { cfnCheckSetting, libraryTsconfig, OUT, ROOT } from '../lib/paths';
import { verdict, type Report } from '../lib/report';
import { fmtMb, fmtMs, fmtRatio, fmtSpread, median } from '../lib/stats';
import { countByType, formatCounts, jsonDiff, readCdkOut, readCdktfOut, type SynthStack } from '../lib/synth-output';

export const OVERHEAD_TARGET = 1.05;

/** One example and the baseline app that creates the same resources without the library. */
export interface Pair {
  readonly name: string;
  readonly cloud: Cloud;
  /** Construct id of the library construct in the example. */
  readonly constructId: string;
}

export const PAIRS: Pair[] = [
  { name: 'aws-openreplay', cloud: 'aws', constructId: 'OpenReplay' },
  { name: 'aws-logrocket', cloud: 'aws', constructId: 'LogRocket' },
  { name: 'gcp-openreplay', cloud: 'gcp', constructId: 'OpenReplay' },
  { name: 'gcp-logrocket', cloud: 'gcp', constructId: 'LogRocket' },
  { name: 'azure-openreplay', cloud: 'azure', constructId: 'OpenReplay' },
  { name: 'azure-logrocket', cloud: 'azure', constructId: 'LogRocket' },
];

export interface OverheadResult {
  readonly pair: Pair;
  /** The example's synthesized stacks (first measured run) and where they were written. */
  readonly exampleStacks: SynthStack[];
  readonly exampleOutdir: string;
}

/** How the example finds the library. */
interface LibraryMode {
  readonly label: string;
  readonly env: Record<string, string>;
}

interface PairResult {
  readonly result: OverheadResult;
  readonly timeRatio: number;
  readonly cpuRatio: number;
  readonly memRatio: number;
  readonly like: boolean;
  readonly row: string[];
  readonly likeRow: string[];
}

function readOut(cloud: Cloud, outdir: string): SynthStack[] {
  return cloud === 'aws' ? readCdkOut(outdir) : readCdktfOut(outdir);
}

/**
 * The packed library as a user has it: lib/ and package.json copied to
 * bench/out/installed/node_modules/replay-storage, found through NODE_PATH,
 * with no path mapping to src/.
 */
function installedMode(): LibraryMode {
  const modules = join(OUT, 'installed', 'node_modules');
  const pkg = join(modules, 'replay-storage');
  rmSync(join(OUT, 'installed'), { recursive: true, force: true });
  mkdirSync(pkg, { recursive: true });
  cpSync(join(ROOT, 'lib'), join(pkg, 'lib'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  const tsconfig = join(OUT, 'tsconfig.installed.json');
  writeFileSync(tsconfig, JSON.stringify({ extends: '../../test/tsconfig.json', compilerOptions: { paths: {} } }, null, 2));
  return { label: 'installed', env: { TSX_TSCONFIG_PATH: tsconfig, NODE_PATH: modules } };
}

async function measurePair(pair: Pair, runs: number, mode: LibraryMode): Promise<PairResult> {
  const exampleDir = join(ROOT, 'examples', pair.name);
  const baselineDir = join(ROOT, 'bench', 'baselines', pair.name);
  const run = (kind: 'example' | 'baseline', i: number | string): Promise<AppRun> =>
    synthApp({
      cloud: pair.cloud,
      dir: kind === 'example' ? exampleDir : baselineDir,
      outdir: join(OUT, 'overhead', mode.label, pair.name, kind, String(i)),
      cdkJsonDir: exampleDir,
      env: mode.env,
    }).then((r) => ensureOk(r, `${kind} ${pair.name}`) as AppRun);
  await run('example', 'warmup');
  await run('baseline', 'warmup');
  const ex: AppRun[] = [];
  const base: AppRun[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      ex.push(await run('example', i));
      base.push(await run('baseline', i));
    } else {
      base.push(await run('baseline', i));
      ex.push(await run('example', i));
    }
  }
  const exStacks = readOut(pair.cloud, ex[0].outdir);
  const baseStacks = readOut(pair.cloud, base[0].outdir);
  const exCounts = formatCounts(countByType(exStacks.flatMap((s) => s.resources)));
  const baseCounts = formatCounts(countByType(baseStacks.flatMap((s) => s.resources)));
  const exOutputs = exStacks.flatMap((s) => s.outputs).sort();
  const baseOutputs = baseStacks.flatMap((s) => s.outputs).sort();
  const sameResources = exCounts === baseCounts;
  const sameOutputs = JSON.stringify(exOutputs) === JSON.stringify(baseOutputs);
  const diffs = jsonDiff(exStacks.map((s) => s.normalized), baseStacks.map((s) => s.normalized));
  const like = sameResources && sameOutputs;

  const t = ex.map((r) => r.wallMs);
  const tb = base.map((r) => r.wallMs);
  const m = ex.map((r) => r.maxRssMb);
  const mb = base.map((r) => r.maxRssMb);
  // Each example run is paired with the baseline run next to it; the median
  // of the paired ratios is steadier than a ratio of medians when the
  // machine's speed drifts during the run.
  const timeRatio = median(ex.map((r, i) => r.wallMs / base[i].wallMs));
  const cpuRatio = median(ex.map((r) => r.cpuMs ?? NaN)) / median(base.map((r) => r.cpuMs ?? NaN));
  const memRatio = median(m) / median(mb);
  const spread = (values: number[]) => (values.length > 1 ? ` (${fmtSpread(values, fmtMs)})` : '');
  return {
    result: { pair, exampleStacks: exStacks, exampleOutdir: ex[0].outdir },
    timeRatio,
    cpuRatio,
    memRatio,
    like,
    row: [
      pair.name,
      `${fmtMs(median(t))}${spread(t)}`,
      `${fmtMs(median(tb))}${spread(tb)}`,
      fmtRatio(timeRatio),
      fmtRatio(cpuRatio),
      verdict(like ? timeRatio <= OVERHEAD_TARGET : undefined),
      fmtMb(median(m)),
      fmtMb(median(mb)),
      fmtRatio(memRatio),
      verdict(like ? memRatio <= OVERHEAD_TARGET : undefined),
    ],
    likeRow: [
      pair.name,
      exCounts,
      sameResources ? 'same' : `DIFFERENT: ${baseCounts}`,
      `${exOutputs.length} / ${baseOutputs.length}${sameOutputs ? '' : ' (names differ)'}`,
      diffs.length === 0 ? 'yes' : `no: ${diffs.join(', ')}`,
    ],
  };
}

const HEADERS = ['construct', 'example synth', 'baseline synth', 'time ratio', 'CPU-time ratio', 'verdict', 'example peak', 'baseline peak', 'memory ratio', 'verdict'];

export async function overhead(
  report: Report,
  options: { awsRuns: number; cdktfRuns: number; installedAwsRuns: number; installedCdktfRuns: number; libBuilt: boolean },
): Promise<OverheadResult[]> {
  report.heading(2, 'Overhead ratio per construct');
  const check = cfnCheckSetting(join(ROOT, 'examples', 'aws-openreplay'));
  report.paragraph(
    'Each example (examples/<name>) against its hand-written baseline (bench/baselines/<name>: plain aws-cdk-lib / cdktf resources by deep import, ' +
      `literal output values, the same construct ids, no library code). Every run is a fresh process: ${APP_RUNNER}, ` +
      `\`replay-storage/lib/*\` mapped to ${libraryTsconfig().describe} by TSX_TSCONFIG_PATH, as the examples run in this repository. ` +
      'AWS apps get the environment `cdk synth` gives them (CDK_CONTEXT_JSON from the example\'s cdk.json plus the CLI defaults, CDK_OUTDIR); ' +
      `CloudFormation check: ${check.text}, for example and baseline alike. ` +
      'Synth time is the wall time of the whole process (start, imports, construct, synth, write); the time ratio is the median of the ratios of ' +
      `adjacent example/baseline runs, the CPU-time ratio (user + system, information only) the ratio of medians. Peak memory: ${RSS_METHOD}. ` +
      `Median of ${options.awsRuns} runs per AWS app and ${options.cdktfRuns} per cdktf app (they take ~0.4 s, so more runs steady the median) ` +
      `after one unmeasured warm-up run each; example and baseline runs alternate. Target: ratio <= ${OVERHEAD_TARGET}x.`,
  );
  const repo: LibraryMode = { label: 'repo', env: {} };
  const measured: PairResult[] = [];
  for (const pair of PAIRS) measured.push(await measurePair(pair, pair.cloud === 'aws' ? options.awsRuns : options.cdktfRuns, repo));
  for (const r of measured) {
    for (const [what, ratio] of [['synth time', r.timeRatio], ['peak memory', r.memRatio]] as const) {
      report.figure({
        section: 'Overhead',
        figure: `${r.result.pair.name} ${what} ratio`,
        value: fmtRatio(ratio),
        target: `<= ${OVERHEAD_TARGET}x`,
        verdict: verdict(r.like ? ratio <= OVERHEAD_TARGET : undefined),
      });
    }
  }
  report.table(HEADERS, measured.map((r) => r.row));
  report.paragraph('Like with like: resources of example and baseline (whole app), outputs, and whether the synthesized documents are identical (CDK analytics metadata and the local backend path removed).');
  report.table(['construct', 'resources in the app (example)', 'baseline', 'outputs (example / baseline)', 'identical document'], measured.map((r) => r.likeRow));

  if (options.libBuilt) {
    const installed = installedMode();
    report.paragraph(
      'The same pairs with the library as a user installs it: lib/ from this run\'s jsii build and package.json copied to ' +
        'bench/out/installed/node_modules/replay-storage, resolved through NODE_PATH, no path mapping to src/. ' +
        `Median of ${options.installedAwsRuns} runs per AWS app and ${options.installedCdktfRuns} per cdktf app.`,
    );
    const rows: string[][] = [];
    for (const pair of PAIRS) {
      const r = await measurePair(pair, pair.cloud === 'aws' ? options.installedAwsRuns : options.installedCdktfRuns, installed);
      rows.push(r.row);
      report.figure({
        section: 'Overhead, as installed',
        figure: `${pair.name} synth time / memory ratio`,
        value: `${fmtRatio(r.timeRatio)} / ${fmtRatio(r.memRatio)}`,
        target: `<= ${OVERHEAD_TARGET}x`,
        verdict: verdict(r.like ? r.timeRatio <= OVERHEAD_TARGET && r.memRatio <= OVERHEAD_TARGET : undefined),
      });
    }
    report.table(HEADERS, rows);
  } else {
    report.paragraph('No fresh jsii build of these sources in this run, so the as-installed comparison was skipped.');
  }
  return measured.map((r) => r.result);
}
