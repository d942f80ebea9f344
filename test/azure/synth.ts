import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import type { TerraformStack } from 'cdktf';
import { synthWith, type Synthesized } from '../terraform/synth';

export { resources, warnings, type Synthesized } from '../terraform/synth';

/** Synthesizes a stack with an azurerm provider and whatever `build` adds. */
export function synthAzure(build: (stack: TerraformStack) => void): Synthesized {
  return synthWith((stack) => {
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
  }, build);
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
