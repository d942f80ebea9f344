import { isIP } from 'node:net';
import { fail } from '../errors';
import { isUnresolved } from '../tokens';

/** Where a user restricts writes to a bucket (LogRocket userFiles). */
export interface WriteRestrictionModel {
  readonly vpcEndpointIds?: readonly string[];
  readonly sourceIps?: readonly string[];
}

/** Whether the restriction names anything at all. */
export function hasWriteRestriction(r: WriteRestrictionModel | undefined): boolean {
  return !!r && ((r.vpcEndpointIds?.length ?? 0) > 0 || (r.sourceIps?.length ?? 0) > 0);
}

/**
 * Async mobile image upload PUTs straight from app clients with signed URLs,
 * so a write restriction to VPC endpoints or source IPs breaks it.
 */
export function validateWriteRestriction(prop: string, restriction: WriteRestrictionModel | undefined, asyncMobileUpload: boolean): void {
  if (!hasWriteRestriction(restriction) || !asyncMobileUpload) return;
  fail(
    prop,
    "unset while 'asyncMobileUpload' is true, because mobile apps PUT image assets straight to the bucket with signed URLs from any network",
    restriction,
    `Either remove '${prop}', or keep it and set 'asyncMobileUpload: false' after disabling async image upload in the mobile SDK (Android: setEnableAsyncImageUpload(false)).`,
  );
}

const VPC_ENDPOINT_ID = /^vpce-[0-9a-f]{8,17}$/;

/** Checks the ids and ranges; tokens are skipped. */
export function validateWriteRestrictionEntries(prop: string, restriction: WriteRestrictionModel | undefined): void {
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

