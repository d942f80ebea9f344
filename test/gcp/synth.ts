import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import type { TerraformStack } from 'cdktf';
import { resources, synthWith, type Synthesized } from '../terraform/synth';

export { resources, warnings, type Synthesized } from '../terraform/synth';

/** Synthesizes a stack with a google provider and whatever `build` adds. */
export function synthGcp(build: (stack: TerraformStack) => void): Synthesized {
  return synthWith((stack) => {
    new GoogleProvider(stack, 'google', { project: 'replay-test' });
  }, build);
}

/** The `${type.id.attr}` reference Terraform sees for an attribute of one resource. */
export function ref(type: string, logicalId: string, attr: string): string {
  return '${' + `${type}.${logicalId}.${attr}` + '}';
}

/** Logical id of the one resource of `type` whose `name` is `name`. */
export function idByName(tf: any, type: string, name: string): string {
  const ids = Object.entries(resources(tf, type))
    .filter(([, r]) => r.name === name)
    .map(([id]) => id);
  expect(ids).toHaveLength(1);
  return ids[0];
}

/**
 * Every output that could show key material to anyone who runs
 * `terraform output`: its value mentions one of the attributes, and it is
 * not marked sensitive.
 */
export function leakingOutputs(tf: any, secretAttribute: RegExp): string[] {
  return Object.entries<any>(tf.output ?? {})
    .filter(([, o]) => o.sensitive !== true && secretAttribute.test(JSON.stringify(o.value)))
    .map(([name]) => name);
}
