import { stringify } from 'yaml';

/**
 * Renders a Helm values document. Long lines are never folded, so token
 * strings that the toolkit resolves at synth stay intact.
 */
export function toYaml(doc: unknown): string {
  return stringify(doc, { lineWidth: 0, minContentWidth: 0 });
}
