import { Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Stack } from 'aws-cdk-lib/core';
import { OpenReplayStorage, type OpenReplayStorageProps } from '../../../src/aws';
import { MinioDataSyncMigration, type MinioDataSyncMigrationProps } from '../../../src/aws/migration';
import { DATASYNC_S3_BUCKET_ACTIONS, DATASYNC_S3_OBJECT_ACTIONS } from '../../../src/aws/migration/data-sync-facts';
import { actionsOf, arnOf, logicalIdOf, objectsOf, outputValues, testStack } from '../util';

const NAMES = { recordings: 'acme-or-mobs', assets: 'acme-or-assets', sourcemaps: 'acme-or-sourcemaps', spots: 'acme-or-spots' };
const AGENT = 'arn:aws:datasync:eu-central-1:123456789012:agent/agent-0123456789abcdef0';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:openreplay-minio-AbCdEf';
const STORAGE: OpenReplayStorageProps = { bucketNames: NAMES, dashboardOrigins: ['https://openreplay.example.com'] };

interface Built {
  readonly stack: Stack;
  readonly storage: OpenReplayStorage;
  readonly migration: MinioDataSyncMigration;
  readonly template: Template;
}

function build(props: Partial<MinioDataSyncMigrationProps> = {}, storageProps: OpenReplayStorageProps = STORAGE): Built {
  const stack = testStack();
  const storage = new OpenReplayStorage(stack, 'OpenReplay', storageProps);
  const migration = new MinioDataSyncMigration(stack, 'Migration', {
    storage,
    agentArns: [AGENT],
    minioEndpoint: 'minio.db.svc.cluster.local',
    minioCredentialsSecret: secretsmanager.Secret.fromSecretCompleteArn(stack, 'MinioKeys', SECRET_ARN),
    ...props,
  });
  return { stack, storage, migration, template: Template.fromStack(stack) };
}

/** The migration's constructs would throw this; wraps for toThrow. */
function migrate(props: Partial<MinioDataSyncMigrationProps>, storageProps: OpenReplayStorageProps = STORAGE) {
  return () => build(props, storageProps);
}

const resources = (t: Template, type: string) => Object.entries<any>(t.findResources(type));

