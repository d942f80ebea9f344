import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { AnnotationMetadataEntryType, TerraformStack, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';

Testing.setupJest();

/** One synthesized stack: the JSON text for the matchers and the parsed config. */
export interface Synthesized {
  readonly stack: TerraformStack;
  readonly json: string;
  readonly tf: any;
}

/** Synthesizes a stack with a google provider and whatever `build` adds. */
export function synthGcp(build: (stack: TerraformStack) => void): Synthesized {
  const stack = new TerraformStack(Testing.app(), 'test');
  new GoogleProvider(stack, 'google', { project: 'replay-test' });
  build(stack);
  const json = Testing.synth(stack);
  return { stack, json, tf: JSON.parse(json) };
}

/** Resources of one type, keyed by logical id. */
export function resources(tf: any, type: string): Record<string, any> {
  return tf.resource?.[type] ?? {};
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

/** Warning messages anywhere in the construct tree. */
export function warnings(stack: TerraformStack): string[] {
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === AnnotationMetadataEntryType.WARN)
    .map((m) => String(m.data));
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
