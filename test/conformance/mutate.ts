/**
 * The negative scenarios: a deep copy of the synthesized document with one
 * deliberate mistake, in each cloud's own format. Roles are found by the
 * bucket/container names the outputs give them.
 */
import { Cloud, FLIPPED_ORIGIN, ProductCase, ScenarioId } from './matrix';

/** Role -> bucket or container name, from the stack outputs. */
export type RoleNames = Record<string, string>;

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

function isAnonymous(principal: unknown): boolean {
  return principal === '*' || (typeof principal === 'object' && principal !== null && (principal as any).AWS === '*');
}

// ---------------------------------------------------------------- CloudFormation

function cfnBucketId(template: any, bucketName: string): string {
  const found = Object.entries<any>(template.Resources).find(([, r]) => r.Type === 'AWS::S3::Bucket' && r.Properties?.BucketName === bucketName);
  if (!found) throw new Error(`no AWS::S3::Bucket named ${bucketName}`);
  return found[0];
}

function cfnPolicyOf(template: any, bucketId: string): any | undefined {
  return Object.values<any>(template.Resources).find((r) => r.Type === 'AWS::S3::BucketPolicy' && r.Properties.Bucket?.Ref === bucketId);
}

function mutateCfn(template: any, scenario: ScenarioId, p: ProductCase, names: RoleNames): any {
  const t = clone(template);
  if (scenario === 'origin-flipped') {
    for (const r of Object.values<any>(t.Resources)) {
      for (const rule of r.Type === 'AWS::S3::Bucket' ? r.Properties?.CorsConfiguration?.CorsRules ?? [] : []) rule.AllowedOrigins = [FLIPPED_ORIGIN];
    }
  }
  if (scenario === 'private-role-public') {
    const pub = cfnBucketId(t, names[p.publicRole]);
    const priv = cfnBucketId(t, names[p.privateRole!]);
    // What someone would have to do: loosen Block Public Access and grant anonymous reads.
    t.Resources[priv].Properties.PublicAccessBlockConfiguration = clone(t.Resources[pub].Properties.PublicAccessBlockConfiguration);
    const grants = cfnPolicyOf(t, pub).Properties.PolicyDocument.Statement.filter((s: any) => s.Effect === 'Allow' && isAnonymous(s.Principal));
    if (grants.length === 0) throw new Error('the public role has no anonymous grant to copy');
    const retargeted = JSON.parse(JSON.stringify(grants).split(`"${pub}"`).join(`"${priv}"`));
    cfnPolicyOf(t, priv).Properties.PolicyDocument.Statement.push(...retargeted);
  }
  if (scenario === 'public-role-private') {
    const pub = cfnBucketId(t, names[p.publicRole]);
    const doc = cfnPolicyOf(t, pub).Properties.PolicyDocument;
    doc.Statement = doc.Statement.filter((s: any) => !(s.Effect === 'Allow' && isAnonymous(s.Principal)));
    t.Resources[pub].Properties.PublicAccessBlockConfiguration = {
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    };
  }
  return t;
}

// ---------------------------------------------------------------- Terraform: Azure

function mutateAzure(tf: any, scenario: ScenarioId, p: ProductCase, names: RoleNames): any {
  const t = clone(tf);
  const containers = Object.values<any>(t.resource.azurerm_storage_container);
  const container = (name: string) => {
    const c = containers.find((x) => x.name === name);
    if (!c) throw new Error(`no azurerm_storage_container named ${name}`);
    return c;
  };
  if (scenario === 'origin-flipped') {
    for (const a of Object.values<any>(t.resource.azurerm_storage_account)) {
      for (const rule of a.blob_properties?.cors_rule ?? []) rule.allowed_origins = [FLIPPED_ORIGIN];
    }
  }
  if (scenario === 'private-role-public') container(names[p.privateRole!]).container_access_type = container(names[p.publicRole]).container_access_type;
  if (scenario === 'public-role-private') container(names[p.publicRole]).container_access_type = 'private';
  return t;
}

// ---------------------------------------------------------------- Terraform: GCP

function gcsBucketId(tf: any, name: string): string {
  const found = Object.entries<any>(tf.resource.google_storage_bucket).find(([, b]) => b.name === name);
  if (!found) throw new Error(`no google_storage_bucket named ${name}`);
  return found[0];
}

/** `${google_storage_bucket.<id>.name}` or the literal name. */
export function gcsGrantTargets(tf: any, member: any, bucketId: string): boolean {
  return member.bucket === `\${google_storage_bucket.${bucketId}.name}` || member.bucket === tf.resource.google_storage_bucket[bucketId].name;
}

const PUBLIC_MEMBERS = ['allUsers', 'allAuthenticatedUsers'];

function mutateGcp(tf: any, scenario: ScenarioId, p: ProductCase, names: RoleNames): any {
  const t = clone(tf);
  const members: Record<string, any> = (t.resource.google_storage_bucket_iam_member ??= {});
  if (scenario === 'origin-flipped') {
    for (const b of Object.values<any>(t.resource.google_storage_bucket)) for (const rule of b.cors ?? []) rule.origin = [FLIPPED_ORIGIN];
  }
  if (scenario === 'private-role-public') {
    const pub = gcsBucketId(t, names[p.publicRole]);
    const priv = gcsBucketId(t, names[p.privateRole!]);
    t.resource.google_storage_bucket[priv].public_access_prevention = t.resource.google_storage_bucket[pub].public_access_prevention;
    for (const [id, m] of Object.entries<any>({ ...members })) {
      if (PUBLIC_MEMBERS.includes(m.member) && gcsGrantTargets(t, m, pub)) members[`${id}_copy`] = { ...m, bucket: `\${google_storage_bucket.${priv}.name}` };
    }
  }
  if (scenario === 'public-role-private') {
    const pub = gcsBucketId(t, names[p.publicRole]);
    for (const [id, m] of Object.entries<any>(members)) if (PUBLIC_MEMBERS.includes(m.member) && gcsGrantTargets(t, m, pub)) delete members[id];
    t.resource.google_storage_bucket[pub].public_access_prevention = 'enforced';
  }
  return t;
}

/** The document with the scenario's mistake in it (a copy; as synthesized for `as-synthesized`). */
export function mutate(cloud: Cloud, scenario: ScenarioId, doc: any, p: ProductCase, names: RoleNames): any {
  if (scenario === 'as-synthesized') return clone(doc);
  switch (cloud) {
    case 'aws':
      return mutateCfn(doc, scenario, p, names);
    case 'azure':
      return mutateAzure(doc, scenario, p, names);
    case 'gcp':
      return mutateGcp(doc, scenario, p, names);
  }
}

/** Role -> bucket/container name from a construct's outputs. */
export function roleNamesFromOutputs(instance: { require(name: any): string; has(name: any): boolean }, p: ProductCase): RoleNames {
  if (p.product === 'logrocket') return { userFiles: instance.require('UserFilesBucket') };
  const names: RoleNames = {
    recordings: instance.require('RecordingsBucket'),
    assets: instance.require('AssetsBucket'),
    sourcemaps: instance.require('SourcemapsBucket'),
  };
  if (instance.has('SpotsBucket')) names.spots = instance.require('SpotsBucket');
  return names;
}
