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
const SECRET = 'openreplay-object-storage';

const app = new App();
const stack = new TerraformStack(app, 'azure-openreplay');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
const storage = new Construct(stack, 'OpenReplay');
const inner = new Construct(storage, 'Storage');

/** Output `Name` becomes `openreplay_name` (construct id `Output_name`). */
const outputs: Record<string, string> = {};
function output(name: string, value: string, description: string, sensitive = false): void {
  const snake = name.replace(/[A-Z]/g, (c, i: number) => `${i ? '_' : ''}${c.toLowerCase()}`);
  new TerraformOutput(storage, `Output_${snake}`, { value, description, ...(sensitive ? { sensitive: true } : {}) }).overrideLogicalId(`openreplay_${snake}`);
  outputs[name] = `openreplay_${snake}`;
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
const containers = [
  ['recordings', 'mobs', 'private', true],
  ['assets', 'sessions-assets', 'blob', false],
  ['sourcemaps', 'sourcemaps', 'private', false],
  // No spots container: the library leaves it out on Azure by default.
] as const;
for (const [role, name, access, keep] of containers) {
  new StorageContainer(inner, `${role}Container`, {
    name,
    storageAccountId: account.id,
    containerAccessType: access,
    lifecycle: keep ? { preventDestroy: true } : undefined,
  });
}
const policyScope = new Construct(inner, 'Lifecycle');
new StorageManagementPolicy(policyScope, 'Policy', {
  storageAccountId: account.id,
  rule: [
    {
      name: 'delete-tagged-recordings',
      enabled: true,
      filters: {
        blobTypes: ['blockBlob'],
        prefixMatch: containers.map(([, name]) => `${name}/`),
        matchBlobIndexTag: [{ name: 'to_delete_in_days', operation: '==', value: '30' }],
      },
      actions: { baseBlob: { deleteAfterDaysSinceModificationGreaterThan: 30 } },
    },
  ],
});

const endpoint = Fn.trimsuffix(account.primaryBlobEndpoint, '/');
const assetsOrigin = `${endpoint}/sessions-assets`;
const secretEnv = `  existingSecret: ${SECRET}\n  secretEnv:\n    AZURE_ACCOUNT_KEY: azure-account-key\n`;
const subcharts = ['alerts', 'api', 'assets', 'canvases', 'chalice', 'images', 'integrations', 'sourcemapreader', 'spot', 'storage', 'utilities'];
const helmValues =
  `minio:\n  enabled: false\nglobal:\n  s3:\n    region: westeurope\n    endpoint: ${endpoint}\n    recordingsBucket: mobs\n    assetsBucket: sessions-assets\n` +
  `    sourcemapsBucket: sourcemaps\n    accessKey: ""\n    secretKey: ""\n  assetsOrigin: ${assetsOrigin}\n` +
  `  env:\n    SCH_DELETE_DAYS: "30"\n    CLOUD: azure\n    AZURE_ACCOUNT_NAME: ${ACCOUNT}\n` +
  subcharts.map((c) => `${c}:\n${secretEnv}`).join('');

output('RecordingsBucket', 'mobs', 'OpenReplay recordings bucket; feeds global.s3.recordingsBucket');
output('AssetsBucket', 'sessions-assets', 'OpenReplay assets bucket, readable anonymously; feeds global.s3.assetsBucket');
output('SourcemapsBucket', 'sourcemaps', 'OpenReplay sourcemaps bucket; feeds global.s3.sourcemapsBucket');
output('Region', 'westeurope', 'Region the backend signs requests for; feeds global.s3.region / aws.region');
output('Endpoint', endpoint, 'Storage endpoint the backend calls; feeds global.s3.endpoint');
output('AssetsOrigin', assetsOrigin, 'Browser URL of the assets bucket; feeds global.assetsOrigin');
output(
  'HelmValues',
  helmValues,
  'Helm values for the chart, as YAML; feeds helm upgrade -f values.yaml. For chart v1.27.0 and later; create the Kubernetes secret first (output openreplay_create_secret_command)',
);
output(
  'CreateSecretCommand',
  `terraform output -json 'openreplay_account_key' | jq '{apiVersion: "v1", kind: "Secret", type: "Opaque", metadata: {name: "${SECRET}", namespace: "app"}, stringData: ({"azure-account-key": .})}' | kubectl apply -f -`,
  'Creates the Kubernetes secret the Helm values read; the line holds no key itself; feeds the Kubernetes secret (run once per cluster)',
);
output('StorageAccountName', ACCOUNT, 'Storage account name; feeds AZURE_ACCOUNT_NAME (OpenReplay)');
output('BlobEndpoint', endpoint, "The storage account's primary Blob endpoint; feeds global.s3.endpoint (OpenReplay)");
output('AccountKey', account.primaryAccessKey, 'Storage account key; feeds Kubernetes secret (AZURE_ACCOUNT_KEY for OpenReplay)', true);
// The Metadata output names every output (itself first) and the Kubernetes secret.
output(
  'Metadata',
  JSON.stringify({
    schema: 'replay-storage/v1',
    product: 'openreplay',
    cloud: 'azure',
    outputs: { Metadata: 'openreplay_metadata', ...outputs },
    minimumChartVersion: 'v1.27.0',
    kubernetesSecret: { name: SECRET, namespace: 'app', keys: { 'azure-account-key': 'AccountKey' } },
  }),
  'replay-storage metadata (product, cloud, output names, Kubernetes secret), read by the replay-storage command; feeds replay-storage values and verify',
);

app.synth();
