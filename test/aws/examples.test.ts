/**
 * The AWS examples as `cdk synth` builds them (same stack ids, regions and
 * cdk.json context): one snapshot each as a safety net, the storage
 * guarantees on the shipped templates, and cdk-nag's AwsSolutions pack with
 * no unacknowledged finding.
 */
import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Stack as CdkStack, Validations, type App, type Stack } from 'aws-cdk-lib/core';
import { AwsSolutionsChecks } from 'cdk-nag';
import { anonymousAllows, bucketPolicyStatements, exampleApp, logicalIdOf, outputValues } from './util';
import { LogRocketExampleStack } from '../../examples/aws-logrocket/stack';
import { OpenReplayExampleStack } from '../../examples/aws-openreplay/stack';
import { PrivateOpenReplayExampleStack } from '../../examples/aws-openreplay-private/stack';
import { LogRocketStorage, OpenReplayStorage } from '../../src/aws';

const ENV = { region: 'eu-central-1' };

function openReplayExample(app: App = exampleApp('aws-openreplay')): OpenReplayExampleStack {
  return new OpenReplayExampleStack(app, 'OpenReplayStorageExample', { env: ENV });
}

function logRocketExample(app: App = exampleApp('aws-logrocket')): LogRocketExampleStack {
  return new LogRocketExampleStack(app, 'LogRocketStorageExample', { env: ENV });
}

function withNag(build: (app: App) => Stack, app: App): App {
  build(app);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return app;
}

