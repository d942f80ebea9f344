import { Aws, Stack } from 'aws-cdk-lib/core';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import type { IConstruct } from 'constructs';
import { isUnresolved, s3RegionalEndpoint } from '../core';

/** Where the stack's buckets live, as strings usable in URLs. */
export interface S3Location {
  /** The stack's region (a token for environment-agnostic stacks). */
  readonly region: string;
  /** The partition's DNS suffix (`amazonaws.com`, `amazonaws.com.cn`, `amazonaws.eu`, ...) or the `AWS::URLSuffix` token. */
  readonly urlSuffix: string;
  /** Regional S3 endpoint, `https://s3.<region>.<suffix>`. */
  readonly endpoint: string;
  /** Whether the region is known at synth. */
  readonly regionKnown: boolean;
}

/**
 * The S3 location of the scope's stack. A concrete region gets its
 * partition's DNS suffix from aws-cdk-lib's region facts (`RegionInfo`);
 * an unresolved or unknown one gets `AWS::URLSuffix`, which CloudFormation
 * fills in at deploy.
 */
export function s3Location(scope: IConstruct): S3Location {
  const region = Stack.of(scope).region;
  const regionKnown = !isUnresolved(region);
  const urlSuffix = (regionKnown ? RegionInfo.get(region).domainSuffix : undefined) ?? Aws.URL_SUFFIX;
  return { region, urlSuffix, endpoint: s3RegionalEndpoint(region, urlSuffix), regionKnown };
}
