import type { ReplayInstance } from './instance';

/** One file the `values` command writes, relative to the output directory. */
export interface ValuesFile {
  readonly path: string;
  readonly content: string;
  /** 0o600 for files holding key material. */
  readonly mode: number;
  /** The output(s) it came from. */
  readonly from: string;
}

/** Mode of files without key material. */
export const PLAIN = 0o644;
/** Mode of files with key material. */
export const SECRET = 0o600;

/** The comment a written file starts with: what it is and which outputs it came from. */
export function fileHeader(instance: ReplayInstance, keys: readonly string[], what: string): string {
  const stack = instance.stack.name ? ` of stack ${instance.stack.name}` : '';
  return `# ${what}\n# From output ${keys.join(', ')}${stack}; written by 'replay-storage values'.\n`;
}