describe('MinioDataSyncMigration with the chart defaults', () => {
  let built: Built;
  beforeAll(() => {
    built = build();
  });

  test('one MinIO location per bucket of the storage, on the chart default MinIO buckets over HTTP port 9000', () => {
    const { template } = built;
    template.resourceCountIs('AWS::DataSync::LocationObjectStorage', 4);
    for (const bucket of ['mobs', 'sessions-assets', 'sourcemaps', 'spots']) {
      template.hasResourceProperties('AWS::DataSync::LocationObjectStorage', {
        BucketName: bucket,
        ServerHostname: 'minio.db.svc.cluster.local',
        ServerPort: 9000,
        ServerProtocol: 'HTTP',
        AgentArns: [AGENT],
      });
    }
  });

  test('the MinIO key pair is only a Secrets Manager dynamic reference', () => {
    const { template } = built;
    for (const [, location] of resources(template, 'AWS::DataSync::LocationObjectStorage')) {
      expect(location.Properties.AccessKey).toBe(`{{resolve:secretsmanager:${SECRET_ARN}:SecretString:access-key::}}`);
      expect(location.Properties.SecretKey).toBe(`{{resolve:secretsmanager:${SECRET_ARN}:SecretString:secret-key::}}`);
    }
  });

  test('no key material in outputs, and the template names the secret only in dynamic references', () => {
    const { template } = built;
    const own = Object.entries<any>(template.toJSON().Outputs).filter(([name]) => name.includes('Migrat'));
    expect(own).toHaveLength(5);
    const outputs = JSON.stringify(own);
    expect(outputs).not.toContain('secretsmanager');
    expect(outputs).not.toContain('SecretKey');
    const mentions = JSON.stringify(template.toJSON()).match(/[^"]*openreplay-minio-AbCdEf[^"]*/g) ?? [];
    expect(mentions.length).toBe(8);
    for (const m of mentions) expect(m).toMatch(/^\{\{resolve:secretsmanager:.*::\}\}$/);
  });

  test('one S3 location per bucket, on that bucket, with its own role', () => {
    const { template, storage } = built;
    template.resourceCountIs('AWS::DataSync::LocationS3', 4);
    for (const bucket of [storage.recordingsBucket, storage.assetsBucket, storage.sourcemapsBucket, storage.spotsBucket!]) {
      template.hasResourceProperties('AWS::DataSync::LocationS3', {
        S3BucketArn: arnOf(logicalIdOf(bucket)),
        S3Config: { BucketAccessRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('Access'), 'Arn'] } },
      });
    }
    const roleIds = resources(template, 'AWS::DataSync::LocationS3').map(([, l]) => l.Properties.S3Config.BucketAccessRoleArn['Fn::GetAtt'][0]);
    expect(new Set(roleIds).size).toBe(4);
  });

  test('the location roles trust only DataSync of this account', () => {
    const roles = resources(built.template, 'AWS::IAM::Role').filter(([id]) => id.startsWith('Migration'));
    expect(roles).toHaveLength(4);
    for (const [, role] of roles) {
      expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
        {
          Effect: 'Allow',
          Principal: { Service: 'datasync.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: {
            StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
            StringLike: {
              'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':datasync:eu-central-1:', { Ref: 'AWS::AccountId' }, ':*']] },
            },
          },
        },
      ]);
    }
  });

  test('least privilege: each role holds the documented DataSync actions on its own bucket and nothing else', () => {
    const { template } = built;
    const locations = resources(template, 'AWS::DataSync::LocationS3').map(([, l]) => l.Properties);
    for (const location of locations) {
      const bucketId = location.S3BucketArn['Fn::GetAtt'][0];
      const roleId = location.S3Config.BucketAccessRoleArn['Fn::GetAtt'][0];
      const role = template.toJSON().Resources[roleId];
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      expect(role.Properties.Policies).toHaveLength(1);
      const statements = role.Properties.Policies[0].PolicyDocument.Statement;
      expect(statements).toEqual([
        { Sid: 'Bucket', Effect: 'Allow', Action: [...DATASYNC_S3_BUCKET_ACTIONS], Resource: arnOf(bucketId) },
        { Sid: 'Objects', Effect: 'Allow', Action: [...DATASYNC_S3_OBJECT_ACTIONS], Resource: objectsOf(bucketId) },
      ]);
    }
    // No other policy grants the migration anything.
    const migrationPolicies = resources(template, 'AWS::IAM::Policy').filter(([id]) => id.startsWith('Migration'));
    expect(migrationPolicies).toEqual([]);
  });

  test('the documented action list, no wildcard', () => {
    expect([...DATASYNC_S3_BUCKET_ACTIONS]).toEqual(['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads']);
    expect([...DATASYNC_S3_OBJECT_ACTIONS].sort()).toEqual(
      ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:GetObjectTagging', 's3:ListMultipartUploadParts', 's3:PutObject', 's3:PutObjectTagging'].sort(),
    );
    const all = resources(built.template, 'AWS::IAM::Role').flatMap(([, r]) => (r.Properties.Policies ?? []).flatMap((p: any) => p.PolicyDocument.Statement.flatMap(actionsOf)));
    expect(all.filter((a: string) => a.includes('*'))).toEqual([]);
  });

  test('one task per bucket, from its MinIO location to its S3 location', () => {
    const { template } = built;
    template.resourceCountIs('AWS::DataSync::Task', 4);
    const sources = Object.fromEntries(resources(template, 'AWS::DataSync::LocationObjectStorage').map(([id, l]) => [id, l.Properties.BucketName]));
    const targets = Object.fromEntries(resources(template, 'AWS::DataSync::LocationS3').map(([id, l]) => [id, l.Properties.S3BucketArn['Fn::GetAtt'][0]]));
    const pairs = resources(template, 'AWS::DataSync::Task').map(([, t]) => [
      sources[t.Properties.SourceLocationArn['Fn::GetAtt'][0]],
      targets[t.Properties.DestinationLocationArn['Fn::GetAtt'][0]],
    ]);
    const { storage } = built;
    expect(pairs.sort()).toEqual(
      [
        ['mobs', logicalIdOf(storage.recordingsBucket)],
        ['sessions-assets', logicalIdOf(storage.assetsBucket)],
        ['sourcemaps', logicalIdOf(storage.sourcemapsBucket)],
        ['spots', logicalIdOf(storage.spotsBucket!)],
      ].sort(),
    );
  });

  test('task options: incremental, tags kept, verified, overwriting, never deleting, errors logged', () => {
    built.template.allResourcesProperties('AWS::DataSync::Task', {
      Options: {
        TransferMode: 'CHANGED',
        ObjectTags: 'PRESERVE',
        VerifyMode: 'ONLY_FILES_TRANSFERRED',
        OverwriteMode: 'ALWAYS',
        PreserveDeletedFiles: 'PRESERVE',
        LogLevel: 'BASIC',
      },
      CloudWatchLogGroupArn: { 'Fn::GetAtt': [logicalIdOf(built.migration.logGroup), 'Arn'] },
    });
  });

  test('no schedule unless asked for', () => {
    for (const [, task] of resources(built.template, 'AWS::DataSync::Task')) expect(task.Properties.Schedule).toBeUndefined();
  });

  test('the log group keeps a month and only DataSync tasks of this account may write to it', () => {
    const { template, migration } = built;
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    const policies = resources(template, 'AWS::Logs::ResourcePolicy');
    expect(policies).toHaveLength(1);
    const doc = JSON.parse(JSON.stringify(policies[0][1].Properties.PolicyDocument));
    const text = typeof doc === 'string' ? doc : JSON.stringify(doc);
    expect(text).toContain('datasync.amazonaws.com');
    expect(text).toContain('logs:PutLogEvents');
    expect(text).toContain('logs:CreateLogStream');
    expect(text).toContain('aws:SourceAccount');
    expect(text).toContain(':task/*');
    expect(text).toContain(logicalIdOf(migration.logGroup));
    // Tasks are created after the policy exists.
    for (const [, task] of resources(template, 'AWS::DataSync::Task')) expect(task.DependsOn).toContain(policies[0][0]);
  });

  test('outputs: one task ARN per bucket and the cut-over steps, under the storage prefix', () => {
    const outputs = outputValues(built.template);
    const tasks = Object.fromEntries(resources(built.template, 'AWS::DataSync::Task').map(([id]) => [id, { 'Fn::GetAtt': [id, 'TaskArn'] }]));
    for (const role of ['Recordings', 'Assets', 'Sourcemaps', 'Spots']) {
      expect(Object.values(tasks)).toContainEqual(outputs[`OpenReplayMigrate${role}TaskArn`]);
    }
    const cutOver = outputs.OpenReplayMigrationCutOver as string;
    expect(cutOver).toContain('aws datasync start-task-execution');
    expect(cutOver).toContain('OpenReplayHelmValues');
    expect(cutOver).toMatch(/Stop the writers/);
    expect(built.migration.cutOver).toBe(cutOver);
    expect(Object.keys(built.migration.taskArns).sort()).toEqual(['assets', 'recordings', 'sourcemaps', 'spots']);
  });
});