describe('examples/aws-openreplay', () => {
  test('template snapshot', () => {
    expect(Template.fromStack(openReplayExample()).toJSON()).toMatchSnapshot();
  });

  test('exactly one bucket policy grants anonymous access, on the assets bucket; the rest block all public access', () => {
    const stack = openReplayExample();
    const template = Template.fromStack(stack);
    const assets = logicalIdOf(stack.storage.assetsBucket);
    const allows = anonymousAllows(template);
    expect(allows.map((a) => a.bucket)).toEqual([assets]);
    const buckets = Object.entries(template.findResources('AWS::S3::Bucket'));
    expect(buckets).toHaveLength(5); // four roles and the access-log bucket
    for (const [id, bucket] of buckets.filter(([bucketId]) => bucketId !== assets)) {
      expect([id, (bucket as any).Properties.PublicAccessBlockConfiguration]).toEqual([
        id,
        { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      ]);
    }
  });

  test('cdk-nag AwsSolutions: no unacknowledged finding', () => {
    const app = withNag(openReplayExample, exampleApp('aws-openreplay'));
    expect(() => app.synth()).not.toThrow();
  });
});

describe('examples/aws-logrocket', () => {
  test('template snapshot', () => {
    expect(Template.fromStack(logRocketExample()).toJSON()).toMatchSnapshot();
  });

  test('cdk-nag AwsSolutions: no unacknowledged finding', () => {
    const app = withNag(logRocketExample, exampleApp('aws-logrocket'));
    expect(() => app.synth()).not.toThrow();
  });
});

/** Synthesizes with AwsSolutionsChecks and returns the report ('' when clean). */
function nagReport(stack: Stack): string {
  const app = stack.node.root as App;
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  try {
    app.synth();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

function accessLogBucket(stack: Stack): s3.Bucket {
  return new s3.Bucket(stack, 'AccessLogs', {
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
  });
}

/** A stack in an app with the examples' cdk.json context (as `cdk init` sets it). */
function appStack(): Stack {
  return new CdkStack(exampleApp('aws-openreplay'), 'Test', { env: ENV });
}

describe('cdk-nag out of the box: the constructs acknowledge their by-design findings', () => {
  test('a stack with only OpenReplayStorage and a log bucket passes AwsSolutions with no user acknowledgement', () => {
    const stack = appStack();
    new OpenReplayStorage(stack, 'OpenReplay', { dashboardOrigins: ['https://openreplay.example.com'], serverAccessLogsBucket: accessLogBucket(stack) });
    expect(nagReport(stack)).toBe('');
  });

  test('a stack with only LogRocketStorage and a log bucket passes AwsSolutions with no user acknowledgement', () => {
    const stack = appStack();
    new LogRocketStorage(stack, 'LogRocket', {
      userFilesBucketName: 'acme-logrocket-user-files',
      dashboardOrigins: ['https://logrocket.example.com'],
      serverAccessLogsBucket: accessLogBucket(stack),
    });
    expect(nagReport(stack)).toBe('');
  });

  test('only the findings that are the design are acknowledged: missing access logs still fail', () => {
    const stack = appStack();
    new OpenReplayStorage(stack, 'OpenReplay', { dashboardOrigins: ['https://openreplay.example.com'] });
    const report = nagReport(stack);
    expect(report).toContain('AwsSolutions-S1');
    expect(report).not.toMatch(/AwsSolutions-(S2|S5|SMG4|IAM5)/);
  });
});

describe('examples/aws-openreplay-private', () => {
  const build = (app: App = exampleApp('aws-openreplay-private')) => new PrivateOpenReplayExampleStack(app, 'OpenReplayPrivateStorageExample', { env: ENV });

  test('template snapshot', () => {
    expect(Template.fromStack(build()).toJSON()).toMatchSnapshot();
  });

  test('zero IAM users, zero access keys, zero secrets; a role that pods assume', () => {
    const template = Template.fromStack(build());
    for (const type of ['AWS::IAM::User', 'AWS::IAM::AccessKey', 'AWS::SecretsManager::Secret']) template.resourceCountIs(type, 0);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [{ Action: ['sts:AssumeRole', 'sts:TagSession'], Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' } }] },
    });
    expect(Object.keys(template.findResources('AWS::EKS::PodIdentityAssociation')).length).toBeGreaterThan(0);
  });

  test('every bucket fully private; no anonymous statement anywhere', () => {
    const template = Template.fromStack(build());
    expect(anonymousAllows(template)).toEqual([]);
    for (const bucket of Object.values<any>(template.findResources('AWS::S3::Bucket'))) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      });
    }
  });

  test('CloudFront reads the assets through an origin access control bound to the distribution', () => {
    const stack = build();
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const distribution = logicalIdOf(stack.storage.assetsDistribution!);
    const statements = bucketPolicyStatements(template).filter((s) => s.bucket === logicalIdOf(stack.storage.assetsBucket));
    const grant = statements.find((s) => (s.statement.Principal as { Service?: string } | undefined)?.Service === 'cloudfront.amazonaws.com')!;
    expect(grant.statement.Action).toBe('s3:GetObject');
    expect(JSON.stringify(grant.statement.Condition)).toContain(distribution);
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: { CorsConfig: { AccessControlAllowOrigins: { Items: ['https://openreplay.example.com'] }, OriginOverride: true } },
    });
  });

  test('Helm values: no keys, an empty endpoint, and the distribution as assetsOrigin', () => {
    const stack = build();
    const outputs = outputValues(Template.fromStack(stack));
    const helm = JSON.stringify(outputs.OpenReplayHelmValues);
    expect(helm).toContain('endpoint: \\"\\"');
    expect(helm).toContain('accessKey: \\"\\"');
    expect(helm).not.toContain('existingSecret');
    expect(JSON.stringify(outputs.OpenReplayAssetsOrigin)).toContain(logicalIdOf(stack.storage.assetsDistribution!));
  });

  test('cdk-nag AwsSolutions passes with no acknowledgement of a public bucket or a static key', () => {
    const app = exampleApp('aws-openreplay-private');
    const stack = build(app);
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).not.toThrow();
    const acknowledged = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((m) => Object.keys(m.data as object));
    expect(acknowledged.join(' ')).not.toMatch(/AwsSolutions-(S2|S5|SMG4)\b/);
  });
});
