import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CfnParameter, RemovalPolicy, type Stack } from 'aws-cdk-lib/core';
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
import { BackendIdentity, OpenReplayStorage, type OpenReplayStorageProps } from '../../src/aws';
import { OPENREPLAY_S3_BUCKET_ACTIONS, OPENREPLAY_S3_OBJECT_ACTIONS } from '../../src/core';

const NAMES = {
  recordings: 'acme-or-mobs',
  assets: 'acme-or-assets',
  sourcemaps: 'acme-or-sourcemaps',
  spots: 'acme-or-spots',
};

interface Built {
  readonly stack: Stack;
  readonly storage: OpenReplayStorage;
  readonly template: Template;
}

function build(props: OpenReplayStorageProps = {}, region: string | null = 'eu-central-1'): Built {
  const stack = testStack(region);
  const storage = new OpenReplayStorage(stack, 'OpenReplay', props);
  return { stack, storage, template: Template.fromStack(stack) };
}

function bucketsOf(storage: OpenReplayStorage): s3.IBucket[] {
  return [storage.recordingsBucket, storage.assetsBucket, storage.sourcemapsBucket, storage.spotsBucket].filter((b): b is s3.IBucket => !!b);
}

describe('OpenReplayStorage with defaults', () => {
  let built: Built;
  beforeAll(() => {
    built = build({ bucketNames: NAMES, dashboardOrigins: ['https://openreplay.example.com'] });
  });

  test('creates the four role buckets, encrypted, ACLs disabled, retained', () => {
    const { template } = built;
    template.resourceCountIs('AWS::S3::Bucket', 4);
    template.allResourcesProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    template.allResources('AWS::S3::Bucket', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    for (const name of Object.values(NAMES)) template.hasResourceProperties('AWS::S3::Bucket', { BucketName: name });
  });

  test('every bucket expires objects tagged to_delete_in_days=30 after 30 days and aborts unfinished multipart uploads', () => {
    built.template.allResourcesProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: [
          Match.objectLike({ Status: 'Enabled', ExpirationInDays: 30, TagFilters: [{ Key: 'to_delete_in_days', Value: '30' }] }),
          Match.objectLike({ Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }),
        ],
      },
    });
  });

  test('the Helm values tell the backend the same days (SCH_DELETE_DAYS)', () => {
    const values = parse(outputValues(built.template).OpenReplayHelmValues as string);
    expect(values.global.env).toEqual({ SCH_DELETE_DAYS: '30' });
  });

  test('the key may abort multipart uploads (the Go uploader aborts failed ones)', () => {
    const policy = Object.values(built.template.findResources('AWS::IAM::Policy'))[0] as any;
    const objectStatement = policy.Properties.PolicyDocument.Statement.find((st: any) => st.Sid === 'ObjectAccess');
    expect(objectStatement.Action).toContain('s3:AbortMultipartUpload');
  });

  test('exactly one bucket policy grants anonymous access: GetObject on the assets objects', () => {
    const { template, storage } = built;
    const allows = anonymousAllows(template);
    expect(allows).toHaveLength(1);
    const [{ bucket, statement }] = allows;
    expect(bucket).toBe(logicalIdOf(storage.assetsBucket));
    expect(actionsOf(statement)).toEqual(['s3:GetObject']);
    expect(statement.Resource).toEqual(objectsOf(bucket));
    expect(statement.Condition).toBeUndefined();
  });

  test('Block Public Access: assets allows only the policy, every other bucket blocks all', () => {
    const { template, storage } = built;
    const buckets = template.findResources('AWS::S3::Bucket');
    const assets = logicalIdOf(storage.assetsBucket);
    for (const [id, bucket] of Object.entries(buckets)) {
      const bpa = (bucket as any).Properties.PublicAccessBlockConfiguration;
      if (id === assets) {
        expect(bpa).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false });
      } else {
        expect(bpa).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
      }
    }
  });

  test('every bucket denies requests without TLS and below TLS 1.2', () => {
    const { template, storage } = built;
    const statements = bucketPolicyStatements(template);
    for (const bucket of bucketsOf(storage)) {
      const id = logicalIdOf(bucket);
      const denies = statements.filter((s) => s.bucket === id && s.statement.Effect === 'Deny').map((s) => s.statement);
      expect(denies).toContainEqual(
        expect.objectContaining({ Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } }, Resource: [arnOf(id), objectsOf(id)] }),
      );
      expect(denies).toContainEqual(expect.objectContaining({ Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }));
    }
  });

  test('CORS on every bucket: GET with any header from the dashboard origin', () => {
    built.template.allResourcesProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [Match.objectLike({ AllowedMethods: ['GET'], AllowedHeaders: ['*'], AllowedOrigins: ['https://openreplay.example.com'] })],
      },
    });
  });

  test('the access key policy names exactly the documented actions on exactly these buckets', () => {
    const { template, storage } = built;
    template.resourceCountIs('AWS::IAM::User', 1);
    template.resourceCountIs('AWS::IAM::AccessKey', 1);
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    expect(policies).toHaveLength(1);
    const statements = (policies[0] as any).Properties.PolicyDocument.Statement as any[];
    const ids = bucketsOf(storage).map(logicalIdOf);
    const allActions = statements.flatMap(actionsOf);
    expect(allActions.filter((a) => a.includes('*'))).toEqual([]);
    expect(new Set(allActions)).toEqual(new Set([...OPENREPLAY_S3_OBJECT_ACTIONS, ...OPENREPLAY_S3_BUCKET_ACTIONS]));
    const objectStatement = statements.find((s) => actionsOf(s).includes('s3:GetObject'));
    expect(actionsOf(objectStatement).sort()).toEqual([...OPENREPLAY_S3_OBJECT_ACTIONS].sort());
    expect(objectStatement.Resource).toEqual(ids.map(objectsOf));
    const bucketStatement = statements.find((s) => actionsOf(s).includes('s3:ListBucket'));
    expect(actionsOf(bucketStatement).sort()).toEqual([...OPENREPLAY_S3_BUCKET_ACTIONS].sort());
    expect(bucketStatement.Resource).toEqual(ids.map(arnOf));
    expect(statements.every((s) => s.Effect === 'Allow')).toBe(true);
  });

  test('the secret key lives in Secrets Manager and in no output', () => {
    const { template, storage } = built;
    const keyId = logicalIdOf(storage.node.findChild('Credentials').node.findChild('AccessKey'));
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      SecretString: { 'Fn::Join': ['', Match.arrayWith([{ 'Fn::GetAtt': [keyId, 'SecretAccessKey'] }])] },
    });
    const outputs = outputValues(template);
    expect(Object.keys(outputs).length).toBeGreaterThan(0);
    for (const value of Object.values(outputs)) expect(referencesSecretAccessKey(value)).toBe(false);
    expect(outputs.OpenReplaySecretArn).toEqual({ Ref: logicalIdOf(storage.secret!) });
  });

  test('outputs: bucket names, region, endpoint and virtual-hosted assets origin', () => {
    const outputs = outputValues(built.template);
    expect(outputs).toMatchObject({
      OpenReplayRecordingsBucket: NAMES.recordings,
      OpenReplayAssetsBucket: NAMES.assets,
      OpenReplaySourcemapsBucket: NAMES.sourcemaps,
      OpenReplaySpotsBucket: NAMES.spots,
      OpenReplayRegion: 'eu-central-1',
      OpenReplayEndpoint: 'https://s3.eu-central-1.amazonaws.com',
      OpenReplayAssetsOrigin: `https://${NAMES.assets}.s3.eu-central-1.amazonaws.com`,
    });
  });

  test('HelmValues: MinIO off, global.s3 pointing at the buckets, keys from the existing secret', () => {
    const helm = outputValues(built.template).OpenReplayHelmValues as string;
    expect(typeof helm).toBe('string');
    expect(helm).toContain('minio:');
    const values = parse(helm);
    expect(values.minio).toEqual({ enabled: false });
    expect(values.global.s3).toEqual({
      region: 'eu-central-1',
      endpoint: 'https://s3.eu-central-1.amazonaws.com',
      recordingsBucket: NAMES.recordings,
      assetsBucket: NAMES.assets,
      sourcemapsBucket: NAMES.sourcemaps,
      spotsBucket: NAMES.spots,
      existingSecret: 'openreplay-object-storage',
    });
    expect(values.global.assetsOrigin).toBe(`https://${NAMES.assets}.s3.eu-central-1.amazonaws.com`);
    expect(built.storage.helmValues).toBe(helm);
  });

  test('CreateSecretCommand reads the secret from Secrets Manager and never holds it', () => {
    const { template, storage } = built;
    const command = outputValues(template).OpenReplayCreateSecretCommand as any;
    const parts: unknown[] = command['Fn::Join'][1];
    const text = parts.map((p) => (typeof p === 'string' ? p : `<${JSON.stringify(p)}>`)).join('');
    const secret = `<${JSON.stringify({ Ref: logicalIdOf(storage.secret!) })}>`;
    // The key pair flows through a pipe into kubectl, never through a command line (run for real in test/core/kubectl.test.ts).
    expect(text).toBe(
      `aws secretsmanager get-secret-value --region 'eu-central-1' --secret-id '${secret}' --query SecretString --output text | ` +
        'jq \'{apiVersion: "v1", kind: "Secret", type: "Opaque", metadata: {name: "openreplay-object-storage", namespace: "app"}, stringData: (.)}\' | kubectl apply -f -',
    );
    expect(referencesSecretAccessKey(command)).toBe(false);
    expect(storage.createSecretCommand).toBeDefined();
  });

  test('legacy layout outputs: one document per file, secret key only as a pointer', () => {
    const outputs = outputValues(built.template);
    for (const name of ['LegacyVars', 'LegacyHttp', 'LegacyStorage', 'LegacyAssets', 'LegacyChalice']) {
      expect(outputs[`OpenReplay${name}`]).toBeDefined();
    }
    expect(JSON.stringify(outputs.OpenReplayLegacyVars)).toContain('minio_secret_key: <secret-key of the Secrets Manager secret in output OpenReplaySecretArn>');
    const http = parse(outputs.OpenReplayLegacyHttp as string);
    expect(http.env).toEqual({ ASSETS_ORIGIN: `https://${NAMES.assets}.s3.eu-central-1.amazonaws.com`, AWS_REGION: 'eu-central-1' });
    const storage = parse(outputs.OpenReplayLegacyStorage as string);
    expect(storage.env).toEqual({ AWS_ENDPOINT: 'https://s3.eu-central-1.amazonaws.com', AWS_REGION_WEB: 'eu-central-1', S3_BUCKET_WEB: NAMES.recordings });
    const chalice = parse(outputs.OpenReplayLegacyChalice as string);
    expect(chalice.env).toMatchObject({ sessions_bucket: NAMES.recordings, sourcemaps_bucket: NAMES.sourcemaps, js_cache_bucket: NAMES.assets });
  });

  test('no warning when the dashboard origin is named', () => {
    Annotations.fromStack(built.stack).hasNoWarning('*', Match.stringLikeRegexp('dashboardOrigins'));
  });
});

