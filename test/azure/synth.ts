import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AnnotationMetadataEntryType, TerraformStack, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';

Testing.setupJest();

/** One synthesized stack: the JSON text for the matchers and the parsed config. */
export interface Synthesized {
  readonly stack: TerraformStack;
  readonly json: string;
  readonly tf: any;
}

/** Synthesizes a stack with an azurerm provider and whatever `build` adds. */
export function synthAzure(build: (stack: TerraformStack) => void): Synthesized {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
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

/**
 * Renders an output value the way Terraform would once the account exists,
 * for the two functions the constructs use on account attributes.
 */
export function renderWithAccount(value: string, attrs: { primary_blob_endpoint: string; primary_blob_host: string }): string {
  return value.replace(/\$\{(trimsuffix|trimprefix)\(azurerm_storage_account\.\w+\.(primary_blob_endpoint|primary_blob_host), "([^"]*)"\)\}/g, (_m, fn: string, attr: string, arg: string) => {
    const v = attrs[attr as keyof typeof attrs];
    if (fn === 'trimsuffix') return v.endsWith(arg) ? v.slice(0, v.length - arg.length) : v;
    return v.startsWith(arg) ? v.slice(arg.length) : v;
  });
}
