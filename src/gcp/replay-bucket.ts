import { StorageBucket, StorageBucketLifecycleRule } from '@cdktf/provider-google/lib/storage-bucket';
import { Construct } from 'constructs';
import { CorsModel } from '../core/cors';
import { BrowserAccess, BucketRoleProfile } from '../core/roles';
import { gcsCors } from './gcs-cors';

/** Seconds in a day (lifecycle ages are days, retention periods seconds). */
const DAY_SECONDS = 86_400;

/** Everything one replay bucket is made of. */
export interface ReplayBucketSpec {
  readonly name: string;
  readonly location: string;
  /** The role decides public access and which data options apply. */
  readonly role: BucketRoleProfile;
  readonly cors: CorsModel;
  readonly forceDestroy: boolean;
  /** Applied only to buckets that hold recordings. */
  readonly versioned: boolean;
  readonly noncurrentVersionExpirationDays: number;
  /** Age-based delete of live objects; only on buckets that hold recordings. */
  readonly expirationDays?: number;
  /** Bucket retention policy; only on buckets that hold recordings. */
  readonly retentionPeriodDays?: number;
  readonly kmsKeyName?: string;
  readonly labels?: { [key: string]: string };
}

/**
 * One bucket with the safe defaults: uniform bucket-level access (no ACLs),
 * public access prevention `enforced` unless the role is read anonymously
 * (then `inherited`, so the `allUsers` binding can take effect), CORS for
 * the dashboard, and `force_destroy` only on request.
 */
export function createReplayBucket(scope: Construct, id: string, spec: ReplayBucketSpec): StorageBucket {
  const holdsRecordings = spec.role.holdsRecordings;
  const versioned = holdsRecordings && spec.versioned;
  const lifecycleRule: StorageBucketLifecycleRule[] = [];
  if (holdsRecordings && spec.expirationDays !== undefined) {
    lifecycleRule.push({ action: { type: 'Delete' }, condition: { age: spec.expirationDays } });
  }
  if (versioned) {
    lifecycleRule.push({ action: { type: 'Delete' }, condition: { daysSinceNoncurrentTime: spec.noncurrentVersionExpirationDays } });
  }
  const retention = holdsRecordings ? spec.retentionPeriodDays : undefined;

  return new StorageBucket(scope, id, {
    name: spec.name,
    location: spec.location,
    uniformBucketLevelAccess: true,
    publicAccessPrevention: spec.role.access === BrowserAccess.PUBLIC_READ ? 'inherited' : 'enforced',
    forceDestroy: spec.forceDestroy,
    cors: gcsCors(spec.cors),
    ...(versioned ? { versioning: { enabled: true } } : {}),
    ...(lifecycleRule.length > 0 ? { lifecycleRule } : {}),
    ...(retention !== undefined ? { retentionPolicy: { retentionPeriod: retention * DAY_SECONDS } } : {}),
    ...(spec.kmsKeyName !== undefined ? { encryption: { defaultKmsKeyName: spec.kmsKeyName } } : {}),
    ...(spec.labels !== undefined ? { labels: { ...spec.labels } } : {}),
  });
}
