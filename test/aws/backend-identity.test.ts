/**
 * Keyless backends on AWS: with Pod Identity or IRSA there is no IAM user,
 * access key or secret; a role with exactly the key's grants is assumed by
 * the named service accounts, and the Helm values carry empty keys and an
 * empty endpoint.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { CfnParameter } from 'aws-cdk-lib/core';
import { parse } from 'yaml';
import { outputValues, testStack } from './util';
import { BackendIdentity, LogRocketStorage, OpenReplayStorage, type OpenReplayStorageProps } from '../../src/aws';
import { OPENREPLAY_SERVICE_ACCOUNT_SUBCHARTS } from '../../src/core/openreplay/service-accounts';

const NAMES = { recordings: 'acme-or-mobs', assets: 'acme-or-assets', sourcemaps: 'acme-or-sourcemaps', spots: 'acme-or-spots' };
const ORIGIN = 'https://openreplay.example.com';
const OIDC = 'arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-central-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const ISSUER = 'oidc.eks.eu-central-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const CHART_ACCOUNTS = OPENREPLAY_SERVICE_ACCOUNT_SUBCHARTS.map((c) => `${c}-openreplay`);

function build(props: OpenReplayStorageProps) {
  const stack = testStack();
  const storage = new OpenReplayStorage(stack, 'OpenReplay', { bucketNames: NAMES, dashboardOrigins: [ORIGIN], ...props });
  const template = Template.fromStack(stack);
  return { stack, storage, template, json: template.toJSON(), outputs: outputValues(template) };
}

/** A CloudFormation string value with every reference replaced by `<ref>`. */
function joined(value: unknown): string {
  if (typeof value === 'string') return value;
  const [, parts] = (value as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
  return parts.map((p) => (typeof p === 'string' ? p : '<ref>')).join('');
}

function policyStatements(json: any): any[] {
  const policies = Object.values<any>(json.Resources).filter((r) => r.Type === 'AWS::IAM::Policy');
  expect(policies).toHaveLength(1);
  return policies[0].Properties.PolicyDocument.Statement;
}

describe.each([
  ['Pod Identity', BackendIdentity.podIdentity({ clusterName: 'replay-cluster' })],
  ['IRSA', BackendIdentity.irsa({ oidcProviderArn: OIDC })],
])('OpenReplay with %s', (_name, identity) => {
  const keyless = build({ identity });
  const keyed = build({});

  test('no IAM user, no access key, no Secrets Manager secret', () => {
    for (const type of ['AWS::IAM::User', 'AWS::IAM::AccessKey', 'AWS::SecretsManager::Secret']) keyless.template.resourceCountIs(type, 0);
    expect(keyless.storage.user).toBeUndefined();
    expect(keyless.storage.secret).toBeUndefined();
    expect(keyless.storage.role).toBeDefined();
  });

  test('the role gets exactly the grants the key gets', () => {
    expect(policyStatements(keyless.json)).toEqual(policyStatements(keyed.json));
    const policy = Object.values<any>(keyless.json.Resources).find((r) => r.Type === 'AWS::IAM::Policy');
    expect(policy.Properties.Roles).toHaveLength(1);
    expect(policy.Properties.Users).toBeUndefined();
  });

  test('Helm values: empty keys and an empty endpoint, no existingSecret; no secret command, no legacy layout', () => {
    const values = parse(joined(keyless.outputs.OpenReplayHelmValues));
    expect(values.global.s3).toMatchObject({ endpoint: '', accessKey: '', secretKey: '' });
    expect(values.global.s3.existingSecret).toBeUndefined();
    for (const name of ['CreateSecretCommand', 'SecretArn', 'LegacyVars', 'LegacyChalice']) expect(keyless.outputs[`OpenReplay${name}`]).toBeUndefined();
    expect(keyless.outputs.OpenReplayRoleArn).toBeDefined();
    expect(JSON.parse(keyless.outputs.OpenReplayMetadata as string).kubernetesSecret).toBeUndefined();
  });
});

describe('Pod Identity', () => {
  test('a role trusted by pods.eks.amazonaws.com, with AssumeRole and TagSession', () => {
    const { json } = build({ identity: BackendIdentity.podIdentity() });
    const role = Object.values<any>(json.Resources).find((r) => r.Type === 'AWS::IAM::Role');
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Action: ['sts:AssumeRole', 'sts:TagSession'], Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' } },
    ]);
  });

  test("with a cluster name: one association per storage service's chart account, in kubernetesNamespace", () => {
    const { json } = build({ identity: BackendIdentity.podIdentity({ clusterName: 'replay-cluster' }), kubernetesNamespace: 'openreplay' });
    const associations = Object.values<any>(json.Resources).filter((r) => r.Type === 'AWS::EKS::PodIdentityAssociation');
    expect(associations.map((a) => a.Properties.ServiceAccount).sort()).toEqual([...CHART_ACCOUNTS].sort());
    for (const a of associations) expect(a.Properties).toMatchObject({ ClusterName: 'replay-cluster', Namespace: 'openreplay' });
  });

  test('without a cluster name: no association (the RoleArn output is there to associate)', () => {
    build({ identity: BackendIdentity.podIdentity() }).template.resourceCountIs('AWS::EKS::PodIdentityAssociation', 0);
  });

  test('the Helm values need no service account annotation', () => {
    const values = parse(build({ identity: BackendIdentity.podIdentity() }).outputs.OpenReplayHelmValues as string);
    for (const chart of OPENREPLAY_SERVICE_ACCOUNT_SUBCHARTS) expect(values[chart]).toBeUndefined();
  });
});

