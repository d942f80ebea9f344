import * as datasync from 'aws-cdk-lib/aws-datasync';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { CfnOutput, RemovalPolicy, Stack, Token } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';
import {
  AGENT_ARN,
  DATASYNC_S3_BUCKET_ACTIONS,
  DATASYNC_S3_OBJECT_ACTIONS,
  DATASYNC_SERVICE,
  DATASYNC_TASK_OPTIONS,
  MAX_AGENTS,
  SCHEDULE_EXPRESSION,
} from './data-sync-facts';
import { Problems } from '../../core/errors';
import { CHART_MINIO, cutOverSteps, planMinioMoves, validateHostname } from '../../core/migration/openreplay-minio';
import { resolveOutputPrefix } from '../../core/outputs/output-prefix';
import type { OpenReplayRole } from '../../core/roles';
import { isUnresolved } from '../../core/tokens';
import type { OpenReplayBucketNames } from '../../core/types';
import { validateWholeNumber } from '../../core/validation/numbers';
import type { OpenReplayStorage } from '../openreplay-storage';

/** Properties of {@link MinioDataSyncMigration}. */
export interface MinioDataSyncMigrationProps {
  /** The storage whose buckets receive the objects: one task per bucket it has. */
  readonly storage: OpenReplayStorage;

  /**
   * ARNs of the activated DataSync agents (1 to 4) that reach MinIO. Agents
   * run as VMs (or EC2 instances) in the same Region as the stack; each one
   * must resolve `minioEndpoint` and connect to `minioPort`.
   * @see https://docs.aws.amazon.com/datasync/latest/userguide/deploy-agents.html
   */
  readonly agentArns: string[];

  /**
   * Host name or IP address of MinIO as the agents see it, without scheme or
   * port: `minio.db.svc.cluster.local` only when the agents use the cluster's
   * DNS; otherwise the address of a Service that exposes MinIO to them
   * (an internal load balancer or a node port).
   */
  readonly minioEndpoint: string;

  /**
   * Port MinIO listens on.
   * @default 9000 (the chart's MinIO service)
   */
  readonly minioPort?: number;

  /**
   * Connect with HTTPS instead of HTTP. A MinIO certificate from a private CA
   * also needs the CA chain on the location (not set here).
   * @default false (the chart's MinIO speaks plain HTTP)
   */
  readonly minioUseTls?: boolean;

  /**
   * Secrets Manager secret with MinIO's key pair as JSON keys `access-key`
   * and `secret-key` (the keys of the chart's `minio` Secret). The template
   * holds only `{{resolve:secretsmanager:...}}` references; DataSync keeps the
   * secret key in a secret of its own.
   */
  readonly minioCredentialsSecret: secretsmanager.ISecret;

  /**
   * MinIO bucket of each role, where it differs from the chart's defaults.
   * @default - mobs, sessions-assets, sourcemaps, spots, records
   */
  readonly minioBucketNames?: OpenReplayBucketNames;

  /**
   * When the tasks run by themselves, as `rate(...)` or `cron(...)` (at most
   * hourly). Without it, start runs yourself (`aws datasync
   * start-task-execution`), which suits a one-off move.
   * @default - no schedule
   */
  readonly schedule?: string;

  /**
   * Retention of the tasks' CloudWatch log group (transfer errors only).
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * Prefix of the output names (`<prefix>MigrateRecordingsTaskArn`, ...).
   * @default - the storage's output prefix
   */
  readonly outputPrefix?: string;
}

/**
 * Copies existing OpenReplay recordings from the chart's bundled MinIO into
 * the S3 buckets of an {@link OpenReplayStorage}, with AWS DataSync and
 * agents deployed next to MinIO.
 *
 * For every bucket the storage has it creates an object storage location on
 * the MinIO bucket, an S3 location on the new bucket with a role DataSync
 * assumes (the actions AWS documents, on that bucket only, trusted only from
 * this account's DataSync), and a task that copies only what changed since
 * its last run, keeps object tags, verifies what it copied and never deletes.
 * Errors go to a CloudWatch log group. Outputs: each task ARN and the
 * cut-over steps.
 *
 * DataSync copies user metadata, tags, Content-Encoding and Content-Type
 * between object stores and S3; AWS does not list Cache-Control, and
 * Last-Modified becomes the copy time.
 * @see https://docs.aws.amazon.com/datasync/latest/userguide/metadata-copied.html#metadata-copied-between-object-s3
 */
