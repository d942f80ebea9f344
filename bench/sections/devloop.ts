import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { measure, RSS_METHOD, type Run } from '../lib/measure';
import { BIN, ROOT, TOOL_ENV } from '../lib/paths';
import { verdict, type Report } from '../lib/report';
import { fmtMb, fmtMs, fmtSpread, median } from '../lib/stats';

const spread = (runs: Run[]) => (runs.length > 1 ? ` (${fmtSpread(runs.map((r) => r.wallMs), fmtMs)})` : '');

export const SUITE_LIMIT_MS = 60_000;

function testFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath ?? (e as any).path, e.name));
}

async function times(n: number, cmd: string, args: string[], sampleTree = false): Promise<Run[]> {
  const runs: Run[] = [];
  for (let i = 0; i < n; i++) {
    runs.push(await measure(cmd, args, { cwd: ROOT, env: { ...process.env, ...TOOL_ENV }, sampleTree, timeoutMs: 900_000 }));
  }
  return runs;
}

export async function developerLoop(report: Report, options: { jestRuns: number; toolRuns: number }): Promise<{ jsiiBuilt: boolean }> {
  report.heading(2, 'Developer loop');
  const conformance = testFiles(join(ROOT, 'test', 'conformance'));
  const all = testFiles(join(ROOT, 'test'));
  report.paragraph(
    `Whole jest suite (\`npx jest\`, ${all.length} test files, of which ${conformance.length} under test/conformance, which is part of the suite), ` +
      'type-check (`tsc --noEmit -p test/tsconfig.json`, whole repository) and the jsii build (`jsii --silence-warnings=reserved-word`, writes lib/ and .jsii). ' +
      `Peak memory: ${RSS_METHOD} for the largest single process, and the summed RSS of the whole process tree (jest runs workers) sampled every 100 ms. ` +
      `Median of ${options.jestRuns} jest run(s) and ${options.toolRuns} run(s) of each tool. Target: suite < ${SUITE_LIMIT_MS / 1000} s.`,
  );
  const rows: string[][] = [];

  const jest = await times(options.jestRuns, BIN('jest'), [], true);
  const summary = /Tests:\s+([^\n]+)/.exec(jest[jest.length - 1].stderr)?.[1]?.trim() ?? 'no summary';
  const suites = /Test Suites:\s+([^\n]+)/.exec(jest[jest.length - 1].stderr)?.[1]?.trim() ?? '';
  const jestMs = median(jest.map((r) => r.wallMs));
  const jestOk = jest.every((r) => r.status === 0);
  rows.push([
    '`npx jest` (whole suite)',
    `${fmtMs(jestMs)}${spread(jest)}`,
    fmtMb(median(jest.map((r) => r.maxRssMb))),
    fmtMb(median(jest.map((r) => r.treeRssMb ?? NaN))),
    `${jestOk ? 'passed' : 'FAILED'}: suites ${suites}; tests ${summary}`,
  ]);
  report.figure({
    section: 'Developer loop',
    figure: `jest whole suite${jestOk ? '' : ' (suite failing)'}`,
    value: `${fmtMs(jestMs)}, peak ${fmtMb(median(jest.map((r) => r.treeRssMb ?? NaN)))} (process tree)`,
    target: `< ${SUITE_LIMIT_MS / 1000} s`,
    verdict: verdict(jestMs < SUITE_LIMIT_MS),
  });

  const tsc = await times(options.toolRuns, BIN('tsc'), ['--noEmit', '-p', 'test/tsconfig.json']);
  const tscErrors = tsc[0].stdout.split('\n').filter((l) => /error TS\d+/.test(l));
  const benchErrors = tscErrors.filter((l) => l.startsWith('bench/'));
  const errorFiles = [...new Set(tscErrors.map((l) => l.split('(')[0]))];
  rows.push([
    '`tsc --noEmit -p test/tsconfig.json`',
    `${fmtMs(median(tsc.map((r) => r.wallMs)))}${spread(tsc)}`,
    fmtMb(median(tsc.map((r) => r.maxRssMb))),
    '',
    tscErrors.length === 0 ? 'no errors' : `${tscErrors.length} errors in ${errorFiles.join(', ')}${benchErrors.length ? '' : ' (none in bench/)'}`,
  ]);
  report.figure({ section: 'Developer loop', figure: 'tsc --noEmit (whole repo)', value: fmtMs(median(tsc.map((r) => r.wallMs))), target: 'information', verdict: 'n/a' });

  const jsii = await times(options.toolRuns, BIN('jsii'), ['--silence-warnings=reserved-word']);
  const jsiiBuilt = jsii[jsii.length - 1].status === 0;
  const jsiiErrors = jsii[jsii.length - 1].stdout.split('\n').concat(jsii[jsii.length - 1].stderr.split('\n')).filter((l) => /error/i.test(l));
  rows.push([
    '`jsii --silence-warnings=reserved-word`',
    `${fmtMs(median(jsii.map((r) => r.wallMs)))}${spread(jsii)}`,
    fmtMb(median(jsii.map((r) => r.maxRssMb))),
    '',
    jsiiBuilt ? 'built lib/ and .jsii' : `FAILED: ${jsiiErrors.slice(0, 3).join(' / ')}`,
  ]);
  report.figure({ section: 'Developer loop', figure: `jsii build${jsiiBuilt ? '' : ' (failing)'}`, value: fmtMs(median(jsii.map((r) => r.wallMs))), target: 'information', verdict: 'n/a' });
  // The compile task's second step: jsii wrote the plain SDK re-exports over lib/cli/sdk's bundles; the later sections pack lib/.
  const bundled = jsiiBuilt ? await times(1, BIN('tsx'), ['scripts/bundle-sdks.ts', 'lib/cli/sdk']) : [];
  if (bundled.length > 0) {
    rows.push([
      '`tsx scripts/bundle-sdks.ts lib/cli/sdk` (the compile task\'s second step)',
      fmtMs(bundled[0].wallMs),
      fmtMb(bundled[0].maxRssMb),
      '',
      bundled[0].status === 0 ? bundled[0].stdout.trim() : `FAILED: ${bundled[0].stderr.split('\n')[0]}`,
    ]);
  }

  report.table(['command', 'wall time', 'peak (largest process)', 'peak (process tree)', 'result'], rows);
  return { jsiiBuilt: jsiiBuilt && bundled[0]?.status === 0 };
}
