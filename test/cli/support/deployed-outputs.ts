/**
 * What the deploy tools would print for a synthesized example: the outputs
 * with every reference resolved the way CloudFormation or Terraform resolve
 * it once the resources exist. Attribute values are stand-ins (or the
 * emulator's, when given); an expression or reference this does not know
 * fails loudly, so a new kind of output gets looked at.
 */
import { createHash } from 'node:crypto';

function digest(text: string, encoding: 'hex' | 'base64', bytes: number): string {
  return createHash('sha512').update(text).digest().subarray(0, bytes).toString(encoding);
}

// ---------------------------------------------------------------- CloudFormation

export interface CfnFacts {
  readonly account?: string;
  readonly region?: string;
}

/** Physical id of a resource as CloudFormation gives it to `Ref`. */
function cfnRef(template: any, id: string, facts: Required<CfnFacts>): string {
  switch (id) {
    case 'AWS::AccountId':
      return facts.account;
    case 'AWS::Region':
      return facts.region;
    case 'AWS::Partition':
      return 'aws';
    case 'AWS::URLSuffix':
      return 'amazonaws.com';
  }
  const res = template.Resources?.[id];
  if (!res) throw new Error(`Ref to unknown resource ${id}`);
  switch (res.Type) {
    case 'AWS::S3::Bucket':
      return res.Properties?.BucketName ?? id.toLowerCase();
    case 'AWS::SecretsManager::Secret':
      return `arn:aws:secretsmanager:${facts.region}:${facts.account}:secret:${id}-${digest(id, 'hex', 3)}`;
    case 'AWS::IAM::AccessKey':
      return `AKIA${digest(id, 'hex', 8).toUpperCase()}`;
    case 'AWS::IAM::User':
      return id;
    default:
      throw new Error(`no stand-in for Ref of ${res.Type} (${id})`);
  }
}

function cfnGetAtt(template: any, id: string, attr: string, facts: Required<CfnFacts>): string {
  const res = template.Resources?.[id];
  if (!res) throw new Error(`GetAtt of unknown resource ${id}`);
  if (res.Type === 'AWS::S3::Bucket') {
    const name = cfnRef(template, id, facts);
    if (attr === 'Arn') return `arn:aws:s3:::${name}`;
    if (attr === 'RegionalDomainName') return `${name}.s3.${facts.region}.amazonaws.com`;
    if (attr === 'DomainName') return `${name}.s3.amazonaws.com`;
  }
  throw new Error(`no stand-in for GetAtt ${id}.${attr} (${res.Type})`);
}

/** Resolves Ref / Fn::GetAtt / Fn::Join in an output value. */
export function resolveCfn(template: any, value: unknown, facts: CfnFacts = {}): string {
  const f = { account: facts.account ?? '123456789012', region: facts.region ?? 'eu-central-1' };
  const go = (v: unknown): string => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const [[fn, arg]] = Object.entries(v as Record<string, any>);
      if (fn === 'Ref') return cfnRef(template, arg, f);
      if (fn === 'Fn::GetAtt') {
        const [id, attr] = Array.isArray(arg) ? arg : String(arg).split('.');
        return cfnGetAtt(template, id, attr, f);
      }
      if (fn === 'Fn::Join') return (arg[1] as unknown[]).map(go).join(arg[0]);
      throw new Error(`no stand-in for ${fn}`);
    }
    throw new Error(`cannot resolve ${JSON.stringify(v)}`);
  };
  return go(value);
}

/** `cdk deploy --outputs-file` content for one stack. */
export function cdkOutputsFile(stackName: string, template: any, facts: CfnFacts = {}): Record<string, Record<string, string>> {
  const outputs: Record<string, string> = {};
  for (const [key, o] of Object.entries<any>(template.Outputs ?? {})) outputs[key] = resolveCfn(template, o.Value, facts);
  return { [stackName]: outputs };
}

// ---------------------------------------------------------------- Terraform

/** Attribute values per resource, by `<type>.<name>`; merged over the stand-ins. */
export type TfAttributeOverrides = Record<string, Record<string, string>>;

function providerProject(doc: any): string {
  const google = doc.provider?.google;
  const first = Array.isArray(google) ? google[0] : google;
  return first?.project ?? 'project';
}

