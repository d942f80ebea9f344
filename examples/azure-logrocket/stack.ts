import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { LogRocketStorage } from 'replay-storage/lib/azure';

/** Azure Blob storage for LogRocket self-hosted (userFiles and async mobile upload). */
export class AzureLogRocketStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Credentials and subscription come from the environment (az login, ARM_SUBSCRIPTION_ID).
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    new LogRocketStorage(this, 'LogRocket', {
      // Globally unique: pick your own.
      storageAccountName: 'logrocketdemo4711',
      location: 'westeurope',
      userFilesBucketName: 'logrocket-user-files',
      dashboardOrigins: ['https://logrocket.example.com'],
    });
  }
}
