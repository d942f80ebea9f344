import { isUnresolved } from './tokens';

/**
 * Replay prefix derivation: the browser URL before an object key, always
 * ending with `/`, exactly as the LogRocket chart derives it from
 * `fileStorage.buckets.userFiles`, `aws.region` and `aws.useVirtualHostS3`
 * (and as OpenReplay's `assetsOrigin` expects it).
 */

/** Public GCS endpoint used for browser URLs and the S3-interoperable API. */
export const GCS_ENDPOINT = 'https://storage.googleapis.com';

/** Azure public cloud Blob endpoint suffix. */
export const AZURE_PUBLIC_ENDPOINT_SUFFIX = 'core.windows.net';

/**
 * Storage endpoint suffix of each Azure cloud, by the azurerm provider's
 * `environment` (public, usgovernment, china).
 * @see https://learn.microsoft.com/azure/storage/common/storage-account-overview#storage-account-endpoints
 */
export const AZURE_ENDPOINT_SUFFIXES: Readonly<Record<string, string>> = {
  public: AZURE_PUBLIC_ENDPOINT_SUFFIX,
  usgovernment: 'core.usgovcloudapi.net',
  china: 'core.chinacloudapi.cn',
};

/** The one S3 region whose path-style host carries no region. */
const US_EAST_1 = 'us-east-1';

/**
 * Regions that still answer the legacy dash host `s3-<region>.<suffix>`, as
 * Amazon publishes its S3 hosts in the Public Suffix List ("Amazon S3"
 * section; read here from the `psl` package 1.15.0, and checked against it
 * by test/core/prefix.test.ts for every region aws-cdk-lib knows). Regions
 * launched later have only `s3.<region>.<suffix>`.
 * @see https://github.com/publicsuffix/list/blob/main/public_suffix_list.dat
 */
export const S3_LEGACY_DASH_REGIONS: readonly string[] = [
  'ap-east-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'me-south-1',
  'sa-east-1',
  'us-east-2',
  'us-gov-east-1',
  'us-gov-west-1',
  'us-west-1',
  'us-west-2',
];

/**
 * The regional S3 endpoint, `https://s3.<region>.<suffix>` (no trailing
 * slash). The suffix is the partition's DNS suffix (`amazonaws.com`,
 * `amazonaws.com.cn`, `amazonaws.eu`, ...), taken from aws-cdk-lib's region
 * facts by the AWS adapter, never guessed from the region's name.
 */
export function s3RegionalEndpoint(region: string, urlSuffix: string): string {
  return `https://s3.${region}.${urlSuffix}`;
}

/** Virtual-hosted form: `https://<bucket>.s3.<region>.<suffix>/`. */
export function s3VirtualHostedPrefix(bucket: string, region: string, urlSuffix: string): string {
  return `https://${bucket}.s3.${region}.${urlSuffix}/`;
}

/** Virtual-hosted form from a regional endpoint `https://s3.<region>.<suffix>`. */
export function s3VirtualHostedFromEndpoint(bucket: string, endpoint: string): string {
  return `${trimTrailingSlash(endpoint).replace(/^https:\/\//, `https://${bucket}.`)}/`;
}

/** A derived prefix with anything worth a synth warning. */
export interface DerivedPrefix {
  readonly prefix: string;
  readonly warnings: string[];
}

/**
 * Path-style form as the chart derives it: `https://s3.<suffix>/<bucket>/`
 * in us-east-1, `https://s3-<region>.<suffix>/<bucket>/` elsewhere. Warns when
 * the region has no legacy dash host, since that URL will not resolve.
 */
export function s3PathStylePrefix(bucket: string, region: string, urlSuffix: string): DerivedPrefix {
  if (region === US_EAST_1) {
    return { prefix: `https://s3.${urlSuffix}/${bucket}/`, warnings: [] };
  }
  const prefix = `https://s3-${region}.${urlSuffix}/${bucket}/`;
  const warnings: string[] = [];
  if (!isUnresolved(region) && !S3_LEGACY_DASH_REGIONS.includes(region)) {
    warnings.push(
      `'useVirtualHostS3' is false, so the chart derives the path-style prefix ${prefix}, ` +
        `but ${region} has no legacy s3-<region> endpoint and browsers cannot load it. ` +
        `Set 'useVirtualHostS3: true' (recommended), or add ${s3RegionalEndpoint(region, urlSuffix)}/${bucket}/ to 'cachedAssetPrefixes'.`,
    );
  }
  return { prefix, warnings };
}

/** GCS form: `https://storage.googleapis.com/<bucket>/`. */
export function gcsPrefix(bucket: string): string {
  return `${GCS_ENDPOINT}/${bucket}/`;
}

/** Azure form: `https://<account>.blob.<endpoint-suffix>/<container>/`. */
export function azureBlobPrefix(account: string, container: string, endpointSuffix = AZURE_PUBLIC_ENDPOINT_SUFFIX): string {
  return `https://${account}.blob.${endpointSuffix}/${container}/`;
}

/**
 * Azure form from the account's primary blob endpoint (which already carries
 * the sovereign-cloud suffix): `<endpoint>/<container>/` with exactly one `/`
 * between the parts.
 */
export function azurePrefixFromBlobEndpoint(primaryBlobEndpoint: string, container: string): string {
  const base = primaryBlobEndpoint.endsWith('/') ? primaryBlobEndpoint : `${primaryBlobEndpoint}/`;
  return `${base}${container}/`;
}

/** LogRocket on AWS: the prefix the chart derives from its three keys. */
export function logRocketS3Prefix(bucket: string, region: string, useVirtualHostS3: boolean, urlSuffix: string): DerivedPrefix {
  if (useVirtualHostS3) {
    return { prefix: s3VirtualHostedPrefix(bucket, region, urlSuffix), warnings: [] };
  }
  return s3PathStylePrefix(bucket, region, urlSuffix);
}

/** Trims trailing slashes: an endpoint or origin with one yields `//` in URLs. */
export function trimTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
