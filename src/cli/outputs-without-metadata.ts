/**
 * Outputs that look like a replay-storage construct's but come without a
 * Metadata output: a stack deployed with a version from before the metadata.
 * Only used to say so; constructs are found by their metadata alone.
 */
import type { ReplayInstance } from './instance';
import { OUTPUT_NAMES } from './instance';
import { type OutputsDocument, type OutputsStack, stackWhere } from './outputs-file';
import { printable, quoted } from './printable';
import { type OutputName, type OutputStyle, outputKey } from '../core/outputs/contract';

/** One group of outputs sharing a prefix, without a Metadata output. */
export interface OutputsWithoutMetadata {
  readonly stack: OutputsStack;
  readonly prefix: string;
  readonly style: OutputStyle;
  /** The keys, in file order. */
  readonly keys: readonly string[];
  /** The key the Metadata output would have. */
  readonly metadataKey: string;
}

/** Every (style, prefix) a key can be split into with a contract output name. */
function splits(key: string): { style: OutputStyle; prefix: string; name: OutputName }[] {
  const out: { style: OutputStyle; prefix: string; name: OutputName }[] = [];
  for (const name of OUTPUT_NAMES) {
    for (const style of ['cloudformation', 'terraform'] as const) {
      const suffix = outputKey(style, '', name);
      if (key.length > suffix.length && key.endsWith(suffix)) out.push({ style, prefix: key.slice(0, -suffix.length), name });
    }
  }
  return out;
}

/**
 * Groups of a stack's outputs that share a prefix, have a `HelmValues`
 * output (every construct writes one) and at least one other contract
 * output, and no instance found by metadata.
 */
function inStack(stack: OutputsStack, found: readonly ReplayInstance[]): OutputsWithoutMetadata[] {
  const groups = new Map<string, { style: OutputStyle; prefix: string; keys: string[]; names: Set<OutputName> }>();
  for (const key of stack.outputs.keys()) {
    for (const { style, prefix, name } of splits(key)) {
      const id = `${style}:${prefix}`;
      const group = groups.get(id) ?? { style, prefix, keys: [], names: new Set<OutputName>() };
      group.keys.push(key);
      group.names.add(name);
      groups.set(id, group);
    }
  }
  const claimed = (g: { style: OutputStyle; prefix: string }) => found.some((i) => i.stack === stack && i.style === g.style && i.prefix === g.prefix);
  return [...groups.values()]
    .filter((g) => g.names.has('HelmValues') && g.names.size > 1 && !claimed(g))
    .map((g) => ({ stack, prefix: g.prefix, style: g.style, keys: g.keys, metadataKey: outputKey(g.style, g.prefix, 'Metadata') }));
}

/** Every group of replay-storage-looking outputs without metadata in the document. */
export function findOutputsWithoutMetadata(doc: OutputsDocument, found: readonly ReplayInstance[]): OutputsWithoutMetadata[] {
  return doc.stacks.flatMap((stack) => inStack(stack, found));
}

/** `outputs OpenReplayHelmValues, OpenReplayRecordingsBucket, ... of stack 'S' have no Metadata output (OpenReplayMetadata)`. */
export function describeWithoutMetadata(group: OutputsWithoutMetadata): string {
  const keys = group.keys.map(printable);
  const shownKeys = keys.length > 3 ? `${keys.slice(0, 3).join(', ')}, ...` : keys.join(', ');
  return `outputs ${shownKeys}${stackWhere(group.stack)} look like a replay-storage construct's but have no Metadata output (${quoted(group.metadataKey)})`;
}
