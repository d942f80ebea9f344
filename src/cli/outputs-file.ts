/**
 * Reads deployed stack outputs, in the shapes the tools write:
 *
 * - `cdk deploy --outputs-file` and `cdktf deploy --outputs-file`:
 *   `{ "<stack>": { "<output>": <value> } }`
 * - `terraform output -json`: `{ "<output>": { "value": ..., "type": ..., "sensitive": bool } }`
 */
import { OUTPUTS_FILE_HOWTO, OutputsError } from './outputs-error';

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

function stackOutputsDocument(entries: [string, unknown][]): OutputsDocument {
  const stacks = entries.map(([name, v]) => {
    const outputs = new Map<string, OutputValue>();
    for (const [key, value] of Object.entries(v as Record<string, unknown>)) outputs.set(key, { key, value, sensitive: false });
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
    throw new OutputsError(`${source} is not JSON (${(e as Error).message.replace(/\s+/g, ' ')}). Pass the file written by ${OUTPUTS_FILE_HOWTO}.`);
  }
  if (!isRecord(doc) || Object.keys(doc).length === 0) {
    throw new OutputsError(`${source} holds no outputs. Pass the file written by ${OUTPUTS_FILE_HOWTO} after a deploy.`);
  }
  const entries = Object.entries(doc);
  if (entries.every(([, v]) => isTerraformEntry(v))) return terraformDocument(entries);
  if (entries.every(([, v]) => isRecord(v))) return stackOutputsDocument(entries);
  throw new OutputsError(
    `${source} is neither a stack outputs file ({"<stack>": {"<output>": "<value>"}}) nor 'terraform output -json' ({"<output>": {"value": ...}}).`,
  );
}

/** ` of stack 'S'` for messages, or nothing for Terraform's single stack. */
export function stackWhere(stack: OutputsStack): string {
  return stack.name ? ` of stack '${stack.name}'` : '';
}
