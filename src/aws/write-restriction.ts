import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { WriteRestriction } from './write-restriction-props';

/**
 * Denies `s3:PutObject` to requests that come neither through the allowed VPC
 * endpoints nor from the allowed source IPs (the two conditions of one Deny
 * statement must both hold, so either network is enough to write).
 */
export function denyWritesOutside(bucket: s3.IBucket, restriction: WriteRestriction): void {
  const conditions: Record<string, Record<string, string[]>> = {};
  if (restriction.vpcEndpointIds?.length) conditions.StringNotEquals = { 'aws:SourceVpce': [...restriction.vpcEndpointIds] };
  if (restriction.sourceIps?.length) conditions.NotIpAddress = { 'aws:SourceIp': [...restriction.sourceIps] };
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'DenyWritesOutsideAllowedNetworks',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects('*')],
      conditions,
    }),
  );
}
