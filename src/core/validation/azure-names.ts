import { fail } from '../errors';
import { isUnresolved } from '../tokens';

/**
 * Azure storage account naming rules (the name is a global DNS label).
 * @see https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftstorage
 */
export function validateAzureStorageAccountName(prop: string, name: string | undefined): void {
  if (name === undefined || isUnresolved(name)) return;
  const fix = 'Use 3-24 lowercase letters and digits, unique across Azure.';
  if (name.length < 3 || name.length > 24) fail(prop, 'between 3 and 24 characters long', name, fix);
  if (!/^[a-z0-9]+$/.test(name)) fail(prop, 'made of lowercase letters and digits only', name, fix);
}

/**
 * Azure Blob container naming rules.
 * @see https://learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata#container-names
 */
export function validateAzureContainerName(prop: string, name: string | undefined): void {
  if (name === undefined || isUnresolved(name)) return;
  const fix = 'Use 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.';
  if (name.length < 3 || name.length > 63) fail(prop, 'between 3 and 63 characters long', name, fix);
  if (!/^[a-z0-9-]+$/.test(name)) fail(prop, 'made of lowercase letters, digits and hyphens only', name, fix);
  if (!/^[a-z0-9].*[a-z0-9]$/.test(name)) fail(prop, 'a name that starts and ends with a letter or digit', name, fix);
  if (name.includes('--')) fail(prop, 'free of consecutive hyphens', name, fix);
}

/**
 * OpenReplay's chart treats any storage endpoint whose host contains
 * `minio` as its bundled MinIO and rewrites it to the cluster's public
 * domain (`openreplay.s3Endpoint` in
 * `scripts/helmcharts/openreplay/templates/_helpers.tpl`), so an account
 * named so would be unreachable.
 */
export function validateAzureAccountForOpenReplay(prop: string, name: string | undefined): void {
  if (name === undefined || isUnresolved(name) || !name.includes('minio')) return;
  fail(prop, "a name without 'minio'", name, "OpenReplay's chart mistakes such an endpoint for its bundled MinIO; pick another account name.");
}
