import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BrowserAccess } from '../core';

/**
 * Block Public Access for the one bucket browsers read anonymously: ACLs stay
 * blocked and ignored, so a bucket policy is the only way in.
 */
export const POLICY_ONLY_PUBLIC_ACCESS = new s3.BlockPublicAccess({
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: false,
  restrictPublicBuckets: false,
});

/** Block Public Access settings for a bucket with the given browser access. */
export function blockPublicAccessFor(access: BrowserAccess): s3.BlockPublicAccess {
  return access === BrowserAccess.PUBLIC_READ ? POLICY_ONLY_PUBLIC_ACCESS : s3.BlockPublicAccess.BLOCK_ALL;
}

/**
 * Lets anyone GET objects by unsigned URL (`s3:GetObject` on `<arn>/*`).
 * Nothing else: no listing, no bucket-level action, no write.
 */
export function allowAnonymousObjectRead(bucket: s3.IBucket): void {
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AnonymousObjectRead',
      effect: iam.Effect.ALLOW,
      principals: [new iam.StarPrincipal()],
      actions: ['s3:GetObject'],
      resources: [bucket.arnForObjects('*')],
    }),
  );
}
