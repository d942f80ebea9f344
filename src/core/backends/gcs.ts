import { validateGcsBucketName } from '../validation/gcs-bucket-name';
import { gcsDottedNameWarning, validateGcsDottedBucketName } from '../validation/gcs-dotted-bucket-name';
import { WARNING_IDS } from '../warnings';
import type { StorageBackend } from './storage-backend';

/** Google Cloud Storage (OpenReplay reaches it through its S3-compatible API). */
export const GCS_BACKEND: StorageBackend = {
  kind: 'gcs',
  cloud: 'gcp',
  bucketNoun: 'bucket',
  validateBucketName: (prop, name) => {
    validateGcsBucketName(prop, name);
    validateGcsDottedBucketName(prop, name);
  },
  bucketNameWarning: (prop, name) => {
    const message = gcsDottedNameWarning(prop, name);
    return message ? { id: WARNING_IDS.dottedBucketName, message } : undefined;
  },
  // Bucket names are global and the Terraform resource needs one.
  unsetName: 'required',
  // Lifecycle conditions are age, prefix, suffix, class and versions; no tags.
  hasObjectTags: false,
  // Cloud Storage has an AbortIncompleteMultipartUpload action, but the
  // S3-compatible XML API's multipart uploads are the only ones it applies to;
  // the backend reaches GCS that way, so it is rendered there too.
  abortsIncompleteUploads: true,
  corsListsPreflight: false,
  corsPerBucket: true,
};