describe('OpenReplayStorage options', () => {
  test("dashboardOrigins left at '*' warns and names the prop", () => {
    const { stack, template } = build();
    Annotations.fromStack(stack).hasWarning('/Test/OpenReplay', Match.stringLikeRegexp("'dashboardOrigins' allows any origin"));
    template.allResourcesProperties('AWS::S3::Bucket', { CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ['*'] })] } });
  });

  test('spots off removes the bucket, its output, its Helm key and its IAM grant', () => {
    const { template, storage } = build({ spots: false, bucketNames: { recordings: 'a-mobs', assets: 'a-assets', sourcemaps: 'a-maps' } });
    template.resourceCountIs('AWS::S3::Bucket', 3);
    expect(storage.spotsBucket).toBeUndefined();
    const outputs = outputValues(template);
    expect(outputs.OpenReplaySpotsBucket).toBeUndefined();
    expect(parse(outputs.OpenReplayHelmValues as string).global.s3.spotsBucket).toBeUndefined();
    const policy = Object.values(template.findResources('AWS::IAM::Policy'))[0] as any;
    for (const statement of policy.Properties.PolicyDocument.Statement) expect(statement.Resource).toHaveLength(3);
  });

  test('deletionTagDays sets the tag value, the expiry and SCH_DELETE_DAYS', () => {
    const { template } = build({ deletionTagDays: 7 });
    template.allResourcesProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 7, TagFilters: [{ Key: 'to_delete_in_days', Value: '7' }] })]) },
    });
    expect(JSON.stringify(outputValues(template).OpenReplayHelmValues)).toContain('SCH_DELETE_DAYS: \\"7\\"');
  });

  test('recordingsExpirationDays deletes recordings and spots by age, nothing else', () => {
    const { template, storage } = build({ recordingsExpirationDays: 90 });
    const byAge = (bucket: s3.IBucket) =>
      (template.toJSON().Resources[logicalIdOf(bucket)].Properties.LifecycleConfiguration.Rules as any[]).filter((r) => r.Id === 'expire-by-age');
    expect(byAge(storage.recordingsBucket)).toEqual([{ Id: 'expire-by-age', Status: 'Enabled', ExpirationInDays: 90 }]);
    expect(byAge(storage.spotsBucket!)).toHaveLength(1);
    expect(byAge(storage.assetsBucket)).toEqual([]);
    expect(byAge(storage.sourcemapsBucket)).toEqual([]);
  });

  test('removalPolicy DESTROY deletes buckets on stack deletion, without an auto-delete Lambda', () => {
    const { template } = build({ removalPolicy: RemovalPolicy.DESTROY });
    template.allResources('AWS::S3::Bucket', { DeletionPolicy: 'Delete' });
    template.resourceCountIs('AWS::Lambda::Function', 0);
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  test('versioned keeps noncurrent versions of the recordings buckets for noncurrentVersionExpirationDays', () => {
    const { template, storage } = build({ versioned: true, noncurrentVersionExpirationDays: 14 });
    const props = (bucket: s3.IBucket) => template.toJSON().Resources[logicalIdOf(bucket)].Properties;
    for (const bucket of [storage.recordingsBucket, storage.spotsBucket!]) {
      expect(props(bucket).VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(props(bucket).LifecycleConfiguration.Rules).toContainEqual(
        expect.objectContaining({ Id: 'expire-noncurrent-versions', NoncurrentVersionExpiration: { NoncurrentDays: 14 } }),
      );
    }
    expect(props(storage.assetsBucket).VersioningConfiguration).toBeUndefined();
  });

  test('server access logs go to the given bucket, one prefix per role', () => {
    const stack = testStack();
    const logs = new s3.Bucket(stack, 'Logs');
    new OpenReplayStorage(stack, 'OpenReplay', { serverAccessLogsBucket: logs });
    const template = Template.fromStack(stack);
    for (const role of ['recordings', 'assets', 'sourcemaps', 'spots']) {
      template.hasResourceProperties('AWS::S3::Bucket', {
        LoggingConfiguration: { DestinationBucketName: { Ref: logicalIdOf(logs) }, LogFilePrefix: `OpenReplay/${role}/` },
      });
    }
  });

  test('kubernetesSecretName and kubernetesNamespace reach the Helm values and the command', () => {
    const outputs = outputValues(build({ kubernetesSecretName: 'replay-s3', kubernetesNamespace: 'openreplay' }).template);
    expect(outputs.OpenReplayHelmValues).toEqual(expect.anything());
    expect(JSON.stringify(outputs.OpenReplayHelmValues)).toContain('existingSecret: replay-s3');
    expect(JSON.stringify(outputs.OpenReplayCreateSecretCommand)).toContain('metadata: {name: \\"replay-s3\\", namespace: \\"openreplay\\"}');
  });

  test('outputPrefix names the outputs', () => {
    const outputs = outputValues(build({ outputPrefix: 'Replay' }).template);
    expect(outputs.ReplayHelmValues).toBeDefined();
    expect(outputs.OpenReplayHelmValues).toBeUndefined();
  });

  test('the output prefix comes from the construct id without other characters', () => {
    const stack = testStack();
    new OpenReplayStorage(stack, 'open-replay_1');
    expect(outputValues(Template.fromStack(stack)).openreplay1Region).toBe('eu-central-1');
  });

  test('accessKeySerial replaces the key when raised', () => {
    build({ accessKeySerial: 2 }).template.hasResourceProperties('AWS::IAM::AccessKey', { Serial: 2 });
  });

  test('China regions use the amazonaws.com.cn suffix', () => {
    const outputs = outputValues(build({ bucketNames: NAMES }, 'cn-north-1').template);
    expect(outputs.OpenReplayEndpoint).toBe('https://s3.cn-north-1.amazonaws.com.cn');
    expect(outputs.OpenReplayAssetsOrigin).toBe(`https://${NAMES.assets}.s3.cn-north-1.amazonaws.com.cn`);
  });

  test('an environment-agnostic stack gets region and URL suffix at deploy', () => {
    const outputs = outputValues(build({ bucketNames: NAMES }, null).template);
    expect(outputs.OpenReplayRegion).toEqual({ Ref: 'AWS::Region' });
    expect(outputs.OpenReplayEndpoint).toEqual({ 'Fn::Join': ['', ['https://s3.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] });
  });

  test('generated names flow into the outputs as references', () => {
    const { template, storage } = build();
    expect(outputValues(template).OpenReplayRecordingsBucket).toEqual({ Ref: logicalIdOf(storage.recordingsBucket) });
  });

  test('token-valued names do not crash validation', () => {
    const stack = testStack();
    const name = new CfnParameter(stack, 'AssetsName').valueAsString;
    new OpenReplayStorage(stack, 'OpenReplay', { bucketNames: { assets: name, recordings: name } });
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', { BucketName: { Ref: 'AssetsName' } });
  });

  test('a token secret name or namespace is refused: it would be written into a shell line', () => {
    const stack = testStack();
    const secretName = new CfnParameter(stack, 'SecretName').valueAsString;
    expect(() => new OpenReplayStorage(stack, 'OpenReplay', { kubernetesSecretName: secretName })).toThrow(
      /'kubernetesSecretName' must be a literal string, not a token \(it is written into the CreateSecretCommand shell line and the Helm values at synth\)/,
    );
    const namespace = new CfnParameter(stack, 'Namespace').valueAsString;
    expect(() => new OpenReplayStorage(stack, 'OpenReplay2', { kubernetesNamespace: namespace })).toThrow(/'kubernetesNamespace' must be a literal string, not a token/);
  });

  test('a dotted bucket name warns about TLS on the virtual-hosted URL', () => {
    const { stack } = build({ bucketNames: { assets: 'assets.example.com' } });
    Annotations.fromStack(stack).hasWarning('/Test/OpenReplay', Match.stringLikeRegexp("'bucketNames.assets' \\(assets.example.com\\) contains dots"));
  });
});

describe('OpenReplayStorage validation', () => {
  const cases: Array<[string, OpenReplayStorageProps, RegExp]> = [
    ['invalid bucket name', { bucketNames: { assets: 'Assets_Bucket' } }, /'bucketNames.assets' must be made of lowercase letters, digits, dots and hyphens only \(got: Assets_Bucket\)/],
    ['too short bucket name', { bucketNames: { recordings: 'ab' } }, /'bucketNames.recordings' must be between 3 and 63 characters long/],
    ['duplicate bucket names', { bucketNames: { recordings: 'same-name', assets: 'same-name' } }, /'bucketNames.assets' must be different from 'bucketNames.recordings'/],
    ['spots name with spots off', { spots: false, bucketNames: { spots: 'acme-spots' } }, /'bucketNames.spots' must be unset while 'spots' is false \(got: acme-spots\)/],
    ['origin with a path', { dashboardOrigins: ['https://openreplay.example.com/'] }, /'dashboardOrigins' must be a list of bare origins/],
    ['no origins', { dashboardOrigins: [] }, /'dashboardOrigins' must be a non-empty list/],
    ['zero days', { deletionTagDays: 0 }, /'deletionTagDays' must be a whole number from 1 to 3650 \(got: 0\)/],
    ['fractional days', { deletionTagDays: 1.5 }, /'deletionTagDays' must be a whole number/],
    ['negative serial', { accessKeySerial: -1 }, /'accessKeySerial' must be a whole number from 0/],
    ['secret name', { kubernetesSecretName: 'OpenReplay_S3' }, /'kubernetesSecretName' must be a Kubernetes object name/],
    ['namespace', { kubernetesNamespace: 'app.prod' }, /'kubernetesNamespace' must be a Kubernetes namespace name/],
    ['output prefix', { outputPrefix: 'open-replay' }, /'outputPrefix' must be made of 1-200 letters and digits \(got: open-replay\)/],
  ];
  test.each(cases)('%s', (_name, props, message) => {
    expect(() => build(props)).toThrow(message);
  });

  test('an id without letters or digits needs outputPrefix', () => {
    expect(() => new OpenReplayStorage(testStack(), '--')).toThrow(/'outputPrefix' must be made of 1-200 letters and digits \(got: \)/);
  });

  test('a token outputPrefix is refused', () => {
    const stack = testStack();
    const prefix = new CfnParameter(stack, 'Prefix').valueAsString;
    expect(() => new OpenReplayStorage(stack, 'OpenReplay', { outputPrefix: prefix })).toThrow(/'outputPrefix' must be a literal string, not a token/);
  });
});

describe('AWS partitions: the DNS suffix comes from aws-cdk-lib region facts', () => {
  test.each([
    ['eu-central-1', 'amazonaws.com'],
    ['cn-north-1', 'amazonaws.com.cn'],
    ['eusc-de-east-1', 'amazonaws.eu'],
    ['us-iso-east-1', 'c2s.ic.gov'],
    ['us-isob-east-1', 'sc2s.sgov.gov'],
  ])('%s: endpoint and assets origin end in %s', (region, suffix) => {
    const stack = testStack(region);
    const storage = new OpenReplayStorage(stack, 'OpenReplay', { bucketNames: NAMES });
    expect(storage.endpoint).toBe(`https://s3.${region}.${suffix}`);
    expect(storage.assetsOrigin).toBe(`https://${NAMES.assets}.s3.${region}.${suffix}`);
    expect(outputValues(Template.fromStack(stack)).OpenReplayEndpoint).toBe(`https://s3.${region}.${suffix}`);
  });

  test('an environment-agnostic stack gets AWS::URLSuffix, resolved at deploy', () => {
    const stack = testStack(null);
    new OpenReplayStorage(stack, 'OpenReplay', { bucketNames: NAMES });
    expect(JSON.stringify(outputValues(Template.fromStack(stack)).OpenReplayEndpoint)).toContain('AWS::URLSuffix');
  });
});

describe('External Secrets Operator', () => {
  test('an ExternalSecret that extracts the Secrets Manager secret into the secret the values read', () => {
    const { template, storage } = build({ kubernetesSecretName: 'replay-s3', kubernetesNamespace: 'openreplay', externalSecretStore: 'platform-secrets' });
    const manifest = outputValues(template).OpenReplayExternalSecretManifest as any;
    const parts: unknown[] = manifest['Fn::Join'][1];
    const text = parts.map((p) => (typeof p === 'string' ? p : 'ARN')).join('');
    expect(parse(text)).toEqual({
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'replay-s3', namespace: 'openreplay' },
      spec: {
        refreshInterval: '1h',
        secretStoreRef: { kind: 'ClusterSecretStore', name: 'platform-secrets' },
        target: { name: 'replay-s3', creationPolicy: 'Owner' },
        dataFrom: [{ extract: { key: 'ARN' } }],
      },
    });
    expect(parts).toContainEqual({ Ref: logicalIdOf(storage.secret!) });
  });

  test('none without a key', () => {
    const { template } = build({ identity: BackendIdentity.podIdentity() });
    expect(outputValues(template).OpenReplayExternalSecretManifest).toBeUndefined();
  });
});

describe('a construct given several bad props reports them all at once', () => {
  test('AWS OpenReplayStorage: bucket name, origin, days and secret name in one error', () => {
    const stack = testStack();
    expect(
      () =>
        new OpenReplayStorage(stack, 'Storage', {
          bucketNames: { assets: 'Bad_Name' },
          dashboardOrigins: ['https://replay.example.com/'],
          deletionTagDays: 0,
          kubernetesSecretName: 'Not A Name',
        }),
    ).toThrow(
      /^\[ReplayStorage\.InvalidProps\] OpenReplayStorage \(aws\) at 'Test\/Storage' has 4 invalid properties:\n {2}- 'bucketNames\.assets'.*\n {2}- 'dashboardOrigins'.*\n {2}- 'deletionTagDays'.*\n {2}- 'kubernetesSecretName'/,
    );
  });
});

test('a token externalSecretStore is refused: it is written into the ExternalSecret manifest', () => {
  const stack = testStack();
  const store = new CfnParameter(stack, 'Store').valueAsString;
  expect(() => new OpenReplayStorage(stack, 'OpenReplay', { externalSecretStore: store })).toThrow(/'externalSecretStore' must be a literal string, not a token/);
});
