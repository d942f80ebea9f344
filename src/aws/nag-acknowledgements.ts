import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Stack, Validations } from 'aws-cdk-lib/core';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag `AwsSolutions` findings that are the design of these constructs,
 * acknowledged where they arise (aws-cdk-lib's `Validations`, which cdk-nag
 * reads), each with its reason, so users write none.
 */
export const NAG_REASONS = {
  publicAssets:
    'Browsers load replay assets by unsigned URL: a bucket policy grants anonymous s3:GetObject on objects only; ACLs stay blocked and listing is never allowed.',
  objectActions:
    'Object-level actions must name the objects of this one bucket (<bucket arn>/*); the actions are listed one by one, with no action wildcard.',
  staticKey:
    "The secret holds a static IAM access key that the chart reads from a Kubernetes secret; Secrets Manager cannot rotate an IAM user's key. Rotate it by raising 'accessKeySerial' and re-creating the Kubernetes secret.",
} as const;

/** The bucket is public on purpose (objects only). */
export function acknowledgePublicBucket(bucket: s3.IBucket): void {
  Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S2', reason: NAG_REASONS.publicAssets });
  Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S5', reason: NAG_REASONS.publicAssets });
}

/** Object-level grants on `<bucket arn>/*` of the construct's own buckets. */
export function acknowledgeObjectWildcards(policyScope: IConstruct, buckets: readonly s3.IBucket[]): void {
  const stack = Stack.of(policyScope);
  for (const bucket of buckets) {
    const logicalId = stack.resolve(stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket)) as string;
    Validations.of(policyScope).acknowledge({ id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/*]`, reason: NAG_REASONS.objectActions });
  }
}

/** A secret that holds a static key Secrets Manager cannot rotate. */
export function acknowledgeStaticKeySecret(secret: IConstruct): void {
  Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: NAG_REASONS.staticKey });
}
