import type { ReplayInstance } from './instance';
import { renderYaml } from './yaml-render';

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

/**
 * The comment lines a written file starts with: what it is and which outputs
 * it came from. Names from the outputs file are made printable when rendered.
 */
export function fileHeader(instance: ReplayInstance, keys: readonly string[], what: string): string[] {
  const stack = instance.stack.name ? ` of stack ${instance.stack.name}` : '';
  return [what, `From output ${keys.join(', ')}${stack}; written by 'replay-storage values'.`];
}

/** A YAML file of `value` (rendered by the `yaml` package) with its comment header. */
export function yamlFile(path: string, value: unknown, header: readonly string[], mode: number, from: readonly string[]): ValuesFile {
  const content = renderYaml(value, header, `${path} (from output ${from.join(', ')})`);
  return { path, content, mode, from: from.join(', ') };
}
