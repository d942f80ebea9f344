import { join } from 'node:path';
import { synthApp, type AppRun, type Cloud } from '../lib/apps';
import { ensureOk } from '../lib/measure';
import { cfnCheckSetting, OUT, ROOT } from '../lib/paths';
import { verdict, type Report } from '../lib/report';
import { fmtMb, fmtMs, fmtRatio, median } from '../lib/stats';
import { readCdkOut, readCdktfOut } from '../lib/synth-output';

export const SIZES = [1, 10, 50, 200];
export const SCALE_LIMIT_MS = 10_000;
/** Marginal cost per set at the top of the range may exceed the middle's by this much and still count as linear. */
export const LINEAR_TOLERANCE = 1.5;
/**
 * OpenReplay sets per AWS stack. CloudFormation allows 500 resources and 200
 * outputs per stack; a set has 12 resources and 17 outputs, so 11 fit.
 */
export const AWS_SETS_PER_STACK = 10;
const CFN_MAX_RESOURCES = 500;
const CFN_MAX_OUTPUTS = 200;

interface Point {
  readonly sets: number;
  readonly ms: number;
  readonly mb: number;
  readonly resources: number;
  readonly stacks: number;
}

async function series(cloud: Cloud, sizes: number[], runs: number, label: string, app: string, env: Record<string, string>): Promise<Point[]> {
  const points: Point[] = [];
  for (const sets of sizes) {
    const measured: AppRun[] = [];
    for (let i = 0; i < runs; i++) {
      const outdir = join(OUT, 'scale', label, String(sets), String(i));
      measured.push(
        ensureOk(
          await synthApp({ cloud, dir: join(ROOT, 'bench', 'apps'), entry: app, outdir, env: { ...env, BENCH_SETS: String(sets) } }),
          `${label} with ${sets} sets`,
        ) as AppRun,
      );
    }
    const stacks = cloud === 'aws' ? readCdkOut(measured[0].outdir) : readCdktfOut(measured[0].outdir);
    points.push({
      sets,
      ms: median(measured.map((r) => r.wallMs)),
      mb: median(measured.map((r) => r.maxRssMb)),
      resources: stacks.reduce((n, s) => n + s.resources.filter((r) => r.type !== 'AWS::CDK::Metadata').length, 0),
      stacks: stacks.length,
    });
  }
  return points;
}

function marginal(a: Point, b: Point): number {
  return (b.ms - a.ms) / (b.sets - a.sets);
}

