/**
 * Finds replay-storage constructs in deployed outputs by their Metadata
 * output (`<prefix>Metadata` in CloudFormation, `<prefix>_metadata` in
 * Terraform), whose JSON value names the product, the cloud and every
 * output's key. Nothing is guessed from output names.
 */
import { ReplayInstance } from './instance';
import { findMetadata } from './metadata';
import { OUTPUTS_FILE_HOWTO, OutputsError } from './outputs-error';
import type { OutputsDocument } from './outputs-file';
import { describeWithoutMetadata, findOutputsWithoutMetadata } from './outputs-without-metadata';
import { METADATA_SCHEMA } from '../core/outputs/contract';

export { OutputsError } from './outputs-error';
export { parseOutputs } from './outputs-file';
export type { OutputsDocument, OutputsFormat, OutputsStack, OutputValue } from './outputs-file';
export { missingOutputMessage, ReplayInstance } from './instance';

/** Every replay-storage construct in the document, in file order; a broken Metadata output throws. */
export function findInstances(doc: OutputsDocument): ReplayInstance[] {
  return doc.stacks.flatMap((stack) => findMetadata(stack).map((found) => new ReplayInstance(found)));
}

const OLDER_VERSION_FIX =
  'The stack was deployed with an older version of replay-storage, which wrote no metadata, and this command reads constructs only by their metadata. ' +
  `Deploy the stack with this version and pass the outputs of that deploy (${OUTPUTS_FILE_HOWTO}).`;

function noInstanceMessage(doc: OutputsDocument, source: string): string {
  const withoutMetadata = findOutputsWithoutMetadata(doc, []);
  if (withoutMetadata.length > 0) {
    return `${source} has no replay-storage metadata: ${withoutMetadata.map(describeWithoutMetadata).join('; ')}. ${OLDER_VERSION_FIX}`;
  }
  return (
    `${source} has no replay-storage outputs: no output named '<prefix>Metadata' (CloudFormation) or '<prefix>_metadata' (Terraform) ` +
    `holds replay-storage metadata (schema '${METADATA_SCHEMA}'). OpenReplayStorage and LogRocketStorage write it; ` +
    `pass the outputs of the stack that holds one (${OUTPUTS_FILE_HOWTO}).`
  );
}

export interface InstanceFilter {
  readonly stack?: string;
  readonly prefix?: string;
}

/** Whether a construct (or a group of outputs) is in the stack and has the prefix the filter asks for. */
function matches(c: { readonly stack: { readonly name?: string }; readonly prefix: string }, filter: InstanceFilter): boolean {
  return (filter.stack === undefined || c.stack.name === filter.stack) && (filter.prefix === undefined || c.prefix === filter.prefix);
}

function noMatchMessage(doc: OutputsDocument, source: string, all: readonly ReplayInstance[], filter: InstanceFilter): string {
  const flags = `${filter.stack ? ` --stack ${filter.stack}` : ''}${filter.prefix ? ` --prefix ${filter.prefix}` : ''}`;
  const found = all.map((i) => i.label).join(', ');
  const legacy = findOutputsWithoutMetadata(doc, all).filter((g) => matches(g, filter));
  const older = legacy.length > 0 ? ` Matching ${legacy.map(describeWithoutMetadata).join('; ')}. ${OLDER_VERSION_FIX}` : '';
  return `no replay-storage construct in ${source} matches${flags}; found: ${found}.${older}`;
}

/** The constructs of the document a user asked for with `--stack` / `--prefix`. */
export function selectInstances(doc: OutputsDocument, source: string, filter: InstanceFilter): ReplayInstance[] {
  const all = findInstances(doc);
  if (all.length === 0) throw new OutputsError(noInstanceMessage(doc, source));
  const picked = all.filter((i) => matches(i, filter));
  if (picked.length === 0) throw new OutputsError(noMatchMessage(doc, source, all, filter));
  return picked;
}
