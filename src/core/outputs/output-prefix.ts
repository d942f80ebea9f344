import { fail } from '../errors';
import { isUnresolved } from '../tokens';
import type { OutputStyle } from './contract';

/** CloudFormation logical ids are letters and digits; leave room for the name. */
const CLOUDFORMATION_PREFIX = /^[A-Za-z0-9]{1,200}$/;
/** What Terraform accepts as an output name. */
const TERRAFORM_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * The prefix of a construct's output names: `outputPrefix` when set, else
 * derived from the construct id (CloudFormation: letters and digits kept;
 * Terraform: lowercased, other characters turned into `_`).
 */
export function resolveOutputPrefix(style: OutputStyle, constructId: string, outputPrefix: string | undefined): string {
  if (outputPrefix !== undefined && isUnresolved(outputPrefix)) {
    fail('outputPrefix', 'a literal string, not a token', outputPrefix, 'Output names are fixed at synth.');
  }
  if (style === 'cloudformation') {
    const prefix = outputPrefix ?? constructId.replace(/[^A-Za-z0-9]/g, '');
    if (!CLOUDFORMATION_PREFIX.test(prefix)) {
      fail('outputPrefix', 'made of 1-200 letters and digits', prefix, "Set 'outputPrefix' to a name like 'Replay' (the construct id is used when it is unset).");
    }
    return prefix;
  }
  if (outputPrefix !== undefined) {
    if (!TERRAFORM_IDENTIFIER.test(outputPrefix)) {
      fail(
        'outputPrefix',
        'a Terraform identifier (letters, digits, underscores and hyphens, starting with a letter or underscore)',
        outputPrefix,
        "Write it like 'openreplay' or 'replay_storage'.",
      );
    }
    return outputPrefix;
  }
  const derived = constructId.toLowerCase().replace(/[^a-z0-9]/g, '_');
  if (!TERRAFORM_IDENTIFIER.test(derived)) {
    fail(
      'outputPrefix',
      'set when the construct id does not start with a letter or underscore',
      constructId,
      "Set 'outputPrefix' (e.g. 'openreplay'), or use a construct id that starts with a letter.",
    );
  }
  return derived;
}
