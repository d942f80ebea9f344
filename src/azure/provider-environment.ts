import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { AZURE_ENDPOINT_SUFFIXES } from '../core/prefix';
import { isUnresolved } from '../core/tokens';

/**
 * The Blob endpoint suffix of the Azure cloud the stack's azurerm provider
 * targets (its `environment`), when one provider with a literal environment
 * (or none set, meaning public) is in the stack; undefined when it cannot be
 * known at synth (several providers, a token, a custom metadata host).
 */
export function azureEndpointSuffixOf(scope: IConstruct): string | undefined {
  const providers = TerraformStack.of(scope)
    .node.findAll()
    .filter((c): c is AzurermProvider => c instanceof AzurermProvider);
  if (providers.length !== 1) return providers.length === 0 ? AZURE_ENDPOINT_SUFFIXES.public : undefined;
  const [provider] = providers;
  if (provider.metadataHost !== undefined) return undefined;
  const environment = provider.environment ?? 'public';
  if (isUnresolved(environment)) return undefined;
  return AZURE_ENDPOINT_SUFFIXES[environment.toLowerCase()];
}