export async function scale(report: Report, options: { runs: number }): Promise<void> {
  const { runs } = options;
  const check = cfnCheckSetting(join(ROOT, 'examples', 'aws-openreplay'));
  report.heading(2, 'Scale');
  report.paragraph(
    'N OpenReplay storage sets (one per tenant) in one app per cloud: bench/apps/scale-<cloud>.ts, each set with its own bucket names and dashboard origin. ' +
      `GCP and Azure put every set in one stack. AWS cannot: CloudFormation allows ${CFN_MAX_RESOURCES} resources and ${CFN_MAX_OUTPUTS} outputs per stack ` +
      `(aws-cdk-lib refuses to synthesize more resources; the built-in check refuses more outputs), so the AWS app spreads the sets over stacks of ${AWS_SETS_PER_STACK}. ` +
      `AWS runs use the examples' settings: CloudFormation check ${check.text}. Median of ${runs} run(s) per size, fresh process each. ` +
      'Growth: time(N) / time(1); marginal = extra time per added set between two sizes. ' +
      `Targets: 200 sets in < ${SCALE_LIMIT_MS / 1000} s; linear (marginal cost per set from 50 to 200 at most ${LINEAR_TOLERANCE}x the one from 10 to 50).`,
  );
  const rows: string[][] = [];
  const clouds: { cloud: Cloud; app: string; env: Record<string, string> }[] = [
    { cloud: 'aws', app: 'scale-aws.ts', env: { BENCH_SETS_PER_STACK: String(AWS_SETS_PER_STACK) } },
    { cloud: 'gcp', app: 'scale-gcp.ts', env: {} },
    { cloud: 'azure', app: 'scale-azure.ts', env: {} },
  ];
  const awsPoints: Point[] = [];
  for (const { cloud, app, env } of clouds) {
    const points = await series(cloud, SIZES, runs, cloud, app, env);
    if (cloud === 'aws') awsPoints.push(...points);
    const top = points[points.length - 1];
    const linearRatio = marginal(points[2], points[3]) / Math.max(marginal(points[1], points[2]), 1e-9);
    const fast = top.ms < SCALE_LIMIT_MS;
    const linear = linearRatio <= LINEAR_TOLERANCE;
    for (const p of points) {
      rows.push([
        cloud,
        String(p.sets),
        `${p.resources} in ${p.stacks} stack(s)`,
        fmtMs(p.ms),
        fmtRatio(p.ms / points[0].ms),
        fmtMb(p.mb),
        fmtRatio(p.mb / points[0].mb),
      ]);
    }
    const marginals = `${fmtMs(marginal(points[0], points[1]))} / ${fmtMs(marginal(points[1], points[2]))} / ${fmtMs(marginal(points[2], points[3]))} per set (1-10 / 10-50 / 50-200)`;
    report.figure({ section: 'Scale', figure: `${cloud}: 200 sets synth time`, value: `${fmtMs(top.ms)}, ${fmtMb(top.mb)}`, target: `< ${SCALE_LIMIT_MS / 1000} s`, verdict: verdict(fast) });
    report.figure({ section: 'Scale', figure: `${cloud}: growth`, value: `${marginals}; 50-200 vs 10-50: ${fmtRatio(linearRatio)}`, target: `linear (<= ${LINEAR_TOLERANCE}x)`, verdict: verdict(linear) });
  }
  report.table(['cloud', 'sets', 'resources', 'synth time', 'growth', 'peak memory', 'memory growth'], rows);

  // Where the AWS time goes: the same 200 sets with the check off, and without the library.
  const [withoutCheck] = await series('aws', [200], runs, 'aws-check-off', 'scale-aws.ts', { BENCH_SETS_PER_STACK: String(AWS_SETS_PER_STACK), CDK_VALIDATION: 'false' });
  const [floor] = await series('aws', [200], runs, 'aws-baseline', 'scale-aws-baseline.ts', { BENCH_SETS_PER_STACK: String(AWS_SETS_PER_STACK) });
  const [floorOff] = await series('aws', [200], runs, 'aws-baseline-check-off', 'scale-aws-baseline.ts', { BENCH_SETS_PER_STACK: String(AWS_SETS_PER_STACK), CDK_VALIDATION: 'false' });
  const lib200 = awsPoints[awsPoints.length - 1];
  report.paragraph('AWS, 200 sets: where the time goes (same app and stacks; "baseline" is bench/baselines/aws-openreplay/openreplay-set.ts, plain aws-cdk-lib, no library).');
  report.table(
    ['app', 'CloudFormation check', 'synth time', 'peak memory'],
    [
      ['library (scale-aws.ts)', 'on', fmtMs(lib200.ms), fmtMb(lib200.mb)],
      ['library (scale-aws.ts)', 'off', fmtMs(withoutCheck.ms), fmtMb(withoutCheck.mb)],
      ['baseline (scale-aws-baseline.ts)', 'on', fmtMs(floor.ms), fmtMb(floor.mb)],
      ['baseline (scale-aws-baseline.ts)', 'off', fmtMs(floorOff.ms), fmtMb(floorOff.mb)],
    ],
  );
  report.figure({
    section: 'Scale',
    figure: 'aws: 200 sets, library vs plain aws-cdk-lib (check on)',
    value: `${fmtMs(lib200.ms)} vs ${fmtMs(floor.ms)} (${fmtRatio(lib200.ms / floor.ms)})`,
    target: 'information (floor)',
    verdict: 'n/a',
  });
}
