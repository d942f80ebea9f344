/**
 * Azure conformance: the Azure examples' synthesized cdk.tf.json (CORS rules
 * of the storage account's Blob service, container access types) applied to
 * Azurite, then `verify` and Chromium against it, per the shared matrix.
 * Azurite does not model https_traffic_only_enabled, min_tls_version,
 * network rules or lifecycle management; those are checked in test/azure.
 */
import { AppliedAccount, applyAzure, blobSasUrl, serviceClient, uploadBlob } from './apply/azure';
import { Azurite, startAzurite } from './harness/azurite';
import { DashboardBrowser } from './harness/browser';
import { CHROMIUM, missingBinaries } from './harness/system';
import { OTHER_ORIGIN, PRODUCTS, ProductCase } from './matrix';
import { defineScenarioSuite, EmulatedCloud } from './scenarios';
import { terraformOutputJson } from '../cli/support/deployed-outputs';
import { onlyStack, synthExample } from '../cli/support/examples';

const documents = new Map(PRODUCTS.map((p) => [p.product, onlyStack(synthExample(p.examples.azure)).doc]));
let azurite: Azurite | undefined;
let browser: DashboardBrowser | undefined;
const applied = new Map<string, AppliedAccount>();

beforeAll(async () => {
  const names = [...documents.values()].flatMap((tf) => Object.values<any>(tf.resource.azurerm_storage_account).map((a) => a.name as string));
  const launching = missingBinaries([CHROMIUM], '') ? undefined : DashboardBrowser.launch([...PRODUCTS.map((p) => p.dashboardOrigin), OTHER_ORIGIN]);
  [azurite, browser] = await Promise.all([startAzurite(names), launching]);
}, 30_000);

afterAll(async () => {
  await Promise.all([azurite?.stop(), browser?.stop()]);
});

/** The one storage account of a product's example, as Azurite serves it. */
function accountOf(p: ProductCase): { id: string; name: string } {
  const [[id, account]] = Object.entries<any>(documents.get(p.product).resource.azurerm_storage_account);
  return { id, name: account.name };
}

const azure: EmulatedCloud = {
  cloud: 'azure',
  document: (p) => documents.get(p.product),
  outputsFile(p) {
    const { id, name } = accountOf(p);
    // What `terraform output -json` prints once the account exists; here the account is Azurite's.
    return terraformOutputJson(documents.get(p.product), {
      [`azurerm_storage_account.${id}`]: {
        primary_blob_endpoint: azurite!.blobEndpoint(name),
        primary_blob_host: `127.0.0.1:${azurite!.port}`,
        primary_access_key: azurite!.accounts[name],
      },
    });
  },
  async apply(p, doc) {
    for (const [id, account] of Object.entries(await applyAzure(doc, azurite!))) applied.set(`${p.product}:${id}`, account);
  },
  async seed(p, container, objects) {
    const client = serviceClient(azurite!, accountOf(p).name).getContainerClient(container);
    for (const o of objects) await uploadBlob(client, o.key, o.body, o.contentType);
  },
  // The backend holds the account key (output AccountKey) and signs blob SAS URLs with it.
  signedGetUrl: async (p, container, key) => blobSasUrl(applied.get(`${p.product}:${accountOf(p).id}`)!, container, key, 'r'),
  signedPutUrl: async (p, container, key) => blobSasUrl(applied.get(`${p.product}:${accountOf(p).id}`)!, container, key, 'cw'),
  planOptions: () => ({}),
  cliFlags: () => [],
  uploadStatus: '201',
};

describe('Azure Blob (Azurite)', () => {
  test('the examples name their storage accounts, and Azurite serves each', () => {
    for (const p of PRODUCTS) expect(azurite!.accounts[accountOf(p).name]).toBeDefined();
  });

  defineScenarioSuite(azure, { browser: () => browser });
});