describe('IRSA', () => {
  test('a role trusted by the OIDC provider, for the chart accounts in the namespace only', () => {
    const { json } = build({ identity: BackendIdentity.irsa({ oidcProviderArn: OIDC }) });
    const role = Object.values<any>(json.Resources).find((r) => r.Type === 'AWS::IAM::Role');
    const [statement] = role.Properties.AssumeRolePolicyDocument.Statement;
    expect(statement.Action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(statement.Principal).toEqual({ Federated: OIDC });
    expect(statement.Condition.StringEquals[`${ISSUER}:aud`]).toBe('sts.amazonaws.com');
    expect([...statement.Condition.StringEquals[`${ISSUER}:sub`]].sort()).toEqual(CHART_ACCOUNTS.map((sa) => `system:serviceaccount:app:${sa}`).sort());
  });

  test('the Helm values annotate each storage service account with the role', () => {
    const { outputs, storage } = build({ identity: BackendIdentity.irsa({ oidcProviderArn: OIDC }) });
    const text = JSON.stringify(outputs.OpenReplayHelmValues);
    for (const chart of OPENREPLAY_SERVICE_ACCOUNT_SUBCHARTS) expect(text).toContain(`${chart}:\\n  serviceAccount:\\n    annotations:\\n      eks.amazonaws.com/role-arn: `);
    expect(storage.role).toBeDefined();
  });

  test('a token provider ARN is refused: the condition keys are made from it at synth', () => {
    const stack = testStack();
    const arn = new CfnParameter(stack, 'Oidc').valueAsString;
    expect(() => new OpenReplayStorage(stack, 'OpenReplay', { identity: BackendIdentity.irsa({ oidcProviderArn: arn }) })).toThrow(
      /'identity.oidcProviderArn' must be a literal ARN, not a token/,
    );
  });

  test('a malformed provider ARN is refused', () => {
    expect(() => build({ identity: BackendIdentity.irsa({ oidcProviderArn: 'arn:aws:iam::123:role/x' }) })).toThrow(/'identity.oidcProviderArn' must be an IAM OIDC identity provider ARN/);
  });
});

describe('identity validation', () => {
  test('accessKeySerial with a role is refused', () => {
    expect(() => build({ identity: BackendIdentity.podIdentity(), accessKeySerial: 1 })).toThrow(/'accessKeySerial' must be unset when the backend assumes a role/);
  });

  test('service account names must be Kubernetes names', () => {
    expect(() => build({ identity: BackendIdentity.podIdentity({ serviceAccounts: ['Bad_Name'] }) })).toThrow(/'identity.serviceAccounts' must be a Kubernetes object name/);
  });

  test('LogRocket needs the service accounts and namespace (its chart does not publish them), all in one error', () => {
    const stack = testStack();
    expect(
      () => new LogRocketStorage(stack, 'LogRocket', { userFilesBucketName: 'acme-lr', dashboardOrigins: ['https://lr.example.com'], identity: BackendIdentity.podIdentity() }),
    ).toThrow(/identity.serviceAccounts' must be set[\s\S]*identity.namespace' must be set/);
  });

  test('LogRocket with a role: no key, and a RoleArn output instead of SecretArn', () => {
    const stack = testStack();
    new LogRocketStorage(stack, 'LogRocket', {
      userFilesBucketName: 'acme-lr',
      dashboardOrigins: ['https://lr.example.com'],
      identity: BackendIdentity.podIdentity({ namespace: 'logrocket', serviceAccounts: ['backend'], clusterName: 'c1' }),
    });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::AccessKey', 0);
    template.hasResourceProperties('AWS::EKS::PodIdentityAssociation', { Namespace: 'logrocket', ServiceAccount: 'backend', ClusterName: 'c1' });
    const outputs = outputValues(template);
    expect(outputs.LogRocketRoleArn).toBeDefined();
    expect(outputs.LogRocketSecretArn).toBeUndefined();
  });
});
