import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Duration } from 'aws-cdk-lib/core';
import type { LifecycleModel } from '../core/lifecycle';

/** Maps the cloud-neutral lifecycle model to S3 lifecycle rules, one per purpose. */
export function toS3LifecycleRules(model: LifecycleModel): s3.LifecycleRule[] {
  const rules: s3.LifecycleRule[] = [];
  if (model.tagExpiry) {
    rules.push({
      id: `expire-tagged-${model.tagExpiry.key}`,
      tagFilters: { [model.tagExpiry.key]: model.tagExpiry.value },
      expiration: Duration.days(model.tagExpiry.days),
    });
  }
  if (model.expirationDays !== undefined) rules.push({ id: 'expire-by-age', expiration: Duration.days(model.expirationDays) });
  if (model.noncurrentVersionExpirationDays !== undefined) {
    rules.push({ id: 'expire-noncurrent-versions', noncurrentVersionExpiration: Duration.days(model.noncurrentVersionExpirationDays) });
  }
  if (model.abortIncompleteUploadDays !== undefined) {
    rules.push({ id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(model.abortIncompleteUploadDays) });
  }
  return rules;
}
