/**
 * rclone's progress and log lines as `migrate` shows them on stderr: one
 * line per report (objects, bytes, rate, ETA), rclone's errors and
 * warnings prefixed with the role, and the per-object notices rclone 1.60
 * prints by design (gzip objects copied as they are, dry-run skips) left
 * out.
 */
import type { RcloneLog, RcloneStats } from './migrate-rclone';
import { printable } from './printable';

/** `1.5 MiB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

/** `1h02m03s`, `4m05s`, `6s`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m${String(rest).padStart(2, '0')}s`;
  if (m > 0) return `${m}m${String(rest).padStart(2, '0')}s`;
  return `${rest}s`;
}

/** `recordings: 12/40 objects, 1.20 MiB/4.00 MiB, 3.1 MiB/s, ETA 2s, 28 checked`. */
export function progressLine(role: string, stats: RcloneStats, dryRun: boolean): string {
  const parts = [
    `${stats.transfers}/${stats.totalTransfers} objects${dryRun ? ' (dry run)' : ''}`,
    `${formatBytes(stats.bytes)}/${formatBytes(stats.totalBytes)}`,
    `${formatBytes(stats.speed)}/s`,
    `ETA ${stats.eta === null ? '-' : formatDuration(stats.eta)}`,
  ];
  if (stats.totalChecks > 0) parts.push(`${stats.checks} already there`);
  if (stats.errors > 0) parts.push(`${stats.errors} errors`);
  return `  ${role}: ${parts.join(', ')}\n`;
}

/** Notices rclone prints per object by design, not worth a line each. */
const QUIET = [/^Not decompressing 'Content-Encoding: gzip'/, /^Skipped (?:copy|update modification time|make directory) as --dry-run is set/];

/** The line to show for one rclone log entry, if any. */
export function logLine(role: string, log: RcloneLog, dryRun: boolean): string | undefined {
  if (log.stats) return progressLine(role, log.stats, dryRun);
  if (!['error', 'critical', 'warning'].includes(log.level) || QUIET.some((q) => q.test(log.msg))) return undefined;
  const where = log.object ? `${printable(log.object)}: ` : '';
  return `  ${role}: rclone ${log.level === 'warning' ? 'notice' : log.level}: ${where}${printable(log.msg.trim())}\n`;
}
