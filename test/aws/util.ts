/**
 * Shared helpers for the AWS tests.
 *
 * Every App here turns off aws-cdk-lib's built-in CloudFormation schema
 * check (`builtinCloudFormationValidation: false`, the App prop behind
 * `cdk synth --no-validation` / `CDK_VALIDATION=false`): it costs about 3 s
 * per synth. The examples keep it on, and `cdk synth` of each example runs it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { App, Stack, type CfnElement } from 'aws-cdk-lib/core';
import type { IConstruct } from 'constructs';

export const EXAMPLES = join(__dirname, '..', '..', 'examples');

/** An App without the CloudFormation schema check. */
export function testApp(context: Record<string, unknown> = {}): App {
  return new App({ builtinCloudFormationValidation: false, context });
}

/** A stack in a concrete region, or environment-agnostic when `region` is null. */
export function testStack(region: string | null = 'eu-central-1'): Stack {
  return new Stack(testApp(), 'Test', region ? { env: { region } } : {});
}

/** An App with the context an example's cdk.json gives `cdk synth`. */
export function exampleApp(example: string): App {
  const cdkJson = JSON.parse(readFileSync(join(EXAMPLES, example, 'cdk.json'), 'utf8'));
  return testApp(cdkJson.context ?? {});
}

export interface PolicyStatementJson {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: unknown;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

/** A statement of a bucket policy, with the logical id of the bucket it is on. */
export interface BucketPolicyStatement {
  readonly bucket: string;
  readonly statement: PolicyStatementJson;
}

/** Every statement of every AWS::S3::BucketPolicy in the template. */
export function bucketPolicyStatements(template: Template): BucketPolicyStatement[] {
  return Object.values(template.findResources('AWS::S3::BucketPolicy')).flatMap((policy: any) =>
    (policy.Properties.PolicyDocument.Statement as PolicyStatementJson[]).map((statement) => ({
      bucket: policy.Properties.Bucket.Ref as string,
      statement,
    })),
  );
}

/** Whether a principal means "everyone, signed or not". */
export function isAnonymous(principal: unknown): boolean {
  return principal === '*' || (typeof principal === 'object' && principal !== null && (principal as any).AWS === '*');
}

/** Allow statements of bucket policies that let anyone in. */
export function anonymousAllows(template: Template): BucketPolicyStatement[] {
  return bucketPolicyStatements(template).filter((s) => s.statement.Effect === 'Allow' && isAnonymous(s.statement.Principal));
}

/** Logical id of a construct's CloudFormation resource (its default child). */
export function logicalIdOf(construct: IConstruct): string {
  const stack = Stack.of(construct);
  return stack.resolve(stack.getLogicalId(construct.node.defaultChild as CfnElement));
}

/** `<bucket arn>/*` as CloudFormation renders it. */
export function objectsOf(bucketLogicalId: string): unknown {
  return { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketLogicalId, 'Arn'] }, '/*']] };
}

/** `<bucket arn>` as CloudFormation renders it. */
export function arnOf(bucketLogicalId: string): unknown {
  return { 'Fn::GetAtt': [bucketLogicalId, 'Arn'] };
}

/** Actions of a statement as a list. */
export function actionsOf(statement: PolicyStatementJson): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

/** The template's outputs as logical id -> Value. */
export function outputValues(template: Template): Record<string, unknown> {
  return Object.fromEntries(Object.entries(template.toJSON().Outputs ?? {}).map(([id, o]: [string, any]) => [id, o.Value]));
}

/** Every GetAtt of an access key's SecretAccessKey anywhere inside `value`. */
export function referencesSecretAccessKey(value: unknown): boolean {
  return JSON.stringify(value).includes('SecretAccessKey');
}
