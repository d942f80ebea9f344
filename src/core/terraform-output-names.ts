import { fail } from './errors';
import { isUnresolved } from './tokens';

/** What Terraform accepts as an output name. */
const TERRAFORM_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * The prefix of every Terraform output a construct writes:
 * `outputPrefix` when given, else the construct id lowercased with each
 * character other than a letter or digit turned into `_`.
 */
export function terraformOutputPrefix(constructId: string, outputPrefix?: string): string {
  if (outputPrefix !== undefined) {
    if (!isUnresolved(outputPrefix) && !TERRAFORM_IDENTIFIER.test(outputPrefix)) {
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

/** `<prefix>_<snake_name>`, the logical id of one Terraform output. */
export function terraformOutputName(prefix: string, snakeName: string): string {
  return `${prefix}_${snakeName}`;
}
