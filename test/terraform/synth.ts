import { AnnotationMetadataEntryType, TerraformStack, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';

Testing.setupJest();

/** One synthesized stack: the JSON text for the matchers and the parsed config. */
export interface Synthesized {
  readonly stack: TerraformStack;
  readonly json: string;
  readonly tf: any;
}

/** Synthesizes a stack with the given provider and whatever `build` adds. */
export function synthWith(provider: (stack: TerraformStack) => void, build: (stack: TerraformStack) => void): Synthesized {
  const stack = new TerraformStack(Testing.app(), 'test');
  provider(stack);
  build(stack);
  const json = Testing.synth(stack);
  return { stack, json, tf: JSON.parse(json) };
}

/** Resources of one type, keyed by logical id. */
export function resources(tf: any, type: string): Record<string, any> {
  return tf.resource?.[type] ?? {};
}

/** Warning messages anywhere in the construct tree. */
export function warnings(stack: TerraformStack): string[] {
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === AnnotationMetadataEntryType.WARN)
    .map((m) => String(m.data));
}
