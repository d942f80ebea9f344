/**
 * Applies what a synthesized cdk.tf.json says about access to Azurite: the
 * Blob service CORS rules of each `azurerm_storage_account` and the access
 * type of each `azurerm_storage_container`, exactly as written there.
 */
import {
  BlobSASPermissions,
  BlobServiceClient,
  ContainerClient,
  generateBlobSASQueryParameters,
  PublicAccessType,
  SASProtocol,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import type { Azurite } from '../harness/azurite';

/** What was applied: account resource name -> account and its containers. */
export interface AppliedAccount {
  readonly name: string;
  readonly key: string;
  readonly endpoint: string;
  readonly containers: Record<string, PublicAccessType | 'private'>;
}

function accountOfContainer(storageAccountId: string): string {
  const m = /^\$\{azurerm_storage_account\.(\w+)\.id\}$/.exec(storageAccountId);
  if (!m) throw new Error(`container storage_account_id is not a reference to an account in this stack: ${storageAccountId}`);
  return m[1];
}

function accessType(value: string | undefined): PublicAccessType | 'private' {
  switch (value ?? 'private') {
    case 'private':
      return 'private';
    case 'blob':
      return 'blob';
    case 'container':
      return 'container';
    default:
      throw new Error(`unknown container_access_type ${value}`);
  }
}

export function serviceClient(azurite: Azurite, account: string): BlobServiceClient {
  const key = azurite.accounts[account];
  if (!key) throw new Error(`Azurite was not started with account ${account}`);
  return new BlobServiceClient(azurite.blobEndpoint(account), new StorageSharedKeyCredential(account, key));
}

/** Makes Azurite match the document's CORS rules and container access types. */
export async function applyAzure(tf: any, azurite: Azurite): Promise<Record<string, AppliedAccount>> {
  const accounts = tf.resource?.azurerm_storage_account ?? {};
  const containers = tf.resource?.azurerm_storage_container ?? {};
  const applied: Record<string, AppliedAccount> = {};
  for (const [id, account] of Object.entries<any>(accounts)) {
    const service = serviceClient(azurite, account.name);
    const rules: any[] = account.blob_properties?.cors_rule ?? [];
    await service.setProperties({
      cors: rules.map((r) => ({
        allowedOrigins: r.allowed_origins.join(','),
        allowedMethods: r.allowed_methods.join(','),
        allowedHeaders: r.allowed_headers.join(','),
        exposedHeaders: r.exposed_headers.join(','),
        maxAgeInSeconds: r.max_age_in_seconds,
      })),
    });
    const mine: Record<string, PublicAccessType | 'private'> = {};
    for (const c of Object.values<any>(containers).filter((container) => accountOfContainer(container.storage_account_id) === id)) {
      const access = accessType(c.container_access_type);
      if (access !== 'private' && account.allow_nested_items_to_be_public === false) {
        // Azure refuses a public container in such an account; so does this.
        throw new Error(`container ${c.name} asks for '${access}' access but account ${account.name} sets allow_nested_items_to_be_public = false`);
      }
      const client = service.getContainerClient(c.name);
      await client.createIfNotExists();
      await client.setAccessPolicy(access === 'private' ? undefined : access);
      mine[c.name] = access;
    }
    applied[id] = { name: account.name, key: azurite.accounts[account.name], endpoint: azurite.blobEndpoint(account.name), containers: mine };
  }
  return applied;
}

export async function uploadBlob(container: ContainerClient, name: string, body: Buffer | string, contentType: string): Promise<void> {
  const data = typeof body === 'string' ? Buffer.from(body) : body;
  await container.getBlockBlobClient(name).upload(data, data.length, { blobHTTPHeaders: { blobContentType: contentType } });
}

/** A blob SAS URL signed with the account key, as a backend holding the key signs it. */
export function blobSasUrl(account: AppliedAccount, container: string, blob: string, permissions: string): string {
  const now = Date.now();
  const sas = generateBlobSASQueryParameters(
    {
      containerName: container,
      blobName: blob,
      permissions: BlobSASPermissions.parse(permissions),
      startsOn: new Date(now - 60_000),
      expiresOn: new Date(now + 15 * 60_000),
      protocol: SASProtocol.HttpsAndHttp,
    },
    new StorageSharedKeyCredential(account.name, account.key),
  ).toString();
  return `${account.endpoint}${container}/${blob.split('/').map(encodeURIComponent).join('/')}?${sas}`;
}
