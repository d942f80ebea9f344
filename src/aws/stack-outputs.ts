import { CfnOutput } from 'aws-cdk-lib/core';
import type { Construct } from 'constructs';
import { fail, isUnresolved } from '../core';

/** CloudFormation logical ids are letters and digits; leave room for the name. */
const PREFIX = /^[A-Za-z0-9]{1,200}$/;

/**
 * The output prefix: `outputPrefix` when set, else the construct id with
 * everything but letters and digits removed.
 */
export function resolveOutputPrefix(id: string, outputPrefix: string | undefined): string {
  const prefix = outputPrefix ?? id.replace(/[^A-Za-z0-9]/g, '');
  if (isUnresolved(prefix)) fail('outputPrefix', 'a literal string, not a token', prefix, 'Output logical ids are fixed at synth.');
  if (!PREFIX.test(prefix)) {
    fail('outputPrefix', 'made of 1-200 letters and digits', prefix, "Set 'outputPrefix' to a name like 'Replay' (the construct id is used when it is unset).");
  }
  return prefix;
}

/**
 * Adds stack outputs named `<prefix><Name>`, the suffixes shared by every
 * cloud so that tools can look them up.
 */
export class StackOutputs {
  constructor(
    private readonly scope: Construct,
    private readonly prefix: string,
  ) {}

  public add(name: string, value: string, description: string): CfnOutput {
    const output = new CfnOutput(this.scope, name, { value, description });
    output.overrideLogicalId(`${this.prefix}${name}`);
    return output;
  }
}