describe('MinioDataSyncMigration options', () => {
  test('records and spots follow the storage: records on, spots off', () => {
    const { template } = build({}, { ...STORAGE, bucketNames: { recordings: 'acme-mobs' }, bucketNamePrefix: 'acme-or', spots: false, records: true });
    template.resourceCountIs('AWS::DataSync::Task', 4);
    const buckets = resources(template, 'AWS::DataSync::LocationObjectStorage').map(([, l]) => l.Properties.BucketName);
    expect(buckets.sort()).toEqual(['mobs', 'records', 'sessions-assets', 'sourcemaps']);
  });

  test('MinIO bucket names, port and TLS can be changed', () => {
    const { template } = build({ minioBucketNames: { recordings: 'old-mobs' }, minioPort: 443, minioUseTls: true, minioEndpoint: '10.0.12.7' });
    template.hasResourceProperties('AWS::DataSync::LocationObjectStorage', { BucketName: 'old-mobs', ServerPort: 443, ServerProtocol: 'HTTPS', ServerHostname: '10.0.12.7' });
    template.hasResourceProperties('AWS::DataSync::LocationObjectStorage', { BucketName: 'sourcemaps' });
  });

  test('a schedule reaches every task', () => {
    build({ schedule: 'rate(1 day)' }).template.allResourcesProperties('AWS::DataSync::Task', { Schedule: { ScheduleExpression: 'rate(1 day)' } });
  });

  test('log retention and output prefix can be changed', () => {
    const { template } = build({ logRetention: logs.RetentionDays.ONE_WEEK, outputPrefix: 'Move' });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
    expect(Object.keys(outputValues(template))).toEqual(expect.arrayContaining(['MoveMigrateRecordingsTaskArn', 'MoveMigrationCutOver']));
  });

  test('up to four agents', () => {
    const agents = [0, 1, 2, 3].map((i) => AGENT.replace(/0$/, String(i)));
    build({ agentArns: agents }).template.allResourcesProperties('AWS::DataSync::LocationObjectStorage', { AgentArns: agents });
  });
});