export class MinioDataSyncMigration extends Construct {
  /** ARN of each role's task, keyed by role (`recordings`, `assets`, ...). */
  public readonly taskArns: { [role: string]: string };
  /** Log group of the tasks (transfer errors). */
  public readonly logGroup: logs.ILogGroup;
  /** The cut-over steps, also the `<prefix>MigrationCutOver` output. */
  public readonly cutOver: string;

  constructor(scope: Construct, id: string, props: MinioDataSyncMigrationProps) {
    super(scope, id);
    const { storage } = props;
    const targets = targetBuckets(storage);
    const port = props.minioPort ?? CHART_MINIO.port;
    const problems = new Problems();
    checkAgentArns(problems, props.agentArns);
    problems.check(() => validateHostname('minioEndpoint', props.minioEndpoint));
    problems.check(() => validateWholeNumber('minioPort', port, 1, 65535));
    if (props.schedule !== undefined && !isUnresolved(props.schedule) && !SCHEDULE_EXPRESSION.test(props.schedule)) {
      problems.add('schedule', 'a rate(...) or cron(...) expression', props.schedule, "Write it like 'rate(1 day)' or 'cron(0 3 * * ? *)'.");
    }
    const moves = planMinioMoves(problems, 'minioBucketNames', { ...(props.minioBucketNames ?? {}) }, targets.map((t) => t.role));
    let prefix = '';
    problems.check(() => {
      prefix = resolveOutputPrefix('cloudformation', id, props.outputPrefix ?? storage.outputPrefix);
    });
    problems.throwIfAny(this.node.path, 'MinioDataSyncMigration');

    const { partition, region, account } = Stack.of(this);
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // The resource policy AWS documents for DataSync task logs, narrowed to this log group.
    // https://docs.aws.amazon.com/datasync/latest/userguide/monitor-datasync.html#cloudwatchlogs
    const logPolicy = logGroup.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DataSyncLogsToCloudWatchLogs',
        principals: [new iam.ServicePrincipal(DATASYNC_SERVICE)],
        actions: ['logs:PutLogEvents', 'logs:CreateLogStream'],
        resources: [logGroup.logGroupArn],
        conditions: {
          ArnLike: { 'aws:SourceArn': `arn:${partition}:datasync:${region}:${account}:task/*` },
          StringEquals: { 'aws:SourceAccount': account },
        },
      }),
    );

    const secret = props.minioCredentialsSecret;
    const accessKey = secret.secretValueFromJson(CHART_MINIO.accessKeyField).unsafeUnwrap();
    const secretKey = secret.secretValueFromJson(CHART_MINIO.secretKeyField).unsafeUnwrap();

    const taskArns: { [role: string]: string } = {};
    for (const move of moves) {
      const target = targets.find((t) => t.role === move.role)!;
      const name = capitalize(move.role);
      const source = new datasync.CfnLocationObjectStorage(this, `${name}Source`, {
        agentArns: props.agentArns,
        serverHostname: props.minioEndpoint,
        serverPort: port,
        serverProtocol: props.minioUseTls ? 'HTTPS' : 'HTTP',
        bucketName: move.minioBucket,
        accessKey,
        secretKey,
      });
      const access = new iam.Role(this, `${name}Access`, {
        description: `DataSync writes the ${move.role} bucket of ${storage.node.path} (MinIO migration)`,
        // Confused-deputy guard AWS recommends for the location role.
        // https://docs.aws.amazon.com/datasync/latest/userguide/create-s3-location.html#create-s3-location-confused-deputy
        assumedBy: new iam.ServicePrincipal(DATASYNC_SERVICE).withConditions({
          StringEquals: { 'aws:SourceAccount': account },
          StringLike: { 'aws:SourceArn': `arn:${partition}:datasync:${region}:${account}:*` },
        }),
        inlinePolicies: { Bucket: bucketPolicy(target.bucket) },
      });
      const destination = new datasync.CfnLocationS3(this, `${name}Target`, {
        s3BucketArn: target.bucket.bucketArn,
        s3Config: { bucketAccessRoleArn: access.roleArn },
      });
      const task = new datasync.CfnTask(this, `${name}Task`, {
        name: `openreplay-${move.role}-from-minio`,
        sourceLocationArn: source.attrLocationArn,
        destinationLocationArn: destination.attrLocationArn,
        cloudWatchLogGroupArn: logGroup.logGroupArn,
        options: DATASYNC_TASK_OPTIONS,
        schedule: props.schedule === undefined ? undefined : { scheduleExpression: props.schedule },
      });
      if (logPolicy.policyDependable) task.node.addDependency(logPolicy.policyDependable);
      taskArns[move.role] = task.attrTaskArn;
      const out = new CfnOutput(this, `Migrate${name}TaskArn`, {
        value: task.attrTaskArn,
        description: `DataSync task copying MinIO bucket ${move.minioBucket} into the ${move.role} bucket`,
      });
      out.overrideLogicalId(`${prefix}Migrate${name}TaskArn`);
    }
    this.taskArns = taskArns;
    this.logGroup = logGroup;

    this.cutOver = cutOverSteps({
      unit: 'DataSync task',
      prerequisite: `The agents are ONLINE and reach ${props.minioEndpoint}:${port}.`,
      runCommand: `aws datasync start-task-execution --task-arn <each ${prefix}Migrate*TaskArn output>`,
      helmValuesOutput: `${storage.outputPrefix}HelmValues`,
    });
    const cutOver = new CfnOutput(this, 'MigrationCutOver', { value: this.cutOver, description: 'Steps of the move off MinIO' });
    cutOver.overrideLogicalId(`${prefix}MigrationCutOver`);
  }
}

