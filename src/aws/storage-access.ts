import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';

/** What the backend may do, and where. */
export interface StorageAccess {
  /** The only buckets it can reach. */
  readonly buckets: s3.IBucket[];
  /** Object-level actions, granted on `<bucket arn>/*`. */
  readonly objectActions: readonly string[];
  /** Bucket-level actions, granted on the bucket ARNs. */
  readonly bucketActions: readonly string[];
}

/**
 * The backend's grants, the same for a key and for a role: exactly the
 * given actions (no `*` action) on exactly the given buckets.
 */
export function storageAccessStatements(access: StorageAccess): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      sid: 'ObjectAccess',
      effect: iam.Effect.ALLOW,
      actions: [...access.objectActions],
      resources: access.buckets.map((b) => b.arnForObjects('*')),
    }),
    new iam.PolicyStatement({
      sid: 'BucketAccess',
      effect: iam.Effect.ALLOW,
      actions: [...access.bucketActions],
      resources: access.buckets.map((b) => b.bucketArn),
    }),
  ];
}
