import { isIP } from 'node:net';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { fail, hasWriteRestriction, isUnresolved } from '../core';
import type { WriteRestriction } from './write-restriction-props';

const VPC_ENDPOINT_ID = /^vpce-[0-9a-f]{8,17}$/;

/** Checks the ids and ranges; tokens are skipped. */
export function validateWriteRestrictionEntries(prop: string, restriction: WriteRestriction | undefined): void {
  if (restriction === undefined) return;
  if (!hasWriteRestriction(restriction)) {
    fail(prop, 'a restriction that names at least one VPC endpoint or source IP', restriction, `List 'vpcEndpointIds' or 'sourceIps', or remove '${prop}'.`);
  }
  for (const id of restriction.vpcEndpointIds ?? []) {
    if (isUnresolved(id)) continue;
    if (!VPC_ENDPOINT_ID.test(id)) fail(`${prop}.vpcEndpointIds`, 'a list of VPC endpoint ids like vpce-0123456789abcdef0', id, 'Copy the id from the VPC console or `aws ec2 describe-vpc-endpoints`.');
  }
  for (const ip of restriction.sourceIps ?? []) {
    if (isUnresolved(ip)) continue;
    if (!isIpOrCidr(ip)) fail(`${prop}.sourceIps`, 'a list of IP addresses or CIDR ranges', ip, "Write them like '203.0.113.0/24' or '2001:db8::/32'.");
  }
}

function isIpOrCidr(value: string): boolean {
  const [address, bits, ...rest] = value.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (version === 4 ? 32 : 128);
}

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
