/**
 * The AWS examples as `cdk synth` builds them (same stack ids, regions and
 * cdk.json context): one snapshot each as a safety net, the storage
 * guarantees on the shipped templates, and cdk-nag's AwsSolutions pack with
 * no unacknowledged finding.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { Validations, type App, type Stack } from 'aws-cdk-lib/core';
import { AwsSolutionsChecks } from 'cdk-nag';
import { LogRocketExampleStack } from '../../examples/aws-logrocket/stack';
import { OpenReplayExampleStack } from '../../examples/aws-openreplay/stack';
import { OpenReplayStorage } from '../../src/aws';
import { anonymousAllows, exampleApp, logicalIdOf, testStack } from './util';

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

describe('cdk-nag without the examples\u2019 acknowledgements', () => {
  test('flags public access on the assets bucket only, the object grants, the static key and missing access logs', () => {
    const stack = testStack();
    const storage = new OpenReplayStorage(stack, 'OpenReplay', { dashboardOrigins: ['https://openreplay.example.com'] });
    Validations.of(stack.node.root).addPlugins(new AwsSolutionsChecks(stack.node.root));
    let report = '';
    try {
      (stack.node.root as App).synth();
    } catch (e) {
      report = (e as Error).message;
    }
    expect(report).toMatch(/AwsSolutions-S2'/);
    const s2Paths = [...report.matchAll(/\n\s*(\S+) aws-cdk-lib\.aws_s3\.CfnBucket\n\s*Acknowledge with 'AwsSolutions::AwsSolutions-S2'/g)].map((m) => m[1]);
    expect(s2Paths).toEqual(['Test/OpenReplay/Assets/Resource']);
    expect(report).toContain(`AwsSolutions-IAM5[Resource::<${logicalIdOf(storage.recordingsBucket)}.Arn>/*]`);
    expect(report).toContain('AwsSolutions-SMG4');
    expect(report).toContain('AwsSolutions-S1'); // the examples fix this one with an access-log bucket
    expect(report).not.toMatch(/AwsSolutions-IAM5\[Action::/);
  });
});
