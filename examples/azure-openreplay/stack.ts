import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { OpenReplayStorage } from 'replay-storage/lib/azure';

/** Azure Blob storage for a self-hosted OpenReplay (enterprise build). */
export class AzureOpenReplayStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Credentials and subscription come from the environment (az login, ARM_SUBSCRIPTION_ID).
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    new OpenReplayStorage(this, 'OpenReplay', {
      // Globally unique: pick your own.
      storageAccountName: 'openreplaydemo4711',
      location: 'westeurope',
      dashboardOrigins: ['https://openreplay.example.com'],
    });
  }
}
