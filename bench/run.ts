/**
 * Performance and footprint benchmark: prints every figure with its target
 * and verdict, and writes bench/RESULTS.md.
 *
 *   npm run bench                      # full run (medians of 5)
 *   npm run bench -- --quick           # 1-2 runs per figure
 *   npm run bench -- --only=overhead,scale
 *   BENCH_TSCONFIG=<tsconfig> npm run bench -- --only=overhead
 *                                      # apps map replay-storage/lib/* with that
 *                                      # tsconfig's paths (before/after comparisons)
 *
 * Sections: overhead, imports, scale, devloop, consumer, deployed, migration.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeMachine, loadAverage } from './lib/machine';
import { OUT, RESULTS, ROOT } from './lib/paths';
import { Report } from './lib/report';
import { fmtMs } from './lib/stats';
import { consumerFootprint } from './sections/consumer';
import { deployedFootprint } from './sections/deployed';
import { developerLoop } from './sections/devloop';
import { importCost, importMode } from './sections/imports';
import { migration } from './sections/migration';
import { overhead, type OverheadResult } from './sections/overhead';
import { scale } from './sections/scale';

const SECTIONS = ['overhead', 'imports', 'scale', 'devloop', 'consumer', 'deployed', 'migration'] as const;
type Section = (typeof SECTIONS)[number];

function parseArgs(argv: string[]): { quick: boolean; only: Set<Section> } {
  const quick = argv.includes('--quick');
  const onlyArg = argv.find((a) => a.startsWith('--only='));
  const only = new Set<Section>(SECTIONS);
  if (onlyArg) {
    only.clear();
    for (const s of onlyArg.slice('--only='.length).split(',')) {
      if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`unknown section '${s}'; one of ${SECTIONS.join(', ')}`);
      only.add(s as Section);
    }
  }
  return { quick, only };
}

async function main(): Promise<void> {
  const { quick, only } = parseArgs(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  const report = new Report();
  const machine = describeMachine();
  report.heading(1, 'replay-storage benchmark results');
  report.paragraph(
    `Written by \`npm run bench${quick ? ' -- --quick' : ''}\`${only.size < SECTIONS.length ? ` (sections: ${[...only].join(', ')})` : ''} on ${new Date().toISOString()}. ` +
      `${quick ? 'Quick run: 1-2 runs per figure, medians are rough.' : 'Full run: medians of several runs, each in a fresh process.'}`,
  );
  report.table(
    ['machine', ''],
    [
      ['OS', machine.os],
      ['CPU', machine.cpu],
      ['cores', String(machine.cores)],
      ['memory', machine.memory],
      ['node', machine.node],
      ['checkout', machine.commit],
      ['load average at start (1/5/15 min)', machine.load],
    ],
  );
  // Placeholder, replaced by the summary once every figure is in.
  const summaryMark = '<!-- summary -->';
  report.paragraph(summaryMark);

  const runs = (full: number, fast: number) => (quick ? fast : full);
  let overheadResults: OverheadResult[] | undefined;
  let jsiiBuilt = false;
  // The developer loop goes first: its jsii build gives the later sections a fresh lib/.
  if (only.has('devloop')) jsiiBuilt = (await developerLoop(report, { jestRuns: runs(3, 1), toolRuns: runs(3, 1) })).jsiiBuilt;
  const libBuilt = jsiiBuilt || importMode().compiled;
  // With other sources mapped in, lib/ is not what is being measured.
  const measureInstalled = libBuilt && !process.env.BENCH_TSCONFIG;
  if (only.has('overhead')) {
    overheadResults = await overhead(report, {
      awsRuns: runs(5, 2),
      cdktfRuns: runs(11, 3),
      installedAwsRuns: runs(3, 1),
      installedCdktfRuns: runs(7, 2),
      libBuilt: measureInstalled,
    });
  }
  if (only.has('imports')) await importCost(report, runs(7, 2));
  if (only.has('scale')) await scale(report, { runs: runs(3, 1) });
  if (only.has('deployed')) await deployedFootprint(report, overheadResults);
  if (only.has('consumer')) await consumerFootprint(report, { jsiiBuilt: libBuilt });
  // Sessions of two recordings each in the many-small-objects set: 2,000 objects in a full run.
  if (only.has('migration')) await migration(report, { runs: runs(3, 1), manySessions: runs(1000, 250) });

  const notes = join(ROOT, 'bench', 'NOTES.md');
  if (existsSync(notes)) {
    report.heading(2, 'Fixes, findings and what is left');
    report.paragraph(readFileSync(notes, 'utf8').trim());
  }
  report.paragraph(`Total benchmark wall time: ${fmtMs(Date.now() - started)}; load average at the end (1/5/15 min): ${loadAverage()}.`);

  const summary = [
    '## Summary',
    '',
    '| section | figure | value | target | verdict |',
    '|---|---|---|---|---|',
    ...report.figures.map((f) => `| ${[f.section, f.figure, f.value, f.target, f.verdict].map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`),
    '',
  ].join('\n');
  console.log(`\n${summary}`);
  writeFileSync(RESULTS, `${report.markdown().replace(summaryMark, summary)}\n`);
  console.log(`Wrote ${RESULTS}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
});
