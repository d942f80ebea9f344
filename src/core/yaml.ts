import { stringify } from 'yaml';

/**
 * Renders a Helm values document. Helm parses YAML 1.1, so strings such as
 * `yes`, `off` or `0123` are quoted rather than read back as booleans or
 * numbers. Long lines are never folded, so token strings that the toolkit
 * resolves at synth stay intact.
 */
export function toYaml(doc: unknown): string {
  return stringify(doc, { version: '1.1', lineWidth: 0, minContentWidth: 0 });
}
