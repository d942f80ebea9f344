/**
 * The `verify` report as a table or as JSON. Everything in it that came
 * from a server or the command line is made printable: no escape sequence
 * or line break from a header or an error reaches the terminal.
 */
import { escapeJsonText, printable } from './printable';
import type { CheckResult, VerifyReport, VerifyStatus } from './verify-types';

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
  const flat = printable(text.replace(/[ \t\r\n]+/g, ' '));
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
}

const SUMMARY: Readonly<Record<VerifyStatus, string>> = { ok: 'OK', misconfigured: 'FAILED', unreachable: 'UNREACHABLE' };

/** `scheme://host:port` of a URL, for grouping requests that got no answer. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** One line per server and reason instead of the same note under every check that got no answer. */
function unreachableLines(results: readonly CheckResult[]): string[] {
  const groups = new Map<string, { origin: string; detail: string; checks: number }>();
  for (const r of results) {
    if (r.verdict !== 'UNREACHABLE' || !r.unreachable) continue;
    const origin = originOf(r.url);
    const key = `${origin}\n${r.unreachable.detail}`;
    const group = groups.get(key) ?? { origin, detail: r.unreachable.detail, checks: 0 };
    group.checks++;
    groups.set(key, group);
  }
  return [...groups.values()].map(
    (g) => `UNREACHABLE ${printable(g.origin)}: ${printable(g.detail)}; ${g.checks} check${g.checks > 1 ? 's' : ''} got no HTTP answer and learned nothing about the configuration.`,
  );
}

/** Fixed-width table: check, role, expected, got, verdict; then the notes of what is not PASS. */
export function renderTable(report: VerifyReport): string {
  const rows = report.results.map((r) => COLUMNS.map(([, get]) => cell(get(r))));
  const heads = COLUMNS.map(([h]) => h);
  const widths = heads.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  const out = [line(heads), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];

  const notes = report.results.filter((r) => r.verdict !== 'PASS' && r.verdict !== 'UNREACHABLE' && r.note);
  const unreachable = unreachableLines(report.results);
  if (notes.length > 0 || unreachable.length > 0) {
    out.push('');
    for (const r of notes) out.push(`${r.verdict} ${printable(r.check)} (${printable(r.role)}): ${printable(r.note!)}\n     ${printable(r.url)}`);
    out.push(...unreachable);
    if (unreachable.length > 0) out.push('     Check the URLs, DNS, network, proxy and TLS (raise --timeout for slow storage), and run again.');
  }
  const { PASS, FAIL, WARN, UNREACHABLE } = report.counts;
  const unanswered = UNREACHABLE > 0 ? `, ${UNREACHABLE} unreachable` : '';
  out.push(
    '',
    `${SUMMARY[report.status]}: ${PASS} passed, ${FAIL} failed, ${WARN} warnings${unanswered} (dashboard origin ${printable(report.origin)}, other origin ${printable(report.otherOrigin)}).`,
  );
  return out.join('\n') + '\n';
}

/** The `--json` report; characters a terminal acts on are `\u` escapes. */
export function renderJson(report: VerifyReport): string {
  return escapeJsonText(JSON.stringify(report, null, 2)) + '\n';
}