/** Stand-in attributes of a resource after `terraform apply`. */
function tfAttributes(doc: any, type: string, name: string, overrides: TfAttributeOverrides): Record<string, string> {
  const config = doc.resource?.[type]?.[name];
  if (!config) throw new Error(`reference to unknown resource ${type}.${name}`);
  let attrs: Record<string, string>;
  switch (type) {
    case 'azurerm_storage_account':
      attrs = {
        name: config.name,
        id: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/${config.name}`,
        primary_blob_endpoint: `https://${config.name}.blob.core.windows.net/`,
        primary_blob_host: `${config.name}.blob.core.windows.net`,
        primary_access_key: digest(`account-key:${config.name}`, 'base64', 64),
      };
      break;
    case 'google_service_account': {
      const email = `${config.account_id}@${providerProject(doc)}.iam.gserviceaccount.com`;
      attrs = { email, member: `serviceAccount:${email}`, name: `projects/${providerProject(doc)}/serviceAccounts/${email}`, project: providerProject(doc) };
      break;
    }
    case 'google_storage_hmac_key':
      attrs = {
        access_id: `GOOG1E${digest(`hmac-id:${name}`, 'hex', 29).toUpperCase()}`,
        secret: digest(`hmac-secret:${name}`, 'base64', 30),
      };
      break;
    case 'google_storage_bucket':
    case 'azurerm_storage_container':
    case 'azurerm_resource_group':
      attrs = { name: config.name };
      break;
    default:
      attrs = {};
  }
  return { ...attrs, ...(overrides[`${type}.${name}`] ?? {}) };
}

function splitArgs(text: string): string[] {
  const args: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' && text[i - 1] !== '\\') quoted = !quoted;
    if (c === ',' && !quoted) {
      args.push(current.trim());
      current = '';
    } else {current += c;}
  }
  if (current.trim()) args.push(current.trim());
  return args;
}

function evalTf(doc: any, expr: string, overrides: TfAttributeOverrides): string {
  const call = /^(\w+)\((.*)\)$/s.exec(expr.trim());
  if (call) {
    const args = splitArgs(call[2]).map((a) => (a.startsWith('"') ? JSON.parse(a) : evalTf(doc, a, overrides)));
    switch (call[1]) {
      case 'trimsuffix':
        return args[0].endsWith(args[1]) ? args[0].slice(0, args[0].length - args[1].length) : args[0];
      case 'trimprefix':
        return args[0].startsWith(args[1]) ? args[0].slice(args[1].length) : args[0];
      default:
        throw new Error(`no stand-in for Terraform function ${call[1]}`);
    }
  }
  const ref = /^(\w+)\.(\w+)\.(\w+)$/.exec(expr.trim());
  if (!ref) throw new Error(`cannot evaluate Terraform expression ${expr}`);
  const value = tfAttributes(doc, ref[1], ref[2], overrides)[ref[3]];
  if (value === undefined) throw new Error(`no stand-in for ${expr}`);
  return value;
}

/** Resolves `${...}` interpolations in an output value (strings, lists, objects). */
export function resolveTf(doc: any, value: unknown, overrides: TfAttributeOverrides = {}): unknown {
  if (typeof value === 'string') return value.replace(/\$\{([^{}]*)\}/g, (_m, expr: string) => evalTf(doc, expr, overrides));
  if (Array.isArray(value)) return value.map((v) => resolveTf(doc, v, overrides));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveTf(doc, v, overrides)]));
  return value;
}

function tfType(value: unknown): unknown {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return ['tuple', value.map(tfType)];
  return ['object', Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, tfType(v)]))];
}

/** One entry of `terraform output -json`. */
export interface TerraformOutputEntry {
  sensitive: boolean;
  type: unknown;
  value: unknown;
}

/** `terraform output -json` content for a cdk.tf.json document. */
export function terraformOutputJson(doc: any, overrides: TfAttributeOverrides = {}): Record<string, TerraformOutputEntry> {
  const out: Record<string, TerraformOutputEntry> = {};
  for (const [key, o] of Object.entries<any>(doc.output ?? {})) {
    const value = resolveTf(doc, o.value, overrides);
    out[key] = { sensitive: o.sensitive === true, type: tfType(value), value };
  }
  return out;
}

/** `cdktf deploy --outputs-file` content (sensitive outputs left out, as cdktf does by default). */
export function cdktfOutputsFile(stackName: string, doc: any, overrides: TfAttributeOverrides = {}): Record<string, unknown> {
  // As cdktf-cli writes it: the construct tree of doc['//'].outputs, each leaf
  // the output's value; sensitive ones left out (JSON drops undefined).
  const values = terraformOutputJson(doc, overrides);
  const tree = (mapping: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(mapping).flatMap(([key, v]) => {
        if (typeof v === 'string') return values[v] && !values[v].sensitive ? [[key, values[v].value]] : [];
        return [[key, tree(v as Record<string, unknown>)]];
      }),
    );
  const mapping = doc['//']?.outputs?.[stackName];
  if (!mapping) throw new Error(`cdk.tf.json of ${stackName} has no //.outputs mapping`);
  return { [stackName]: tree(mapping) };
}
