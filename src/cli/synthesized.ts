/**
 * Recognises a synthesized template passed where deploy outputs belong: a
 * CloudFormation template (`cdk.out/<stack>.template.json`) or a Terraform
 * JSON configuration (`cdktf.out/stacks/<stack>/cdk.tf.json`). Either would
 * otherwise read as stacks named `Outputs`, `Resources`, `resource`, ...
 */
import { OUTPUTS_FILE_HOWTO } from './outputs-error';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function allRecords(v: unknown, test: (entry: Record<string, unknown>) => boolean = () => true): boolean {
  return isRecord(v) && Object.keys(v).length > 0 && Object.values(v).every((e) => isRecord(e) && test(e));
}

/** A CloudFormation template: its format version, resources with a `Type`, or outputs with a `Value`. */
function isCloudFormationTemplate(doc: Record<string, unknown>): boolean {
  if (typeof doc.AWSTemplateFormatVersion === 'string') return true;
  if (allRecords(doc.Resources, (r) => typeof r.Type === 'string' && r.Type.includes('::'))) return true;
  return allRecords(doc.Outputs, (o) => 'Value' in o) && Object.keys(doc).every((k) => CLOUDFORMATION_SECTIONS.has(k));
}

const CLOUDFORMATION_SECTIONS = new Set(['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs']);

/** Top-level blocks of Terraform JSON configuration (`//` is cdktf's metadata). */
const TERRAFORM_BLOCKS = new Set(['//', 'terraform', 'provider', 'resource', 'data', 'output', 'variable', 'locals', 'module', 'moved', 'import', 'check', 'removed']);

/** Terraform JSON configuration: only Terraform's blocks, and resources, outputs with a `value` or a `terraform` block. */
function isTerraformConfiguration(doc: Record<string, unknown>): boolean {
  if (!Object.keys(doc).every((k) => TERRAFORM_BLOCKS.has(k))) return false;
  return (
    allRecords(doc.resource, (byName) => Object.values(byName).every(isRecord)) ||
    allRecords(doc.output, (o) => 'value' in o) ||
    (isRecord(doc.terraform) && (isRecord(doc.terraform.required_providers) || isRecord(doc.terraform.backend)))
  );
}

/** Why a document is not deploy outputs when it is a synthesized template, or undefined. */
export function synthesizedTemplateMessage(doc: Record<string, unknown>, source: string): string | undefined {
  if (isCloudFormationTemplate(doc)) {
    return (
      `${source} is a synthesized CloudFormation template (like cdk.out/<stack>.template.json), not deploy outputs: its outputs are references CloudFormation resolves at deploy. ` +
      "Deploy with 'cdk deploy --outputs-file <file>' and pass that file to --outputs."
    );
  }
  if (isTerraformConfiguration(doc)) {
    return (
      `${source} is a synthesized Terraform configuration (like cdktf.out/stacks/<stack>/cdk.tf.json), not deploy outputs: its outputs are expressions Terraform resolves at apply. ` +
      `After the deploy, run 'cdktf deploy --outputs-file <file>' or 'terraform output -json > <file>' and pass that file to --outputs (${OUTPUTS_FILE_HOWTO}).`
    );
  }
  return undefined;
}
