/**
 * One cloud-neutral view of what a construct synthesized, read from the
 * CloudFormation template or the Terraform JSON: the facts every cloud must
 * agree on (roles, CORS, retention, outputs, Helm keys, attributes).
 */
import { Template } from 'aws-cdk-lib/assertions';
import { parse } from 'yaml';
import * as aws from '../../src/aws';
import * as azure from '../../src/azure';
import type { IOpenReplayStorage, LogRocketStorageOptions, OpenReplayStorageOptions } from '../../src/core';
import * as gcp from '../../src/gcp';
import { testStack } from '../aws/util';
import { synthAzure } from '../azure/synth';
import { synthGcp } from '../gcp/synth';
import { resources } from '../terraform/synth';

export type CloudName = 'aws' | 'gcp' | 'azure';

export interface StorageView {
  /** Bucket (container) names. */
  readonly buckets: string[];
  /** CORS origins, methods (OPTIONS left out: Azure lists it, S3 and GCS imply it) and max age, per bucket. */
  readonly cors: Record<string, { origins: string[]; methods: string[]; maxAge: number }>;
  /** Tag-driven deletion: tag value and days, and the buckets it covers. */
  readonly tagDeletion?: { value: string; days: number; buckets: string[] };
  /** Age-based deletion: days -> buckets. */
  readonly ageExpiry: Record<number, string[]>;
  /** Neutral output names, from the metadata output. */
  readonly outputs: string[];
  /** Output keys as emitted, and as the metadata names them (must be equal). */
  readonly emittedKeys: string[];
  readonly metadataKeys: string[];
  /** The metadata output, parsed. */
  readonly metadata: any;
  /** The Helm values, parsed. */
  readonly helm: any;
}

const sorted = (xs: string[]) => [...xs].sort();
const withoutOptions = (ms: string[]) => ms.filter((m) => m !== 'OPTIONS');

function awsView(template: Template, prefix: string): StorageView {
  const json = template.toJSON();
  const buckets = Object.values<any>(json.Resources).filter((r) => r.Type === 'AWS::S3::Bucket').map((r) => r.Properties);
  const cors: StorageView['cors'] = {};
  const ageExpiry: Record<number, string[]> = {};
  let tagDeletion: StorageView['tagDeletion'];
  for (const b of buckets) {
    const rule = b.CorsConfiguration.CorsRules[0];
    cors[b.BucketName] = { origins: rule.AllowedOrigins, methods: withoutOptions(rule.AllowedMethods), maxAge: rule.MaxAge };
    for (const r of b.LifecycleConfiguration?.Rules ?? []) {
      if (r.TagFilters) {
        tagDeletion = { value: r.TagFilters[0].Value, days: r.ExpirationInDays, buckets: sorted([...(tagDeletion?.buckets ?? []), b.BucketName]) };
      } else if (r.ExpirationInDays !== undefined) {
        ageExpiry[r.ExpirationInDays] = sorted([...(ageExpiry[r.ExpirationInDays] ?? []), b.BucketName]);
      }
    }
  }
  const metadata = JSON.parse(json.Outputs[`${prefix}Metadata`].Value);
  return {
    buckets: sorted(buckets.map((b) => b.BucketName)),
    cors,
    tagDeletion,
    ageExpiry,
    outputs: sorted(Object.keys(metadata.outputs)),
    emittedKeys: sorted(Object.keys(json.Outputs)),
    metadataKeys: sorted(Object.values(metadata.outputs)),
    metadata,
    helm: parse(json.Outputs[`${prefix}HelmValues`].Value),
  };
}

function gcpView(tf: any, prefix: string): StorageView {
  const buckets = Object.values<any>(resources(tf, 'google_storage_bucket'));
  const cors: StorageView['cors'] = {};
  const ageExpiry: Record<number, string[]> = {};
  for (const b of buckets) {
    cors[b.name] = { origins: b.cors[0].origin, methods: withoutOptions(b.cors[0].method), maxAge: b.cors[0].max_age_seconds };
    for (const r of b.lifecycle_rule ?? []) {
      if (r.action.type === 'Delete' && r.condition.age !== undefined) ageExpiry[r.condition.age] = sorted([...(ageExpiry[r.condition.age] ?? []), b.name]);
    }
  }
  const metadata = JSON.parse(tf.output[`${prefix}_metadata`].value);
  return { buckets: sorted(buckets.map((b) => b.name)), cors, ageExpiry, outputs: sorted(Object.keys(metadata.outputs)), ...keys(tf, metadata), metadata, helm: parse(tf.output[`${prefix}_helm_values`].value) };
}

