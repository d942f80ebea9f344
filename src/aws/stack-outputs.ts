import { CfnOutput } from 'aws-cdk-lib/core';
import type { Construct } from 'constructs';
import type { RenderedOutput } from '../core/outputs/contract';
import { outputKey } from '../core/outputs/contract';

/**
 * Renders the model's outputs as CloudFormation outputs named
 * `<prefix><Name>`. Sensitive outputs never reach CloudFormation: the AWS
 * renderings hold none (the secret key stays in Secrets Manager).
 */
export function addStackOutputs(scope: Construct, prefix: string, outputs: readonly RenderedOutput[]): void {
  for (const o of outputs) {
    if (o.sensitive) throw new Error(`replay-storage: output ${o.name} is sensitive and cannot be a CloudFormation output`);
    const out = new CfnOutput(scope, o.name, { value: o.value as string, description: o.description });
    out.overrideLogicalId(outputKey('cloudformation', prefix, o.name));
  }
}
