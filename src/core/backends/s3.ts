import { s3DottedNameWarning, validateS3BucketName } from '../validation/s3-bucket-name';
import { WARNING_IDS } from '../warnings';
import type { StorageBackend } from './storage-backend';

/** Amazon S3. */
export const S3_BACKEND: StorageBackend = {
  kind: 's3',
  cloud: 'aws',
  bucketNoun: 'bucket',
  validateBucketName: validateS3BucketName,
  bucketNameWarning: (prop, name) => {
    const message = s3DottedNameWarning(prop, name);
    return message ? { id: WARNING_IDS.dottedBucketName, message } : undefined;
  },
  unsetName: 'generated',
  hasObjectTags: true,
  abortsIncompleteUploads: true,
  // S3 answers the preflight for any method a rule lists.
  corsListsPreflight: false,
  corsPerBucket: true,
};
