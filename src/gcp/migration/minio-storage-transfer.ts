import { DataGoogleStorageTransferProjectServiceAccount } from '@cdktf/provider-google/lib/data-google-storage-transfer-project-service-account';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import type { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { StorageTransferAgentPool } from '@cdktf/provider-google/lib/storage-transfer-agent-pool';
import { StorageTransferJob, StorageTransferJobTransferSpecOutputReference } from '@cdktf/provider-google/lib/storage-transfer-job';
import { TerraformOutput, type ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import {
  AGENT_KEY_FILE,
  AGENT_POOL_ID,
  DEFAULT_AGENT_REPLICAS,
  GCP_PROJECT_ID,
  STS_AGENT_PROJECT_ROLE,
  STS_SINK_BUCKET_ROLES,
  agentDeploymentManifest,
} from './storage-transfer-facts';
import { Problems } from '../../core/errors';
import { shellQuote } from '../../core/kubectl';
import {
  CHART_MINIO,
  type ObjectStoreEndpoint,
  cutOverSteps,
  parseIsoDate,
  parseObjectStoreEndpoint,
  planMinioMoves,
} from '../../core/migration/openreplay-minio';
import { resolveOutputPrefix } from '../../core/outputs/output-prefix';
import type { OpenReplayRole } from '../../core/roles';
import { isUnresolved } from '../../core/tokens';
import type { OpenReplayBucketNames } from '../../core/types';
import { gcpServiceAccountIdFrom, validateGcpServiceAccountId } from '../../core/validation/gcp-service-account-id';
import { validateKubernetesNamespace, validateKubernetesObjectName } from '../../core/validation/kubernetes-names';
import { refuseToken } from '../../core/validation/literal';
import { validateWholeNumber } from '../../core/validation/numbers';
import type { ReplayWarning } from '../../core/warnings';
import { addTerraformWarnings } from '../../terraform/terraform-outputs';
import type { OpenReplayStorage } from '../openreplay-storage';

/** Agent pool name unless told otherwise. */
const DEFAULT_AGENT_POOL = 'openreplay-minio';
/** Kubernetes Secret the agents' service account key goes into. */
const DEFAULT_AGENT_KEY_SECRET = 'storage-transfer-agent-key';
/** Name of the agents' Deployment. */
const AGENT_DEPLOYMENT = 'storage-transfer-agent';

/**
 * `transfer_spec.aws_s3_compatible_data_source` of `google_storage_transfer_job`
 * exists from hashicorp/google 7.2.0 ("storage: added
 * `aws_s3_compatible_data_source` to `google_storage_transfer_job`",
 * hashicorp/terraform-provider-google#24241).
 */
const S3_COMPATIBLE_MIN_PROVIDER = '7.2.0';

/** Properties of {@link MinioStorageTransferMigration}. */
export interface MinioStorageTransferMigrationProps {
  /** The storage whose buckets receive the objects: one transfer job per bucket it has. */
  readonly storage: OpenReplayStorage;

  /** Project that runs the transfers (agent pool, jobs, the agents' service account). */
  readonly projectId: string;

  /**
   * MinIO's S3 endpoint as the agents see it: scheme, host and port, e.g.
   * `http://minio.db.svc.cluster.local:9000` (the agents run in the cluster,
   * next to MinIO).
   */
  readonly minioEndpoint: string;

  /**
   * First day (UTC) the jobs run, `YYYY-MM-DD`; a day in the past means the
   * next day. They run again every `repeatIntervalHours` until the migration
   * is removed; `gcloud transfer jobs run` starts a run at any time.
   */
  readonly scheduleStartDate: string;

  /**
   * Hours between scheduled runs. Each run copies only objects that are new
   * or differ.
   * @default 24
   */
  readonly repeatIntervalHours?: number;

  /**
   * Agent pool the agents join and the jobs use.
   * @default 'openreplay-minio'
   */
  readonly agentPoolName?: string;

  /**
   * Region the agents sign MinIO requests for.
   * @default 'us-east-1' (MinIO's default)
   */
  readonly minioRegion?: string;

  /**
   * MinIO bucket of each role, where it differs from the chart's defaults.
   * @default - mobs, sessions-assets, sourcemaps, spots, records
   */
  readonly minioBucketNames?: OpenReplayBucketNames;

  /**
   * Namespace of the agents' Deployment: MinIO's, so that the agents read
   * MinIO's key pair from its Secret.
   * @default 'db' (the chart's)
   */
  readonly kubernetesNamespace?: string;

  /**
   * Kubernetes Secret with MinIO's key pair in `access-key` and `secret-key`.
   * @default 'minio' (the chart's)
   */
  readonly minioCredentialsSecretName?: string;

  /**
   * Kubernetes Secret holding the agents' service account key as `key.json`
   * (the `<prefix>_migration_agent_key_command` output creates it).
   * @default 'storage-transfer-agent-key'
   */
  readonly agentKeySecretName?: string;

  /**
   * Number of agents (pods).
   * @default 3 (Google recommends at least three per pool)
   */
  readonly agentReplicas?: number;

  /**
   * Id of the agents' service account.
   * @default - derived from the construct id
   */
  readonly agentServiceAccountId?: string;

  /**
   * Prefix of the output names (`<prefix>_migrate_recordings_job`, ...).
   * @default - the storage's output prefix
   */
  readonly outputPrefix?: string;
}

/**
 * Copies existing OpenReplay recordings from the chart's bundled MinIO into
 * the Cloud Storage buckets of an {@link OpenReplayStorage} with Storage
 * Transfer Service, through transfer agents that run next to MinIO.
 *
 * Creates an agent pool; a service account for the agents with the
 * Storage Transfer Agent role on the project; on each new bucket, bucket-level
 * roles for the agents and the Storage Transfer service agent (create, read,
 * list, replace objects; no admin rights); and per bucket a scheduled
 * transfer job from the MinIO bucket (S3-compatible source, path-style, AWS
 * signature V4) that overwrites only objects that differ and keeps each
 * object's Last-Modified as its `customTime`.
 *
 * Outputs: each job's name, the Kubernetes Deployment of the agents (MinIO's
 * key pair comes from MinIO's Secret, never from the manifest), the command
 * that stores the agents' key in a Secret, and the cut-over steps.
 *
 * Needs the Storage Transfer API on the project, and hashicorp/google 7.2.0
 * or later in the stack (a synth warning says so while the installed
 * provider bindings are older). Object tags do not exist in Cloud Storage and
 * are not copied.
 * @see https://cloud.google.com/storage-transfer/docs/s3-compatible
 */
export class MinioStorageTransferMigration extends Construct {
  /** The agent pool. */
  public readonly agentPool: StorageTransferAgentPool;
  /** The agents' service account (key: `agentKeyCommand`). */
  public readonly agentServiceAccount: ServiceAccount;
  /** Name of each role's transfer job (`transferJobs/...`), keyed by role. */
  public readonly jobNames: { [role: string]: string };
  /** Kubernetes Deployment of the agents, as YAML. */
  public readonly agentDeploymentManifest: string;
  /** Shell line that creates a key of the agents' service account and stores it in the Kubernetes Secret. */
  public readonly agentKeyCommand: string;
  /** The cut-over steps. */
  public readonly cutOver: string;

  constructor(scope: Construct, id: string, props: MinioStorageTransferMigrationProps) {
    super(scope, id);
    const { storage, projectId } = props;
    const targets = targetBuckets(storage);
    const pool = props.agentPoolName ?? DEFAULT_AGENT_POOL;
    const hours = props.repeatIntervalHours ?? 24;
    const replicas = props.agentReplicas ?? DEFAULT_AGENT_REPLICAS;
    const region = props.minioRegion ?? CHART_MINIO.region;
    const namespace = props.kubernetesNamespace ?? CHART_MINIO.namespace;
    const minioSecret = props.minioCredentialsSecretName ?? CHART_MINIO.secretName;
    const keySecret = props.agentKeySecretName ?? DEFAULT_AGENT_KEY_SECRET;
    const accountId = props.agentServiceAccountId ?? gcpServiceAccountIdFrom(`${id}-agents`);

    const problems = new Problems();
    if (!isUnresolved(projectId) && !GCP_PROJECT_ID.test(projectId)) {
      problems.add('projectId', 'a Google Cloud project id (6-30 lowercase letters, digits and hyphens, starting with a letter)', projectId, 'Use the project id, not its name or number.');
    }
    let endpoint: ObjectStoreEndpoint | undefined;
    problems.check(() => refuseToken('minioEndpoint', props.minioEndpoint, 'the transfer jobs, split into host and protocol'));
    problems.check(() => {
      endpoint = parseObjectStoreEndpoint('minioEndpoint', props.minioEndpoint);
    });
    if (!isUnresolved(pool) && (pool.length > 128 || !AGENT_POOL_ID.test(pool))) {
      problems.add(
        'agentPoolName',
        "an agent pool id (lowercase letters, digits and - . _ ~, starting with a letter, ending with a letter or digit, not starting with 'goog', at most 128 characters)",
        pool,
        "Write it like 'openreplay-minio'.",
      );
    }
    let start: { year: number; month: number; day: number } | undefined;
    problems.check(() => {
      start = parseIsoDate('scheduleStartDate', props.scheduleStartDate);
    });
    problems.check(() => validateWholeNumber('repeatIntervalHours', hours, 1, 8760));
    problems.check(() => validateWholeNumber('agentReplicas', replicas, 1, 100));
    if (!isUnresolved(region) && region.trim() === '') problems.add('minioRegion', 'a region name', region, "Use MinIO's region ('us-east-1' unless MINIO_REGION is set).");
    problems.check(() => refuseToken('kubernetesNamespace', namespace, 'the Deployment manifest'));
    problems.check(() => validateKubernetesNamespace('kubernetesNamespace', namespace));
    problems.check(() => validateKubernetesObjectName('minioCredentialsSecretName', minioSecret));
    problems.check(() => validateKubernetesObjectName('agentKeySecretName', keySecret));
    problems.check(() => validateGcpServiceAccountId('agentServiceAccountId', accountId));
    const moves = planMinioMoves(problems, 'minioBucketNames', { ...(props.minioBucketNames ?? {}) }, targets.map((t) => t.role));
    let prefix = '';
    problems.check(() => {
      prefix = resolveOutputPrefix('terraform', id, props.outputPrefix ?? storage.outputPrefix);
    });
    problems.throwIfAny(this.node.path, 'MinioStorageTransferMigration');
    // Both are set when no problem was found (a token endpoint is refused above).
    const source = endpoint!;
    const firstDay = start;

    this.agentPool = new StorageTransferAgentPool(this, 'AgentPool', {
      project: projectId,
      name: pool,
      displayName: 'OpenReplay MinIO migration agents',
    });
    this.agentServiceAccount = new ServiceAccount(this, 'AgentServiceAccount', {
      project: projectId,
      accountId,
      displayName: 'OpenReplay MinIO migration agents',
      description: 'Storage Transfer agents copying OpenReplay objects from MinIO',
    });
    const agentRole = new ProjectIamMember(this, 'AgentTransferRole', {
      project: projectId,
      role: STS_AGENT_PROJECT_ROLE,
      member: this.agentServiceAccount.member,
    });
    const serviceAgent = new DataGoogleStorageTransferProjectServiceAccount(this, 'ServiceAgent', { project: projectId });

    const jobNames: { [role: string]: string } = {};
    for (const move of moves) {
      const bucket = targets.find((t) => t.role === move.role)!.bucket;
      const name = capitalize(move.role);
      const grants: ITerraformDependable[] = [agentRole];
      for (const [who, member] of [['ServiceAgent', serviceAgent.member], ['Agents', this.agentServiceAccount.member]] as const) {
        for (const role of STS_SINK_BUCKET_ROLES) {
          grants.push(new StorageBucketIamMember(this, `${name}${who}${roleSuffix(role)}`, { bucket: bucket.name, role, member }));
        }
      }
      const job = new StorageTransferJob(this, `${name}Job`, {
        project: projectId,
        description: `OpenReplay ${move.role}: MinIO bucket ${move.minioBucket} to Cloud Storage`,
        status: 'ENABLED',
        transferSpec: {
          sourceAgentPoolName: this.agentPool.id,
          gcsDataSink: { bucketName: bucket.name },
          transferOptions: {
            overwriteWhen: 'DIFFERENT',
            // Last-Modified of the MinIO object into customTime; the rest of what can be kept is kept by default.
            metadataOptions: { timeCreated: 'TIME_CREATED_PRESERVE_AS_CUSTOM_TIME' },
          },
        },
        schedule: firstDay ? { scheduleStartDate: firstDay, repeatInterval: `${hours * 3600}s` } : undefined,
        dependsOn: grants,
      });
      // Not in the installed bindings (hashicorp/google 6.50.0): written as an override.
      job.addOverride('transfer_spec.aws_s3_compatible_data_source', {
        bucket_name: move.minioBucket,
        endpoint: source.hostAndPort,
        region,
        s3_metadata: {
          auth_method: 'AUTH_METHOD_AWS_SIGNATURE_V4',
          request_model: 'REQUEST_MODEL_PATH_STYLE',
          protocol: source.https ? 'NETWORK_PROTOCOL_HTTPS' : 'NETWORK_PROTOCOL_HTTP',
          list_api: 'LIST_OBJECTS_V2',
        },
      });
      jobNames[move.role] = job.name;
      output(this, `${prefix}_migrate_${move.role}_job`, job.name, `Storage Transfer job copying MinIO bucket ${move.minioBucket} into the ${move.role} bucket`);
    }
    this.jobNames = jobNames;

    this.agentDeploymentManifest = agentDeploymentManifest({
      name: AGENT_DEPLOYMENT,
      namespace,
      replicas,
      projectId,
      agentPool: pool,
      minioSecretName: minioSecret,
      minioAccessKeyField: CHART_MINIO.accessKeyField,
      minioSecretKeyField: CHART_MINIO.secretKeyField,
      agentKeySecretName: keySecret,
    });
    this.agentKeyCommand =
      `gcloud iam service-accounts keys create ${AGENT_KEY_FILE} --iam-account=${this.agentServiceAccount.email}` +
      ` && kubectl create secret generic ${shellQuote(keySecret)} -n ${shellQuote(namespace)} --from-file=${AGENT_KEY_FILE}=${AGENT_KEY_FILE}` +
      ` && rm ${AGENT_KEY_FILE}`;
    this.cutOver = cutOverSteps({
      unit: 'transfer job',
      prerequisite:
        `Run the ${prefix}_migration_agent_key_command output, then kubectl apply the ${prefix}_migration_agent_deployment output; ` +
        `the agents join pool ${pool} and must reach ${props.minioEndpoint}.`,
      runCommand: `gcloud transfer jobs run <each ${prefix}_migrate_*_job output> --project=${projectId}`,
      helmValuesOutput: `${storage.outputPrefix}_helm_values`,
    });
    output(this, `${prefix}_migration_agent_deployment`, this.agentDeploymentManifest, 'Kubernetes Deployment of the Storage Transfer agents (kubectl apply -f -)');
    output(this, `${prefix}_migration_agent_key_command`, this.agentKeyCommand, "Creates the agents' service account key and stores it in the Kubernetes Secret the Deployment mounts");
    output(this, `${prefix}_migration_cut_over`, this.cutOver, 'Steps of the move off MinIO');

    if (!('awsS3CompatibleDataSource' in StorageTransferJobTransferSpecOutputReference.prototype)) {
      addTerraformWarnings(this, [providerVersionWarning()]);
    }
  }
}

interface TargetBucket {
  readonly role: OpenReplayRole;
  readonly bucket: StorageBucket;
}

/** The buckets the storage has, in role order. */
function targetBuckets(storage: OpenReplayStorage): TargetBucket[] {
  const all: Array<[OpenReplayRole, StorageBucket | undefined]> = [
    ['recordings', storage.recordingsBucket],
    ['assets', storage.assetsBucket],
    ['sourcemaps', storage.sourcemapsBucket],
    ['spots', storage.spotsBucket],
    ['records', storage.recordsBucket],
  ];
  return all.filter((t): t is [OpenReplayRole, StorageBucket] => t[1] !== undefined).map(([role, bucket]) => ({ role, bucket }));
}

function output(scope: Construct, key: string, value: string, description: string): void {
  const out = new TerraformOutput(scope, `Output_${key}`, { value, description });
  out.overrideLogicalId(key);
}

function providerVersionWarning(): ReplayWarning {
  return {
    id: 'replay-storage:sts-s3-compatible-provider',
    message:
      `The transfer jobs use transfer_spec.aws_s3_compatible_data_source, which hashicorp/google has from ${S3_COMPATIBLE_MIN_PROVIDER}; ` +
      'the installed @cdktf/provider-google pins an older provider, so the block is written as an override and terraform rejects it until ' +
      `the stack uses google >= ${S3_COMPATIBLE_MIN_PROVIDER}, e.g. stack.addOverride('terraform.required_providers.google.version', '~> 7.2') ` +
      '(best in a stack of its own for the migration).',
  };
}

function roleSuffix(role: string): string {
  return role.replace(/^roles\/storage\./, '').replace(/^./, (c) => c.toUpperCase());
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
