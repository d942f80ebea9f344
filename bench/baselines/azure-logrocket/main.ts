/**
 * Baseline for examples/azure-logrocket: the same cdk.tf.json written with
 * plain cdktf and @cdktf/provider-azurerm resources (deep imports) and
 * literal output values, no replay-storage code. Construct ids match the
 * example.
 */
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { App, Fn, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

const ACCOUNT = 'logrocketdemo4711';
const CONTAINER = 'logrocket-user-files';

const app = new App();
const stack = new TerraformStack(app, 'azure-logrocket');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
const storage = new Construct(stack, 'LogRocket');
const inner = new Construct(storage, 'Storage');

function output(name: string, value: string, description: string, sensitive = false): void {
  new TerraformOutput(storage, `Output_${name}`, { value, description, ...(sensitive ? { sensitive: true } : {}) }).overrideLogicalId(`logrocket_${name}`);
}

const group = new ResourceGroup(inner, 'ResourceGroup', { name: `rg-${ACCOUNT}`, location: 'westeurope' });
const account = new StorageAccount(inner, 'Account', {
  name: ACCOUNT,
  resourceGroupName: group.name,
  location: 'westeurope',
  accountKind: 'StorageV2',
  accountTier: 'Standard',
  accountReplicationType: 'LRS',
  accessTier: 'Hot',
  httpsTrafficOnlyEnabled: true,
  minTlsVersion: 'TLS1_2',
  sharedAccessKeyEnabled: true,
  allowNestedItemsToBePublic: true,
  publicNetworkAccessEnabled: true,
  crossTenantReplicationEnabled: false,
  blobProperties: {
    corsRule: [
      {
        allowedOrigins: ['https://logrocket.example.com'],
        allowedMethods: ['GET', 'HEAD', 'OPTIONS'],
        allowedHeaders: ['*'],
        exposedHeaders: ['ETag', 'Content-Length', 'Content-Type', 'Content-Range'],
        maxAgeInSeconds: 3600,
      },
    ],
    deleteRetentionPolicy: { days: 7 },
    containerDeleteRetentionPolicy: { days: 7 },
  },
  lifecycle: { preventDestroy: true },
});
new StorageContainer(inner, 'userFilesContainer', {
  name: CONTAINER,
  storageAccountId: account.id,
  containerAccessType: 'blob',
  lifecycle: { preventDestroy: true },
});

const endpoint = Fn.trimsuffix(account.primaryBlobEndpoint, '/');
output('replay_prefix', `${endpoint}/${CONTAINER}/`, 'Browser URL prefix of async-uploaded assets (derived by the chart)');
output('helm_values', `fileStorage:\n  buckets:\n    userFiles: ${CONTAINER}\nbackendIngest:\n  enabled: true\n`, 'Helm values for the LogRocket chart');
output('user_files_bucket', CONTAINER, 'userFiles container (fileStorage.buckets.userFiles)');
output('storage_account_name', ACCOUNT, 'Storage account name');
output('blob_endpoint_suffix', Fn.trimprefix(account.primaryBlobHost, `${ACCOUNT}.blob.`), "Blob endpoint suffix of the storage account's cloud");
output('account_key', account.primaryAccessKey, 'Storage account key', true);

app.synth();
