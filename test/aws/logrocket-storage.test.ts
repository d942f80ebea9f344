import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CfnParameter, type Stack } from 'aws-cdk-lib/core';
import { parse } from 'yaml';
import {
  actionsOf,
  anonymousAllows,
  arnOf,
  bucketPolicyStatements,
  logicalIdOf,
  objectsOf,
  outputValues,
  referencesSecretAccessKey,
  testStack,
} from './util';
import { LogRocketStorage, type LogRocketStorageProps } from '../../src/aws';
import { LOGROCKET_S3_BUCKET_ACTIONS, LOGROCKET_S3_OBJECT_ACTIONS } from '../../src/core';

const BUCKET = 'acme-lr-user-files';
const ORIGIN = 'https://logrocket.example.com';

interface Built {
  readonly stack: Stack;
  readonly storage: LogRocketStorage;
  readonly template: Template;
}

function build(props: Partial<LogRocketStorageProps> = {}, region: string | null = 'eu-central-1'): Built {
  const stack = testStack(region);
  const storage = new LogRocketStorage(stack, 'LogRocket', { dashboardOrigins: [ORIGIN], userFilesBucketName: BUCKET, ...props });
  return { stack, storage, template: Template.fromStack(stack) };
}

describe('LogRocketStorage with defaults', () => {
  let built: Built;
  beforeAll(() => {
    built = build();
  });

  test('one userFiles bucket: encrypted, ACLs disabled, retained, BPA allowing only the policy', () => {
    const { template } = built;
    template.resourceCountIs('AWS::S3::Bucket', 1);
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: {
        BucketName: BUCKET,
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false },
      },
    });
  });

  test('CORS: GET and HEAD from the dashboard origin only', () => {
    built.template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['GET', 'HEAD'], AllowedOrigins: [ORIGIN], AllowedHeaders: ['*'] })] },
    });
    Annotations.fromStack(built.stack).hasNoWarning('*', Match.stringLikeRegexp('dashboardOrigins'));
  });

  test('anonymous GET of objects only, TLS enforced, no write restriction', () => {
    const { template, storage } = built;
    const id = logicalIdOf(storage.userFilesBucket);
    const allows = anonymousAllows(template);
    expect(allows).toHaveLength(1);
    expect(allows[0].bucket).toBe(id);
    expect(actionsOf(allows[0].statement)).toEqual(['s3:GetObject']);
    expect(allows[0].statement.Resource).toEqual(objectsOf(id));
    const denies = bucketPolicyStatements(template).filter((s) => s.statement.Effect === 'Deny').map((s) => s.statement);
    expect(denies).toContainEqual(expect.objectContaining({ Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    expect(denies.filter((d) => actionsOf(d).includes('s3:PutObject'))).toEqual([]);
  });

  test('the access key can read, write and sign uploads for userFiles only', () => {
    const { template, storage } = built;
    const id = logicalIdOf(storage.userFilesBucket);
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    expect(policies).toHaveLength(1);
    const statements = (policies[0] as any).Properties.PolicyDocument.Statement as any[];
    const all = statements.flatMap(actionsOf);
    expect(all.filter((a) => a.includes('*'))).toEqual([]);
    expect(new Set(all)).toEqual(new Set([...LOGROCKET_S3_OBJECT_ACTIONS, ...LOGROCKET_S3_BUCKET_ACTIONS]));
    const objects = statements.find((s) => actionsOf(s).includes('s3:PutObject'));
    expect(objects.Resource).toEqual(objectsOf(id));
    const bucket = statements.find((s) => actionsOf(s).includes('s3:ListBucket'));
    expect(bucket.Resource).toEqual(arnOf(id));
  });

  test('secret key in Secrets Manager, never in an output', () => {
    const { template, storage } = built;
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    const outputs = outputValues(template);
    for (const value of Object.values(outputs)) expect(referencesSecretAccessKey(value)).toBe(false);
    expect(outputs.LogRocketSecretArn).toEqual({ Ref: logicalIdOf(storage.secret!) });
  });

  test('outputs: derived prefix, bucket, region and Helm values', () => {
    const outputs = outputValues(built.template);
    expect(outputs.LogRocketReplayPrefix).toBe(`https://${BUCKET}.s3.eu-central-1.amazonaws.com/`);
    expect(outputs.LogRocketUserFilesBucket).toBe(BUCKET);
    expect(outputs.LogRocketRegion).toBe('eu-central-1');
    expect(parse(outputs.LogRocketHelmValues as string)).toEqual({
      fileStorage: { buckets: { userFiles: BUCKET } },
      aws: { region: 'eu-central-1', useVirtualHostS3: true },
      backendIngest: { enabled: true },
    });
    expect(built.storage.replayPrefix).toBe(outputs.LogRocketReplayPrefix);
  });
});

describe('LogRocketStorage options', () => {
  test('path-style in a region with a dash endpoint', () => {
    const { stack, template } = build({ useVirtualHostS3: false }, 'eu-west-1');
    const outputs = outputValues(template);
    expect(outputs.LogRocketReplayPrefix).toBe(`https://s3-eu-west-1.amazonaws.com/${BUCKET}/`);
    expect(parse(outputs.LogRocketHelmValues as string).aws).toEqual({ region: 'eu-west-1', useVirtualHostS3: false });
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('useVirtualHostS3'));
  });

  test('path-style in us-east-1 has no region in the host', () => {
    expect(outputValues(build({ useVirtualHostS3: false }, 'us-east-1').template).LogRocketReplayPrefix).toBe(`https://s3.amazonaws.com/${BUCKET}/`);
  });

  test('path-style in a region without a dash endpoint (eu-south-1) warns', () => {
    const { stack } = build({ useVirtualHostS3: false }, 'eu-south-1');
    Annotations.fromStack(stack).hasWarning('/Test/LogRocket', Match.stringLikeRegexp('eu-south-1 has no legacy s3-<region> endpoint'));
  });

  test('path-style with an unknown region warns', () => {
    const { stack } = build({ useVirtualHostS3: false }, null);
    Annotations.fromStack(stack).hasWarning('/Test/LogRocket', Match.stringLikeRegexp('region is unknown at synth'));
  });

  test('China regions use the amazonaws.com.cn suffix', () => {
    expect(outputValues(build({}, 'cn-northwest-1').template).LogRocketReplayPrefix).toBe(`https://${BUCKET}.s3.cn-northwest-1.amazonaws.com.cn/`);
  });

  test('additional cachedAssetPrefixes and backendIngest reach the Helm values', () => {
    const extra = 'https://cdn.example.com/logrocket-user-files/';
    const values = parse(outputValues(build({ cachedAssetPrefixes: [extra], backendIngest: true }).template).LogRocketHelmValues as string);
    expect(values.cachedAssetPrefixes).toEqual([extra]);
  });

  test('backendIngest false with custom prefixes warns about the rollback', () => {
    const { stack, template } = build({ backendIngest: false, cachedAssetPrefixes: ['https://cdn.example.com/files/'] });
    expect(parse(outputValues(template).LogRocketHelmValues as string).backendIngest).toEqual({ enabled: false });
    Annotations.fromStack(stack).hasWarning('/Test/LogRocket', Match.stringLikeRegexp("'cachedAssetPrefixes' is set while 'backendIngest' is false"));
  });

  test("dashboardOrigins '*' warns and names the prop", () => {
    const { stack } = build({ dashboardOrigins: ['*'] });
    Annotations.fromStack(stack).hasWarning('/Test/LogRocket', Match.stringLikeRegexp("'dashboardOrigins' allows any origin"));
  });

  test('a write restriction with async upload off denies PutObject from elsewhere', () => {
    const { template, storage } = build({
      asyncMobileUpload: false,
      restrictWritesTo: { vpcEndpointIds: ['vpce-0123456789abcdef0'], sourceIps: ['203.0.113.0/24'] },
    });
    const id = logicalIdOf(storage.userFilesBucket);
    const denies = bucketPolicyStatements(template).filter((s) => s.statement.Effect === 'Deny' && actionsOf(s.statement).includes('s3:PutObject'));
    expect(denies).toHaveLength(1);
    expect(denies[0].statement).toMatchObject({
      Action: 's3:PutObject',
      Resource: objectsOf(id),
      Condition: {
        StringNotEquals: { 'aws:SourceVpce': ['vpce-0123456789abcdef0'] },
        NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] },
      },
    });
    expect(anonymousAllows(template)).toHaveLength(1);
  });

  test('a restriction to source IPs only has no VPC endpoint condition', () => {
    const { template } = build({ asyncMobileUpload: false, restrictWritesTo: { sourceIps: ['2001:db8::/32', '198.51.100.7'] } });
    const deny = bucketPolicyStatements(template).find((s) => s.statement.Effect === 'Deny' && actionsOf(s.statement).includes('s3:PutObject'));
    expect(deny?.statement.Condition).toEqual({ NotIpAddress: { 'aws:SourceIp': ['2001:db8::/32', '198.51.100.7'] } });
  });

  test('token-valued names do not crash validation; the prefix resolves at deploy', () => {
    const stack = testStack();
    const name = new CfnParameter(stack, 'UserFiles').valueAsString;
    new LogRocketStorage(stack, 'LogRocket', { dashboardOrigins: [ORIGIN], userFilesBucketName: name, cachedAssetPrefixes: ['https://cdn.example.com/x/'] });
    const outputs = outputValues(Template.fromStack(stack));
    expect(outputs.LogRocketReplayPrefix).toEqual({ 'Fn::Join': ['', ['https://', { Ref: 'UserFiles' }, '.s3.eu-central-1.amazonaws.com/']] });
  });
});

