import { StorageBucket, type StorageBucketLifecycleRule } from '@cdktf/provider-google/lib/storage-bucket';
import type { Construct } from 'constructs';
import { gcsCors } from './gcs-cors';
import type { CorsModel } from '../core/cors';
import type { LifecycleModel } from '../core/lifecycle';
import { BrowserAccess } from '../core/roles';

/** Seconds in a day (lifecycle ages are days, retention periods seconds). */
const DAY_SECONDS = 86_400;

/** Everything one replay bucket is made of. */
export interface ReplayBucketSpec {
  readonly name: string;
  readonly location: string;
  readonly access: BrowserAccess;
  readonly cors: CorsModel;
  readonly forceDestroy: boolean;
  readonly versioned: boolean;
  readonly lifecycle: LifecycleModel;
  /** Bucket retention policy, in days. */
  readonly retentionPeriodDays?: number;
  readonly kmsKeyName?: string;
  readonly labels?: { [key: string]: string };
}

/** Maps the cloud-neutral lifecycle model to Cloud Storage lifecycle rules (no tags on GCS). */
export function toGcsLifecycleRules(model: LifecycleModel): StorageBucketLifecycleRule[] {
  const rules: StorageBucketLifecycleRule[] = [];
  if (model.expirationDays !== undefined) rules.push({ action: { type: 'Delete' }, condition: { age: model.expirationDays } });
  if (model.noncurrentVersionExpirationDays !== undefined) {
    rules.push({ action: { type: 'Delete' }, condition: { daysSinceNoncurrentTime: model.noncurrentVersionExpirationDays } });
  }
  if (model.abortIncompleteUploadDays !== undefined) {
    rules.push({ action: { type: 'AbortIncompleteMultipartUpload' }, condition: { age: model.abortIncompleteUploadDays } });
  }
  return rules;
}

/**
 * One bucket with the safe defaults: uniform bucket-level access (no ACLs),
 * public access prevention `enforced` unless the role is read anonymously
 * (then `inherited`, so the `allUsers` binding can take effect), CORS and
 * lifecycle from the model, and `force_destroy` only on request.
 */
export function createReplayBucket(scope: Construct, id: string, spec: ReplayBucketSpec): StorageBucket {
  const lifecycleRule = toGcsLifecycleRules(spec.lifecycle);
  return new StorageBucket(scope, id, {
    name: spec.name,
    location: spec.location,
    uniformBucketLevelAccess: true,
    publicAccessPrevention: spec.access === BrowserAccess.PUBLIC_READ ? 'inherited' : 'enforced',
    forceDestroy: spec.forceDestroy,
    cors: gcsCors(spec.cors),
    ...(spec.versioned ? { versioning: { enabled: true } } : {}),
    ...(lifecycleRule.length > 0 ? { lifecycleRule } : {}),
    ...(spec.retentionPeriodDays !== undefined ? { retentionPolicy: { retentionPeriod: spec.retentionPeriodDays * DAY_SECONDS } } : {}),
    ...(spec.kmsKeyName !== undefined ? { encryption: { defaultKmsKeyName: spec.kmsKeyName } } : {}),
    ...(spec.labels !== undefined ? { labels: { ...spec.labels } } : {}),
  });
}
