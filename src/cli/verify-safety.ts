/**
 * Where `verify` sends credentials: a signed GET or PUT URL carries its
 * signature (an S3/GCS presigned URL, an Azure SAS token), which anyone who
 * sees it can use until it expires. Over plain `http://` it crosses the
 * network readable by anyone on the way, so it is refused unless
 * `--allow-insecure`; to a loopback, private or link-local address it is
 * sent with a warning (an emulator, or a URL that is not the storage meant).
 * Host names are not resolved: only addresses written in the URL and
 * `localhost` are recognised.
 */
import { BlockList, isIP } from 'node:net';
import { printable } from './printable';
import type { VerifyPlan } from './verify-types';
import { redactSigned } from './verify-urls';

/** A signed URL of the plan and the flag it came from. */
export interface SignedUrl {
  readonly flag: string;
  readonly url: string;
}

export interface CredentialRisks {
  /** Signed URLs over plain http://: refused without --allow-insecure. */
  readonly plainHttp: readonly SignedUrl[];
  /** Warnings to print before sending anything. */
  readonly warnings: readonly string[];
}

const LOCAL_V4: readonly [string, number, string][] = [
  ['0.0.0.0', 8, 'this-network'],
  ['127.0.0.0', 8, 'loopback'],
  ['10.0.0.0', 8, 'private'],
  ['172.16.0.0', 12, 'private'],
  ['192.168.0.0', 16, 'private'],
  ['100.64.0.0', 10, 'shared (carrier-grade NAT)'],
  ['169.254.0.0', 16, 'link-local'],
];
const LOCAL_V6: readonly [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['fc00::', 7, 'private (unique local)'],
  ['fe80::', 10, 'link-local'],
];

function rangesOf(list: readonly [string, number, string][], family: 'ipv4' | 'ipv6'): [BlockList, string][] {
  return list.map(([net, prefix, kind]) => {
    const block = new BlockList();
    block.addSubnet(net, prefix, family);
    return [block, kind];
  });
}

const V4_RANGES = rangesOf(LOCAL_V4, 'ipv4');
const V6_RANGES = rangesOf(LOCAL_V6, 'ipv6');

/** `::ffff:7f00:1` (how URLs write `::ffff:127.0.0.1`) as `127.0.0.1`. */
function mappedV4(v6: string): string | undefined {
  const m = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(v6) ?? undefined;
  if (!m) return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(v6)?.[1];
  const bytes = (group: string) => {
    const word = parseInt(group, 16);
    return [Math.floor(word / 256), word % 256];
  };
  return [...bytes(m[1]), ...bytes(m[2])].join('.');
}

/** What kind of local address a URL's host is (`loopback`, `private`, ...), or undefined for anything else. */
export function localAddressKind(hostname: string): string | undefined {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  const v4 = isIP(host) === 4 ? host : isIP(host) === 6 ? mappedV4(host) : undefined;
  if (v4) return V4_RANGES.find(([block]) => block.check(v4, 'ipv4'))?.[1];
  if (isIP(host) === 6) return V6_RANGES.find(([block]) => block.check(host, 'ipv6'))?.[1];
  return undefined;
}

/** The signed URLs a plan sends. */
export function signedUrls(plan: VerifyPlan): SignedUrl[] {
  const urls: SignedUrl[] = plan.targets.filter((t) => t.signedGetUrl).map((t) => ({ flag: `--signed-get ${t.role}=`, url: t.signedGetUrl! }));
  if (plan.signedPut) urls.push({ flag: '--signed-put ', url: plan.signedPut.url });
  return urls;
}

/** What is risky about where the plan sends its signed URLs. */
export function credentialRisks(plan: VerifyPlan, allowInsecure: boolean): CredentialRisks {
  const plainHttp: SignedUrl[] = [];
  const warnings: string[] = [];
  for (const signed of signedUrls(plan)) {
    const url = new URL(signed.url);
    const shown = printable(`${signed.flag}${redactSigned(signed.url)}`);
    const local = localAddressKind(url.hostname);
    const http = url.protocol === 'http:';
    if (http) plainHttp.push(signed);
    if (http && allowInsecure) {
      warnings.push(`warning: ${shown} goes over plain http:// (--allow-insecure): its signature crosses the network unencrypted; let it expire soon.`);
    }
    if (local) {
      warnings.push(`warning: ${shown} goes to a ${local} address (${printable(url.hostname)}): make sure that is the storage you mean to test before its signature is sent.`);
    }
  }
  return { plainHttp, warnings };
}