interface TargetBucket {
  readonly role: OpenReplayRole;
  readonly bucket: s3.IBucket;
}

/** The buckets the storage has, in role order. */
function targetBuckets(storage: OpenReplayStorage): TargetBucket[] {
  const all: Array<[OpenReplayRole, s3.IBucket | undefined]> = [
    ['recordings', storage.recordingsBucket],
    ['assets', storage.assetsBucket],
    ['sourcemaps', storage.sourcemapsBucket],
    ['spots', storage.spotsBucket],
    ['records', storage.recordsBucket],
  ];
  return all.filter((t): t is [OpenReplayRole, s3.IBucket] => t[1] !== undefined).map(([role, bucket]) => ({ role, bucket }));
}

/** The documented DataSync actions on one bucket and its objects. */
function bucketPolicy(bucket: s3.IBucket): iam.PolicyDocument {
  return new iam.PolicyDocument({
    statements: [
      new iam.PolicyStatement({ sid: 'Bucket', actions: [...DATASYNC_S3_BUCKET_ACTIONS], resources: [bucket.bucketArn] }),
      new iam.PolicyStatement({ sid: 'Objects', actions: [...DATASYNC_S3_OBJECT_ACTIONS], resources: [bucket.arnForObjects('*')] }),
    ],
  });
}

function checkAgentArns(problems: Problems, arns: readonly string[]): void {
  if (Token.isUnresolved(arns)) return;
  if (arns.length === 0) {
    problems.add('agentArns', `a list of 1 to ${MAX_AGENTS} DataSync agent ARNs`, arns, 'Deploy and activate an agent next to MinIO, then pass its ARN.');
    return;
  }
  if (arns.length > MAX_AGENTS) {
    problems.add('agentArns', `at most ${MAX_AGENTS} agents (a location takes no more)`, arns, `Keep ${MAX_AGENTS} of them.`);
  }
  arns.forEach((arn, i) => {
    if (!isUnresolved(arn) && !AGENT_ARN.test(arn)) {
      problems.add(`agentArns[${i}]`, 'a DataSync agent ARN', arn, "Copy it from the DataSync console or 'aws datasync list-agents' (arn:aws:datasync:<region>:<account>:agent/agent-...).");
    }
  });
  if (new Set(arns).size !== arns.length) problems.add('agentArns', 'free of duplicates', arns, 'List each agent once.');
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