describe('MinioDataSyncMigration validation', () => {
  test('agentArns must not be empty', () => {
    expect(migrate({ agentArns: [] })).toThrow(/'agentArns' must be a list of 1 to 4 DataSync agent ARNs \(got: \[\]\)\. Deploy and activate an agent/);
  });

  test('agentArns must be agent ARNs', () => {
    expect(migrate({ agentArns: ['agent-0123456789abcdef0'] })).toThrow(/'agentArns\[0\]' must be a DataSync agent ARN \(got: agent-0123456789abcdef0\)/);
  });

  test('at most four agents', () => {
    const agents = [0, 1, 2, 3, 4].map((i) => AGENT.replace(/0$/, String(i)));
    expect(migrate({ agentArns: agents })).toThrow(/'agentArns' must be at most 4 agents/);
  });

  test('no agent twice', () => {
    expect(migrate({ agentArns: [AGENT, AGENT] })).toThrow(/'agentArns' must be free of duplicates/);
  });

  test('minioEndpoint is a host name, not a URL', () => {
    expect(migrate({ minioEndpoint: 'http://minio.db.svc.cluster.local:9000' })).toThrow(
      /'minioEndpoint' must be a host name or IP address without scheme, port or path \(got: http:\/\/minio\.db\.svc\.cluster\.local:9000\)/,
    );
  });

  test('minioEndpoint has host name characters only', () => {
    expect(migrate({ minioEndpoint: 'minio_db' })).toThrow(/'minioEndpoint' must be a host name or IPv4 address \(letters, digits, hyphens and dots\) \(got: minio_db\)/);
  });

  test('minioPort is a port', () => {
    expect(migrate({ minioPort: 0 })).toThrow(/'minioPort' must be a whole number from 1 to 65535 \(got: 0\)/);
  });

  test('schedule is a rate or cron expression', () => {
    expect(migrate({ schedule: 'daily' })).toThrow(/'schedule' must be a rate\(\.\.\.\) or cron\(\.\.\.\) expression \(got: daily\)/);
  });

  test('minioBucketNames only for buckets the storage has', () => {
    expect(migrate({ minioBucketNames: { spots: 'spots' } }, { ...STORAGE, bucketNames: { ...NAMES, spots: undefined }, spots: false })).toThrow(
      /'minioBucketNames\.spots' must be unset while the target storage has no spots bucket \(got: spots\)\. Remove 'minioBucketNames\.spots', or turn on 'spots'/,
    );
  });

  test('minioBucketNames follow the S3 naming rules', () => {
    expect(migrate({ minioBucketNames: { recordings: 'Mobs' } })).toThrow(/'minioBucketNames\.recordings' must be made of lowercase letters, digits, dots and hyphens only \(got: Mobs\)/);
  });

  test('minioBucketNames has role keys only', () => {
    expect(migrate({ minioBucketNames: { videos: 'videos' } as any })).toThrow(/'minioBucketNames\.videos' must be one of recordings, assets, sourcemaps, spots, records \(got: videos\)/);
  });

  test('every problem in one error naming the construct', () => {
    expect(migrate({ agentArns: [], minioPort: 70000, schedule: 'hourly' })).toThrow(
      /MinioDataSyncMigration at 'Test\/Migration' has 3 invalid properties:\n {2}- 'agentArns'.*\n {2}- 'minioPort'.*\n {2}- 'schedule'/,
    );
  });
});