function azureView(tf: any, prefix: string): StorageView {
  const names = Object.values<any>(resources(tf, 'azurerm_storage_container')).map((c) => c.name);
  const account = Object.values<any>(resources(tf, 'azurerm_storage_account'))[0];
  const rule = account.blob_properties.cors_rule[0];
  const cors: StorageView['cors'] = {};
  for (const n of names) cors[n] = { origins: rule.allowed_origins, methods: withoutOptions(rule.allowed_methods), maxAge: rule.max_age_in_seconds };
  const ageExpiry: Record<number, string[]> = {};
  let tagDeletion: StorageView['tagDeletion'];
  const policy = Object.values<any>(resources(tf, 'azurerm_storage_management_policy'))[0];
  const containersOf = (r: any) => sorted(r.filters.prefix_match.map((p: string) => p.replace(/\/$/, '')));
  for (const r of policy?.rule ?? []) {
    const days = r.actions.base_blob?.delete_after_days_since_modification_greater_than;
    if (days === undefined) continue;
    if (r.filters.match_blob_index_tag) tagDeletion = { value: r.filters.match_blob_index_tag[0].value, days, buckets: containersOf(r) };
    else ageExpiry[days] = containersOf(r);
  }
  const metadata = JSON.parse(tf.output[`${prefix}_metadata`].value);
  return { buckets: sorted(names), cors, tagDeletion, ageExpiry, outputs: sorted(Object.keys(metadata.outputs)), ...keys(tf, metadata), metadata, helm: parse(tf.output[`${prefix}_helm_values`].value) };
}

function keys(tf: any, metadata: any): { emittedKeys: string[]; metadataKeys: string[] } {
  return { emittedKeys: sorted(Object.keys(tf.output)), metadataKeys: sorted(Object.values(metadata.outputs)) };
}

/** Azure needs an account; these are Azure's own options, not part of the neutral input. */
const AZURE_ACCOUNT = { storageAccountName: 'acmereplay01', location: 'westeurope' };

/** Builds OpenReplay from the same neutral input on one cloud. */
export function openReplayOn(cloud: CloudName, input: OpenReplayStorageOptions): { view: StorageView; construct: IOpenReplayStorage } {
  let construct!: IOpenReplayStorage;
  if (cloud === 'aws') {
    const stack = testStack();
    construct = new aws.OpenReplayStorage(stack, 'OpenReplay', input);
    return { view: awsView(Template.fromStack(stack), 'OpenReplay'), construct };
  }
  if (cloud === 'gcp') {
    const { tf } = synthGcp((s) => (construct = new gcp.OpenReplayStorage(s, 'OpenReplay', input)));
    return { view: gcpView(tf, 'openreplay'), construct };
  }
  const { tf } = synthAzure((s) => (construct = new azure.OpenReplayStorage(s, 'OpenReplay', { ...input, ...AZURE_ACCOUNT })));
  return { view: azureView(tf, 'openreplay'), construct };
}

/** Builds LogRocket from the same neutral input on one cloud. */
export function logRocketOn(cloud: CloudName, input: LogRocketStorageOptions): StorageView {
  if (cloud === 'aws') {
    const stack = testStack();
    new aws.LogRocketStorage(stack, 'LogRocket', input);
    return awsView(Template.fromStack(stack), 'LogRocket');
  }
  if (cloud === 'gcp') return gcpView(synthGcp((s) => new gcp.LogRocketStorage(s, 'LogRocket', input)).tf, 'logrocket');
  return azureView(synthAzure((s) => new azure.LogRocketStorage(s, 'LogRocket', { ...input, ...AZURE_ACCOUNT })).tf, 'logrocket');
}
