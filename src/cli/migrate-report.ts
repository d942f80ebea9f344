/**
 * The result of `migrate`, per bucket: what rclone copied, the source and
 * target compared object by object (`rclone check --one-way`: size and MD5,
 * size alone where an object has no MD5), counts and bytes of both sides,
 * and the tags/headers the attribute step wrote. A table, or JSON with
 * `--json`; any missing or different object, copy error or attribute
 * failure makes the run a mismatch.
 */
import type { AttributeCounts } from './migrate-attributes';
import { formatBytes, formatDuration } from './migrate-progress';
import { escapeJsonText, printable } from './printable';
import type { OpenReplayRole } from '../core/roles';

export interface SideSize {
  readonly objects: number;
  readonly bytes: number;
}

/** `rclone check --one-way` of one bucket. */
export interface CheckCounts {
  /** Same size and MD5 (or same size where one side has no MD5). */
  matched: number;
  /** On MinIO, not on the target. */
  missing: number;
  /** On both, different. */
  differ: number;
  /** Could not be read or hashed. */
  errors: number;
  /** Of the matched, compared by size only (no MD5 on one side, e.g. multipart uploads). */
  sizeOnly: number;
}

export type BucketVerdict = 'OK' | 'MISMATCH' | 'FAILED' | 'SKIPPED' | 'DRY RUN';

export interface BucketReport {
  readonly role: OpenReplayRole;
  readonly source: string;
  readonly target: string;
  verdict: BucketVerdict;
  copy?: { objects: number; bytes: number; alreadyThere: number; errors: number; seconds: number };
  sourceSize?: SideSize;
  targetSize?: SideSize;
  check?: CheckCounts;
  attributes?: AttributeCounts;
  readonly notes: string[];
}

export interface MigrateReport {
  readonly construct: string;
  /** The target's kind: s3, gcs (Cloud Storage through its S3 API) or azure. */
  readonly target: string;
  readonly dryRun: boolean;
  readonly rcloneVersion: string;
  readonly buckets: BucketReport[];
  status: 'ok' | 'mismatch';
  /** What this run copied, and how long the whole run took. */
  totals: { objects: number; bytes: number; seconds: number };
}

/** Counts of `rclone check --combined -` output, and its notice about objects without hashes. */
export function parseCheckOutput(stdout: string, notices: readonly string[]): CheckCounts {
  const counts: CheckCounts = { matched: 0, missing: 0, differ: 0, errors: 0, sizeOnly: 0 };
  for (const line of stdout.split('\n')) {
    switch (line.slice(0, 2)) {
      case '= ':
        counts.matched++;
        break;
      case '+ ':
        counts.missing++;
        break;
      case '* ':
        counts.differ++;
        break;
      case '! ':
        counts.errors++;
        break;
    }
  }
  for (const n of notices) {
    const m = /(\d+) hashes could not be checked/.exec(n);
    if (m) counts.sizeOnly = Number(m[1]);
  }
  return counts;
}

/** The verdict of one bucket from what was measured. */
export function verdictOf(b: BucketReport, dryRun: boolean): BucketVerdict {
  if (b.verdict === 'SKIPPED' || b.verdict === 'FAILED') return b.verdict;
  if ((b.copy?.errors ?? 0) > 0) return 'FAILED';
  if (dryRun) return 'DRY RUN';
  const c = b.check;
  if (!c || c.missing + c.differ + c.errors > 0 || (b.attributes?.failed ?? 0) > 0) return 'MISMATCH';
  return 'OK';
}

const size = (s: SideSize | undefined) => (s ? `${s.objects} / ${formatBytes(s.bytes)}` : '-');

function attributesCell(a: AttributeCounts | undefined, applies: boolean): string {
  if (!applies) return 'n/a';
  if (!a) return '-';
  return `${a.written} set, ${a.unchanged} ok${a.failed ? `, ${a.failed} FAILED` : ''}`;
}

/** Fixed-width table, then notes, then one summary line. */
export function renderMigrateTable(report: MigrateReport, attributesApply: boolean): string {
  const heads = ['ROLE', 'MINIO BUCKET', 'TARGET BUCKET', 'COPIED', 'SOURCE (objects / bytes)', 'TARGET (objects / bytes)', 'CHECK (=/missing/differ)', 'TAGS/HEADERS', 'VERDICT'];
  const rows = report.buckets.map((b) => [
    b.role,
    printable(b.source),
    printable(b.target),
    b.copy ? `${b.copy.objects} / ${formatBytes(b.copy.bytes)}` : '-',
    size(b.sourceSize),
    size(b.targetSize),
    b.check ? `${b.check.matched}/${b.check.missing}/${b.check.differ}${b.check.errors ? ` (${b.check.errors} unreadable)` : ''}` : '-',
    attributesCell(b.attributes, attributesApply),
    b.verdict,
  ]);
  const widths = heads.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  const out = [line(heads), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  const notes = report.buckets.flatMap((b) => [
    ...b.notes.map((n) => `${b.role}: ${printable(n)}`),
    ...(b.check?.sizeOnly ? [`${b.role}: ${b.check.sizeOnly} objects compared by size only (no MD5 on one side, e.g. multipart uploads).`] : []),
    ...(b.attributes?.failures ?? []).map((f) => `${b.role}: tags/headers not set on ${f}`),
  ]);
  if (!attributesApply) {
    notes.push('Cloud Storage keeps no object tags: retention and to_delete_in_days are not carried; the buckets\' age rules delete objects there.');
  }
  if (notes.length > 0) out.push('', ...notes);
  const t = report.totals;
  const rate = t.seconds > 0 ? `, ${(t.objects / t.seconds).toFixed(1)} objects/s, ${formatBytes(t.bytes / t.seconds)}/s` : '';
  const what = report.dryRun ? 'DRY RUN: nothing was written' : report.status === 'ok' ? 'OK: every object is on the target' : 'MISMATCH: see the rows above; run the same command again to copy what is missing';
  out.push('', `${what}. ${report.dryRun ? 'Would copy' : 'Copied'} ${t.objects} objects (${formatBytes(t.bytes)}) in ${formatDuration(t.seconds)}${rate}.`);
  return `${out.join('\n')}\n`;
}

export function renderMigrateJson(report: MigrateReport): string {
  return `${escapeJsonText(JSON.stringify(report, null, 2))}\n`;
}
