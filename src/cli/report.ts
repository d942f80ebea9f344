import { CheckResult, VerifyReport } from './verify';

const COLUMNS: readonly [string, (r: CheckResult) => string][] = [
  ['CHECK', (r) => r.check],
  ['ROLE', (r) => r.role],
  ['EXPECTED', (r) => r.expected],
  ['GOT', (r) => r.got],
  ['VERDICT', (r) => r.verdict],
];

/** Cells wider than this are cut with an ellipsis (the JSON report has them whole). */
const MAX_CELL = 60;

function cell(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
}

/** Fixed-width table: check, role, expected, got, verdict; then the notes of what is not PASS. */
export function renderTable(report: VerifyReport): string {
  const rows = report.results.map((r) => COLUMNS.map(([, get]) => cell(get(r))));
  const heads = COLUMNS.map(([h]) => h);
  const widths = heads.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  const out = [line(heads), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];

  const notes = report.results.filter((r) => r.verdict !== 'PASS' && r.note);
  if (notes.length > 0) {
    out.push('');
    for (const r of notes) out.push(`${r.verdict} ${r.check} (${r.role}): ${r.note}\n     ${r.url}`);
  }
  const { PASS, FAIL, WARN } = report.counts;
  out.push('', `${report.ok ? 'OK' : 'FAILED'}: ${PASS} passed, ${FAIL} failed, ${WARN} warnings (dashboard origin ${report.origin}, other origin ${report.otherOrigin}).`);
  return out.join('\n') + '\n';
}

/** The `--json` report. */
export function renderJson(report: VerifyReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
