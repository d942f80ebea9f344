/** Median of a non-empty list. */
export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** `1.23 s` / `456 ms`. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** `123 MB`. */
export function fmtMb(mb: number): string {
  return Number.isFinite(mb) ? `${Math.round(mb)} MB` : 'n/a';
}

/** `1.03x`. */
export function fmtRatio(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(2)}x` : 'n/a';
}

/** min-max spread of a sample, for the tables. */
export function fmtSpread(values: number[], fmt: (v: number) => string): string {
  if (values.length < 2) return '';
  return `${fmt(Math.min(...values))}-${fmt(Math.max(...values))}`;
}