describe('LogRocketStorage validation', () => {
  const primary = `https://${BUCKET}.s3.eu-central-1.amazonaws.com/`;
  const cases: Array<[string, Partial<LogRocketStorageProps>, RegExp]> = [
    ['invalid bucket name', { userFilesBucketName: 'userFiles' }, /'userFilesBucketName' must be made of lowercase letters, digits, dots and hyphens only \(got: userFiles\)/],
    ['reserved suffix', { userFilesBucketName: 'files-s3alias' }, /'userFilesBucketName' must be a name that does not end with the reserved suffix '-s3alias'/],
    ['malformed origin', { dashboardOrigins: ['logrocket.example.com'] }, /'dashboardOrigins' must be a list of origins like https:\/\/host\[:port\]/],
    ['partial wildcard origin', { dashboardOrigins: ['https://*.example.com'] }, /'dashboardOrigins' must be a list of exact origins or '\*'/],
    ['primary prefix listed', { cachedAssetPrefixes: [primary] }, /'cachedAssetPrefixes' must be a list of additional prefixes only, never the primary derived prefix/],
    ['prefix without slash', { cachedAssetPrefixes: ['https://cdn.example.com/files'] }, /'cachedAssetPrefixes' must be a list of prefixes that end with '\/'/],
    ['prefix without https', { cachedAssetPrefixes: ['http://cdn.example.com/files/'] }, /'cachedAssetPrefixes' must be a list of https:\/\/ URLs/],
    [
      'write restriction with async upload',
      { restrictWritesTo: { vpcEndpointIds: ['vpce-0123456789abcdef0'] } },
      /'restrictWritesTo' must be unset while 'asyncMobileUpload' is true.*setEnableAsyncImageUpload\(false\)/,
    ],
    ['empty write restriction', { asyncMobileUpload: false, restrictWritesTo: {} }, /'restrictWritesTo' must be a restriction that names at least one VPC endpoint or source IP/],
    ['bad VPC endpoint id', { asyncMobileUpload: false, restrictWritesTo: { vpcEndpointIds: ['vpc-123'] } }, /'restrictWritesTo.vpcEndpointIds' must be a list of VPC endpoint ids/],
    ['bad source IP', { asyncMobileUpload: false, restrictWritesTo: { sourceIps: ['10.0.0.0/33'] } }, /'restrictWritesTo.sourceIps' must be a list of IP addresses or CIDR ranges \(got: 10.0.0.0\/33\)/],
    ['negative serial', { accessKeySerial: -3 }, /'accessKeySerial' must be a whole number/],
    ['output prefix', { outputPrefix: 'log rocket' }, /'outputPrefix' must be made of 1-200 letters and digits/],
  ];
  test.each(cases)('%s', (_name, props, message) => {
    expect(() => build(props)).toThrow(message);
  });
});

describe('LogRocketStorage path-style hosts', () => {
  test.each(['eu-central-1', 'us-east-2'])('%s has a legacy s3-<region> host (Public Suffix List): no warning', (region) => {
    const { stack } = build({ useVirtualHostS3: false }, region);
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('no legacy s3-<region> endpoint'))).toEqual([]);
  });
});

describe('text that reaches the Helm values is never a token', () => {
  test('a token in cachedAssetPrefixes is refused', () => {
    const stack = testStack();
    const cdn = new CfnParameter(stack, 'Cdn').valueAsString;
    expect(() => new LogRocketStorage(stack, 'LogRocket', { dashboardOrigins: [ORIGIN], userFilesBucketName: BUCKET, cachedAssetPrefixes: [cdn] })).toThrow(
      /'cachedAssetPrefixes' must be a literal string, not a token \(it is written into the Helm values at synth\)/,
    );
  });
});
