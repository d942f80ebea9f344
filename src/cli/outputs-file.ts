/**
 * Reads deployed stack outputs, in the shapes the tools write:
 *
 * - `cdk deploy --outputs-file`: `{ "<stack>": { "<output>": <value> } }`
 * - `cdktf deploy --outputs-file`: nested by construct,
 *   `{ "<stack>": { "<construct>": { "Output_<name>": <value> } } }`, keyed by
 *   the outputs' construct ids (sensitive ones left out unless asked for);
 *   flattened here to the output names the metadata lists
 * - `terraform output -json`: `{ "<output>": { "value": ..., "type": ..., "sensitive": bool } }`
 */
import { OUTPUTS_FILE_HOWTO, OutputsError } from './outputs-error';
import { printable, quoted } from './printable';
import { synthesizedTemplateMessage } from './synthesized';
import { OUTPUT_CONTRACT, type OutputName, snakeCase } from '../core/outputs/contract';

/** One output value and whether the tool marked it sensitive. */
export interface OutputValue {
  readonly key: string;
  readonly value: unknown;
  readonly sensitive: boolean;
}

/** The outputs of one stack (Terraform output files have a single, unnamed one). */
export interface OutputsStack {
  readonly name?: string;
  readonly outputs: ReadonlyMap<string, OutputValue>;
}

export type OutputsFormat = 'stack-outputs' | 'terraform';

export interface OutputsDocument {
  readonly format: OutputsFormat;
  readonly stacks: readonly OutputsStack[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isTerraformEntry(v: unknown): v is { value: unknown; sensitive?: boolean; type?: unknown } {
  return isRecord(v) && 'value' in v && ('type' in v || 'sensitive' in v);
}

function terraformDocument(entries: [string, unknown][]): OutputsDocument {
  const outputs = new Map<string, OutputValue>();
  for (const [key, v] of entries as [string, { value: unknown; sensitive?: boolean }][]) {
    outputs.set(key, { key, value: v.value, sensitive: v.sensitive === true });
  }
  return { format: 'terraform', stacks: [{ outputs }] };
}

/** The construct id cdktf gives an output of ours: `Output_<snake_name>`. */
const CDKTF_OUTPUT_ID = /^Output_([a-z0-9_]+)$/;

/** The output names a metadata value lists, when it is one (else nothing). */
function metadataOutputs(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const doc = JSON.parse(value);
    return isRecord(doc) && isRecord(doc.outputs) ? (doc.outputs as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Flattens one stack of a `cdktf deploy --outputs-file` file: each construct
 * object holding `Output_metadata` becomes its outputs under the names the
 * metadata lists; other values are kept under their construct path.
 */
function flattenConstructTree(tree: Record<string, unknown>, outputs: Map<string, OutputValue>, path: string[] = []): void {
  const names = metadataOutputs(tree.Output_metadata);
  for (const [key, value] of Object.entries(tree)) {
    const snake = CDKTF_OUTPUT_ID.exec(key)?.[1];
    const neutral = snake ? (Object.keys(OUTPUT_CONTRACT) as OutputName[]).find((n) => snakeCase(n) === snake) : undefined;
    if (names && neutral && typeof names[neutral] === 'string') {
      outputs.set(names[neutral], { key: names[neutral], value, sensitive: false });
    } else if (isRecord(value) && !names) {
      flattenConstructTree(value, outputs, [...path, key]);
    } else {
      const flat = [...path, key].join('.');
      outputs.set(flat, { key: flat, value, sensitive: false });
    }
  }
}

function stackOutputsDocument(entries: [string, unknown][]): OutputsDocument {
  const stacks = entries.map(([name, v]) => {
    const outputs = new Map<string, OutputValue>();
    flattenConstructTree(v as Record<string, unknown>, outputs);
    return { name, outputs };
  });
  return { format: 'stack-outputs', stacks };
}

/** Parses an outputs file's text; `source` names it in messages. */
export function parseOutputs(text: string, source: string): OutputsDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new OutputsError(`${source} is not JSON (${printable((e as Error).message.replace(/\s+/g, ' '))}). Pass the file written by ${OUTPUTS_FILE_HOWTO}.`);
  }
  if (!isRecord(doc) || Object.keys(doc).length === 0) {
    throw new OutputsError(`${source} holds no outputs. Pass the file written by ${OUTPUTS_FILE_HOWTO} after a deploy.`);
  }
  const entries = Object.entries(doc);
  if (entries.every(([, v]) => isTerraformEntry(v))) return terraformDocument(entries);
  const synthesized = synthesizedTemplateMessage(doc, source);
  if (synthesized) throw new OutputsError(synthesized);
  if (entries.every(([, v]) => isRecord(v))) return stackOutputsDocument(entries);
  throw new OutputsError(
    `${source} is neither a stack outputs file ({"<stack>": {"<output>": "<value>"}}) nor 'terraform output -json' ({"<output>": {"value": ...}}).`,
  );
}

/** ` of stack 'S'` for messages, or nothing for Terraform's single stack. */
export function stackWhere(stack: OutputsStack): string {
  return stack.name ? ` of stack ${quoted(stack.name)}` : '';
}
