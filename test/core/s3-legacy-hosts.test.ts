/**
 * The legacy `s3-<region>` hosts come from Amazon's entries in the Public
 * Suffix List (the `psl` package ships it): for every region of every
 * partition aws-cdk-lib knows, the library's list agrees with the PSL.
 */
import { RegionInfo } from 'aws-cdk-lib/region-info';
import * as psl from 'psl';
import { S3_LEGACY_DASH_REGIONS, s3PathStylePrefix } from '../../src/core/prefix';

/** Whether `s3-<region>.<suffix>` is a public suffix (Amazon lists each S3 host there). */
function pslHasDashHost(region: string, suffix: string): boolean {
  const host = `s3-${region}.${suffix}`;
  const parsed = psl.parse(`bucket.${host}`);
  return !('error' in parsed && parsed.error) && (parsed as psl.ParsedDomain).tld === host;
}

const REGIONS = RegionInfo.regions.map((r) => [r.name, r.domainSuffix!] as const).filter(([name]) => name !== 'us-east-1');

test('aws-cdk-lib knows regions in several partitions (the check is not vacuous)', () => {
  const partitions = new Set(RegionInfo.regions.map((r) => r.partition));
  expect([...partitions]).toEqual(expect.arrayContaining(['aws', 'aws-cn', 'aws-us-gov', 'aws-eusc', 'aws-iso']));
});

test.each(REGIONS)('%s (%s): legacy dash host exactly when the Public Suffix List has it', (region, suffix) => {
  const listed = pslHasDashHost(region, suffix);
  expect(S3_LEGACY_DASH_REGIONS.includes(region)).toBe(listed);
  expect(s3PathStylePrefix('b1', region, suffix).warnings).toHaveLength(listed ? 0 : 1);
});
