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

/** Output `Name` becomes `logrocket_name` (construct id `Output_name`). */
const outputs: Record<string, string> = {};
function output(name: string, value: string, description: string, sensitive = false): void {
  const snake = name.replace(/[A-Z]/g, (c, i: number) => `${i ? '_' : ''}${c.toLowerCase()}`);
  new TerraformOutput(storage, `Output_${snake}`, { value, description, ...(sensitive ? { sensitive: true } : {}) }).overrideLogicalId(`logrocket_${snake}`);
  outputs[name] = `logrocket_${snake}`;
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
  infrastructureEncryptionEnabled: true,
  localUserEnabled: false,
  sasPolicy: { expirationPeriod: '1.00:00:00', expirationAction: 'Log' },
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
output(
  'ReplayPrefix',
  `${endpoint}/${CONTAINER}/`,
  'Replay asset prefix the chart derives (browser URL before the asset hash); feeds nothing: the chart derives it; never list it in cachedAssetPrefixes',
);
output('HelmValues', `fileStorage:\n  buckets:\n    userFiles: ${CONTAINER}\nbackendIngest:\n  enabled: true\n`, 'Helm values for the chart, as YAML; feeds helm upgrade -f values.yaml');
output('UserFilesBucket', CONTAINER, 'LogRocket userFiles bucket; feeds fileStorage.buckets.userFiles');
output(
  'StorageAccountName',
  ACCOUNT,
  'Storage account name; feeds AZURE_ACCOUNT_NAME (OpenReplay). Not a documented chart key: configure it where your install expects it',
);
output(
  'BlobEndpointSuffix',
  Fn.trimprefix(account.primaryBlobHost, `${ACCOUNT}.blob.`),
  "Blob endpoint suffix of the storage account's cloud; feeds sovereign-cloud URL checks",
);
output('AccountKey', account.primaryAccessKey, 'Storage account key; feeds Kubernetes secret (AZURE_ACCOUNT_KEY for OpenReplay)', true);
// The Metadata output names every output, itself first.
output(
  'Metadata',
  JSON.stringify({ schema: 'replay-storage/v1', product: 'logrocket', cloud: 'azure', outputs: { Metadata: 'logrocket_metadata', ...outputs } }),
  'replay-storage metadata (product, cloud, output names, Kubernetes secret), read by the replay-storage command; feeds replay-storage values and verify',
);

app.synth();
