/**
 * Baseline for examples/azure-openreplay: the same cdk.tf.json written with
 * plain cdktf and @cdktf/provider-azurerm resources (deep imports) and
 * literal output values, no replay-storage code. Construct ids match the
 * example.
 */
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { StorageManagementPolicy } from '@cdktf/provider-azurerm/lib/storage-management-policy';
import { App, Fn, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

const ACCOUNT = 'openreplaydemo4711';
const SECRET = 'openreplay-azure-storage';

const app = new App();
const stack = new TerraformStack(app, 'azure-openreplay');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
const storage = new Construct(stack, 'OpenReplay');
const inner = new Construct(storage, 'Storage');

function output(name: string, value: string, description: string, sensitive = false): void {
  new TerraformOutput(storage, `Output_${name}`, { value, description, ...(sensitive ? { sensitive: true } : {}) }).overrideLogicalId(`openreplay_${name}`);
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
        allowedOrigins: ['https://openreplay.example.com'],
        allowedMethods: ['GET', 'OPTIONS'],
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
for (const [role, name, access, keep] of [
  ['recordings', 'mobs', 'private', true],
  ['assets', 'sessions-assets', 'blob', false],
  ['sourcemaps', 'sourcemaps', 'private', false],
  ['spots', 'spots', 'private', true],
] as const) {
  new StorageContainer(inner, `${role}Container`, {
    name,
    storageAccountId: account.id,
    containerAccessType: access,
    lifecycle: keep ? { preventDestroy: true } : undefined,
  });
}
const policyScope = new Construct(storage, 'TaggedDeletion');
new StorageManagementPolicy(policyScope, 'Policy', {
  storageAccountId: account.id,
  rule: [
    {
      name: 'delete-tagged-recordings',
      enabled: true,
      filters: { blobTypes: ['blockBlob'], matchBlobIndexTag: [{ name: 'to_delete_in_days', operation: '==', value: '7' }] },
      actions: { baseBlob: { deleteAfterDaysSinceModificationGreaterThan: 7 } },
    },
  ],
});

const endpoint = Fn.trimsuffix(account.primaryBlobEndpoint, '/');
const assetsOrigin = `${endpoint}/sessions-assets`;
const secretEnv = `  existingSecret: ${SECRET}\n  secretEnv:\n    AZURE_ACCOUNT_KEY: azure-account-key\n`;
const subcharts = ['alerts', 'api', 'assets', 'canvases', 'chalice', 'http', 'images', 'integrations', 'sourcemapreader', 'spot', 'storage'];
const helmValues =
  `minio:\n  enabled: false\nglobal:\n  s3:\n    region: westeurope\n    endpoint: ${endpoint}\n    recordingsBucket: mobs\n    assetsBucket: sessions-assets\n` +
  `    sourcemapsBucket: sourcemaps\n    spotsBucket: spots\n    accessKey: ""\n    secretKey: ""\n  assetsOrigin: ${assetsOrigin}\n` +
  `  env:\n    CLOUD: azure\n    AZURE_ACCOUNT_NAME: ${ACCOUNT}\n    SCH_DELETE_DAYS: "7"\n` +
  subcharts.map((c) => `${c}:\n${secretEnv}`).join('');

output('recordings_bucket', 'mobs', 'OpenReplay recordings container (global.s3.recordingsBucket)');
output('assets_bucket', 'sessions-assets', 'OpenReplay assets container (global.s3.assetsBucket)');
output('sourcemaps_bucket', 'sourcemaps', 'OpenReplay sourcemaps container (global.s3.sourcemapsBucket)');
output('spots_bucket', 'spots', 'OpenReplay spots container (global.s3.spotsBucket)');
output('region', 'westeurope', 'Azure region of the storage account (global.s3.region)');
output('endpoint', endpoint, 'Blob endpoint (global.s3.endpoint)');
output('assets_origin', assetsOrigin, 'Browser URL of the assets container (global.assetsOrigin)');
output('helm_values', helmValues, 'Helm values for the OpenReplay chart (v1.9 and later, enterprise build)');
output('storage_account_name', ACCOUNT, 'Storage account name (AZURE_ACCOUNT_NAME)');
output('blob_endpoint', endpoint, "The storage account's primary Blob endpoint");
output('account_key', account.primaryAccessKey, 'Storage account key (AZURE_ACCOUNT_KEY)', true);
output(
  'create_secret_command',
  `kubectl create secret generic ${SECRET} --namespace app --from-literal=azure-account-key="$(terraform output -raw openreplay_account_key)"`,
  'Creates the Kubernetes secret the Helm values reference; run it where \'terraform output\' works for this stack',
);

app.synth();
