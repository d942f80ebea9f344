import type { StorageBackend } from './storage-backend';
import { validateAzureContainerName } from '../validation/azure-names';

/** Azure Blob Storage: containers inside one storage account. */
export const AZURE_BLOB_BACKEND: StorageBackend = {
  kind: 'azure-blob',
  cloud: 'azure',
  bucketNoun: 'container',
  validateBucketName: validateAzureContainerName,
  bucketNameWarning: () => undefined,
  // Container names are scoped to the account: the chart's names are safe.
  unsetName: 'chart-default',
  // Blob index tags, matched by lifecycle management `blobIndexMatch`.
  hasObjectTags: true,
  // Uncommitted blocks are garbage-collected by the service after 7 days.
  abortsIncompleteUploads: false,
  // The Blob service CORS rule must list OPTIONS for the preflight.
  corsListsPreflight: true,
  // Blob service limit: allowed origins per CORS rule.
  maxCorsOrigins: 64,
  // CORS is a Blob service (account) setting.
  corsPerBucket: false,
  // ee/backend/pkg/objectstorage/azure/azure.go GetPreSignedUploadUrl signs the blob
  // but returns https://<account>.blob.core.windows.net/?<sas>, without container
  // or blob, and GetPreSignedDownloadUrl is not implemented.
  spotsBroken:
    "the enterprise build's Azure client returns spot upload URLs without the container and blob path, and cannot sign spot downloads " +
    '(ee/backend/pkg/objectstorage/azure/azure.go)',
};
