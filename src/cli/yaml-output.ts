import { parse } from 'yaml';
import type { ReplayInstance } from './instance';
import { OUTPUTS_FILE_HOWTO, OutputsError } from './outputs-error';
import { printable, quoted } from './printable';
import type { OutputName } from '../core/outputs/contract';

/** A reference CloudFormation or Terraform resolves at deploy: `${Token[...]}`, `${aws_s3_bucket.x.id}`, `${trimsuffix(...)}`. */
const UNRESOLVED = /\$\{(?:Token\[|TfToken\[|[a-z_]+\.|[a-z]+\()/;

/** A YAML output as text and as a mapping, or a message saying which output is broken. */
export function parseYamlOutput(instance: ReplayInstance, name: OutputName): { text: string; doc: Record<string, any> } {
  const text = instance.require(name);
  const key = `output ${quoted(instance.keyOf(name))}${instance.where()}`;
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new OutputsError(`${key} is not valid YAML (${printable((e as Error).message.split('\n')[0])}).`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new OutputsError(`${key} must be a YAML mapping (got: ${printable(JSON.stringify(text.slice(0, 80)))}).`);
  }
  if (UNRESOLVED.test(text)) {
    throw new OutputsError(
      `${key} still holds an unresolved reference (${printable(/\$\{[^}\n]*\}?/.exec(text)![0])}). ` +
        `Pass the outputs of a deployed stack (${OUTPUTS_FILE_HOWTO}), not a synthesized template.`,
    );
  }
  return { text, doc: doc as Record<string, any> };
}
