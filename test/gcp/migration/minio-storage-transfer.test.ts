import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { StorageTransferAgentPool } from '@cdktf/provider-google/lib/storage-transfer-agent-pool';
import { StorageTransferJob } from '@cdktf/provider-google/lib/storage-transfer-job';
import { TerraformStack, Testing } from 'cdktf';
import { parse } from 'yaml';
import { OpenReplayStorage, type OpenReplayStorageProps } from '../../../src/gcp';
import { MinioStorageTransferMigration, type MinioStorageTransferMigrationProps } from '../../../src/gcp/migration';
import { STS_SINK_BUCKET_ROLES } from '../../../src/gcp/migration/storage-transfer-facts';
import { idByName, ref, resources, synthGcp, warnings } from '../synth';

const STORAGE: OpenReplayStorageProps = { bucketNamePrefix: 'acme-replay', location: 'EUROPE-WEST1', dashboardOrigins: ['https://openreplay.example.com'] };
const BASE = { projectId: 'acme-replay', minioEndpoint: 'http://minio.db.svc.cluster.local:9000', scheduleStartDate: '2025-07-01' };
const TARGETS: Record<string, string> = {
  'mobs': 'acme-replay-recordings',
  'sessions-assets': 'acme-replay-assets',
  'sourcemaps': 'acme-replay-sourcemaps',
  'spots': 'acme-replay-spots',
};

function synthMigration(props: Partial<MinioStorageTransferMigrationProps> = {}, storageProps: OpenReplayStorageProps = STORAGE) {
  let migration: MinioStorageTransferMigration | undefined;
  const synth = synthGcp((stack) => {
    const storage = new OpenReplayStorage(stack, 'OpenReplay', storageProps);
    migration = new MinioStorageTransferMigration(stack, 'Migration', { storage, ...BASE, ...props });
  });
  return { ...synth, migration: migration! };
}

/** Builds without synthesizing, for validation errors. */
const migrate = (props: Partial<MinioStorageTransferMigrationProps>, storageProps: OpenReplayStorageProps = STORAGE) => () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  const storage = new OpenReplayStorage(stack, 'OpenReplay', storageProps);
  return new MinioStorageTransferMigration(stack, 'Migration', { storage, ...BASE, ...props });
};

const { json, tf, stack, migration } = synthMigration();
const jobs = (t: any = tf) => Object.values<any>(resources(t, 'google_storage_transfer_job'));
const bucketRef = (name: string, t: any = tf) => ref('google_storage_bucket', idByName(t, 'google_storage_bucket', name), 'name');
const poolId = Object.keys(resources(tf, 'google_storage_transfer_agent_pool'))[0];
const agentSaId = Object.keys(resources(tf, 'google_service_account')).find((id) => id.startsWith('Migration'))!;
const serviceAgentId = Object.keys(tf.data.google_storage_transfer_project_service_account)[0];

describe('agent pool and identities', () => {
  test('one agent pool in the project', () => {
    expect(json).toHaveResourceWithProperties(StorageTransferAgentPool, { name: 'openreplay-minio', project: 'acme-replay' });
    expect(Object.keys(resources(tf, 'google_storage_transfer_agent_pool'))).toHaveLength(1);
  });

  test('a service account for the agents, with the Storage Transfer Agent role on the project only', () => {
    expect(json).toHaveResourceWithProperties(ServiceAccount, { account_id: 'migration-agents', project: 'acme-replay' });
    expect(json).toHaveResourceWithProperties(ProjectIamMember, {
      project: 'acme-replay',
      role: 'roles/storagetransfer.transferAgent',
      member: ref('google_service_account', agentSaId, 'member'),
    });
    expect(Object.values<any>(resources(tf, 'google_project_iam_member'))).toHaveLength(1);
  });

  test('the Storage Transfer service agent is looked up in the transfer project', () => {
    expect(tf.data.google_storage_transfer_project_service_account[serviceAgentId]).toEqual({ project: 'acme-replay' });
  });
});

describe('least privilege on the new buckets', () => {
  const members = Object.values<any>(resources(tf, 'google_storage_bucket_iam_member')).filter((m) => m.member !== 'allUsers');
  const serviceAgent = `\${data.google_storage_transfer_project_service_account.${serviceAgentId}.member}`;
  const agents = ref('google_service_account', agentSaId, 'member');

  test('the service agent and the agents hold exactly the two sink roles, on each new bucket', () => {
    for (const principal of [serviceAgent, agents]) {
      const grants = members.filter((m) => m.member === principal).map((m) => `${m.bucket} ${m.role}`).sort();
      const expected = Object.values(TARGETS).flatMap((b) => STS_SINK_BUCKET_ROLES.map((r) => `${bucketRef(b)} ${r}`)).sort();
      expect(grants).toEqual(expected);
    }
  });

  test('the sink roles are the legacy bucket writer and object reader, nothing admin', () => {
    expect([...STS_SINK_BUCKET_ROLES]).toEqual(['roles/storage.legacyBucketWriter', 'roles/storage.legacyObjectReader']);
    expect(json).not.toMatch(/roles\/storage\.(admin|objectAdmin)|roles\/owner|roles\/editor/);
    expect(Object.keys(tf.resource).filter((t) => /iam_binding|iam_policy/.test(t))).toEqual([]);
  });
});

describe('transfer jobs', () => {
  test('one job per bucket of the storage, from the chart default MinIO bucket into the new bucket', () => {
    expect(jobs()).toHaveLength(4);
    const pairs = jobs().map((j) => [j.transfer_spec.aws_s3_compatible_data_source.bucket_name, j.transfer_spec.gcs_data_sink.bucket_name]);
    expect(pairs.sort()).toEqual(Object.entries(TARGETS).map(([minio, target]) => [minio, bucketRef(target)]).sort());
  });

  test('S3-compatible source: MinIO host and port, HTTP, path-style, signature V4, signed for us-east-1', () => {
    for (const job of jobs()) {
      expect(job.transfer_spec.aws_s3_compatible_data_source).toEqual({
        bucket_name: expect.any(String),
        endpoint: 'minio.db.svc.cluster.local:9000',
        region: 'us-east-1',
        s3_metadata: {
          auth_method: 'AUTH_METHOD_AWS_SIGNATURE_V4',
          request_model: 'REQUEST_MODEL_PATH_STYLE',
          protocol: 'NETWORK_PROTOCOL_HTTP',
          list_api: 'LIST_OBJECTS_V2',
        },
      });
    }
  });

  test('through the agent pool, overwriting only what differs, Last-Modified kept as customTime', () => {
    for (const bucket of Object.values(TARGETS)) {
      expect(json).toHaveResourceWithProperties(StorageTransferJob, {
        project: 'acme-replay',
        status: 'ENABLED',
        transfer_spec: expect.objectContaining({
          source_agent_pool_name: ref('google_storage_transfer_agent_pool', poolId, 'id'),
          gcs_data_sink: { bucket_name: bucketRef(bucket) },
          transfer_options: { overwrite_when: 'DIFFERENT', metadata_options: { time_created: 'TIME_CREATED_PRESERVE_AS_CUSTOM_TIME' } },
        }),
      });
    }
  });

  test('never deletes anything, at the source or in the sink', () => {
    for (const job of jobs()) {
      expect(job.transfer_spec.transfer_options.delete_objects_unique_in_sink).toBeUndefined();
      expect(job.transfer_spec.transfer_options.delete_objects_from_source_after_transfer).toBeUndefined();
    }
  });

  test('scheduled daily from the start date', () => {
    for (const job of jobs()) expect(job.schedule).toEqual({ schedule_start_date: { year: 2025, month: 7, day: 1 }, repeat_interval: '86400s' });
  });

  test('created after the grants', () => {
    for (const job of jobs()) {
      expect(job.depends_on).toContain(`google_project_iam_member.${Object.keys(resources(tf, 'google_project_iam_member'))[0]}`);
      expect(job.depends_on.filter((d: string) => d.startsWith('google_storage_bucket_iam_member.'))).toHaveLength(4);
    }
  });

  test('HTTPS endpoint, other region, pool, interval and MinIO bucket names', () => {
    const { tf: t } = synthMigration({
      minioEndpoint: 'https://objects.internal.example:9443',
      minioRegion: 'eu-west-1',
      agentPoolName: 'or-pool',
      repeatIntervalHours: 6,
      minioBucketNames: { recordings: 'old-mobs' },
    });
    const source = jobs(t).map((j) => j.transfer_spec.aws_s3_compatible_data_source);
    expect(source.map((s) => s.bucket_name).sort()).toEqual(['old-mobs', 'sessions-assets', 'sourcemaps', 'spots']);
    for (const s of source) {
      expect(s.endpoint).toBe('objects.internal.example:9443');
      expect(s.region).toBe('eu-west-1');
      expect(s.s3_metadata.protocol).toBe('NETWORK_PROTOCOL_HTTPS');
    }
    expect(jobs(t).every((j) => j.schedule.repeat_interval === '21600s')).toBe(true);
    expect(Object.values<any>(resources(t, 'google_storage_transfer_agent_pool'))[0].name).toBe('or-pool');
  });

  test('records on, spots off: the jobs follow the storage', () => {
    const { tf: t } = synthMigration({}, { ...STORAGE, spots: false, records: true });
    expect(jobs(t).map((j) => j.transfer_spec.aws_s3_compatible_data_source.bucket_name).sort()).toEqual(['mobs', 'records', 'sessions-assets', 'sourcemaps']);
  });

  test('a synth warning names the provider version the S3-compatible source needs', () => {
    expect(warnings(stack)).toEqual([expect.stringMatching(/hashicorp\/google has from 7\.2\.0.*\[replay-storage:sts-s3-compatible-provider\]$/)]);
  });

  test("the warning's fix raises the stack's provider constraint", () => {
    const { tf: t } = synthGcp((s) => {
      const storage = new OpenReplayStorage(s, 'OpenReplay', STORAGE);
      new MinioStorageTransferMigration(s, 'Migration', { storage, ...BASE });
      s.addOverride('terraform.required_providers.google.version', '~> 7.2');
    });
    expect(t.terraform.required_providers.google.version).toBe('~> 7.2');
  });
});

describe('agents Deployment', () => {
  const manifest = parse(tf.output.openreplay_migration_agent_deployment.value);
  const container = manifest.spec.template.spec.containers[0];

  test("a Deployment of three agents in MinIO's namespace, with Google's agent image", () => {
    expect(manifest).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'storage-transfer-agent', namespace: 'db' }, spec: { replicas: 3 } });
    expect(container.image).toBe('gcr.io/cloud-ingest/tsop-agent:latest');
    expect(migration.agentDeploymentManifest).toBe(tf.output.openreplay_migration_agent_deployment.value);
  });

  test('the args of Google\'s docker run: project, pool, key file, host name', () => {
    expect(container.args).toEqual(['--project-id=acme-replay', '--agent-pool=openreplay-minio', '--creds-file=/etc/gcloud/key.json', '--hostname=$(POD_NAME)']);
  });

  test("MinIO's key pair comes from MinIO's Secret; the manifest holds no key", () => {
    const env = Object.fromEntries(container.env.map((e: any) => [e.name, e]));
    expect(env.AWS_ACCESS_KEY_ID).toEqual({ name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: 'minio', key: 'access-key' } } });
    expect(env.AWS_SECRET_ACCESS_KEY).toEqual({ name: 'AWS_SECRET_ACCESS_KEY', valueFrom: { secretKeyRef: { name: 'minio', key: 'secret-key' } } });
    expect(container.env.every((e: any) => e.value === undefined)).toBe(true);
  });

  test("the agents' service account key is mounted read-only from its Secret", () => {
    expect(container.volumeMounts).toEqual([{ name: 'agent-key', mountPath: '/etc/gcloud', readOnly: true }]);
    expect(manifest.spec.template.spec.volumes).toEqual([{ name: 'agent-key', secret: { secretName: 'storage-transfer-agent-key' } }]);
  });

  test('namespace, Secrets and replicas can be changed', () => {
    const { tf: t } = synthMigration({ kubernetesNamespace: 'storage', minioCredentialsSecretName: 'minio-keys', agentKeySecretName: 'sts-key', agentReplicas: 5 });
    const m = parse(t.output.openreplay_migration_agent_deployment.value);
    expect(m.metadata.namespace).toBe('storage');
    expect(m.spec.replicas).toBe(5);
    expect(m.spec.template.spec.containers[0].env[1].valueFrom.secretKeyRef.name).toBe('minio-keys');
    expect(m.spec.template.spec.volumes[0].secret.secretName).toBe('sts-key');
    expect(t.output.openreplay_migration_agent_key_command.value).toContain("kubectl create secret generic 'sts-key' -n 'storage'");
  });
});

describe('outputs', () => {
  test('one job name per bucket, the Deployment, the key command and the cut-over steps', () => {
    for (const role of ['recordings', 'assets', 'sourcemaps', 'spots']) {
      expect(tf.output[`openreplay_migrate_${role}_job`].value).toMatch(/^\$\{google_storage_transfer_job\.Migration_\w+Job_\w+\.name\}$/);
    }
    expect(Object.keys(migration.jobNames).sort()).toEqual(['assets', 'recordings', 'sourcemaps', 'spots']);
    const cutOver = tf.output.openreplay_migration_cut_over.value;
    expect(cutOver).toContain('gcloud transfer jobs run');
    expect(cutOver).toContain('openreplay_helm_values');
    expect(cutOver).toMatch(/Stop the writers/);
  });

  test('the key command makes a key of the agents\' service account and puts it in the Secret', () => {
    expect(tf.output.openreplay_migration_agent_key_command.value).toBe(
      `gcloud iam service-accounts keys create key.json --iam-account=${ref('google_service_account', agentSaId, 'email')}` +
        " && kubectl create secret generic 'storage-transfer-agent-key' -n 'db' --from-file=key.json=key.json && rm key.json",
    );
  });

  test('no migration output holds key material', () => {
    const own = Object.entries<any>(tf.output).filter(([name]) => name.includes('migrat'));
    expect(own).toHaveLength(7);
    for (const [, o] of own) {
      expect(o.sensitive).toBeUndefined();
      expect(JSON.stringify(o.value)).not.toMatch(/hmac|secret_key|private_key|\.secret\}/i);
    }
  });

  test('output prefix can be changed', () => {
    expect(Object.keys(synthMigration({ outputPrefix: 'move' }).tf.output)).toEqual(expect.arrayContaining(['move_migrate_recordings_job', 'move_migration_cut_over']));
  });
});

describe('validation', () => {
  test('minioEndpoint is an http(s) URL', () => {
    expect(migrate({ minioEndpoint: 'minio.db.svc.cluster.local:9000' })).toThrow(/'minioEndpoint' must be an http:\/\/ or https:\/\/ URL \(got: minio\.db\.svc\.cluster\.local:9000\)/);
  });

  test('minioEndpoint has no path', () => {
    expect(migrate({ minioEndpoint: 'http://minio:9000/mobs' })).toThrow(/'minioEndpoint' must be a URL with scheme, host and port only \(no path\) \(got: http:\/\/minio:9000\/mobs\)/);
  });

  test('minioEndpoint holds no credentials', () => {
    expect(migrate({ minioEndpoint: 'http://key:secret@minio:9000' })).toThrow(/'minioEndpoint' must be a URL without credentials/);
  });

  test('projectId is a project id', () => {
    expect(migrate({ projectId: 'Acme Replay' })).toThrow(/'projectId' must be a Google Cloud project id .* \(got: Acme Replay\)/);
  });

  test('agentPoolName is an agent pool id', () => {
    expect(migrate({ agentPoolName: 'google-pool' })).toThrow(/'agentPoolName' must be an agent pool id .*not starting with 'goog'.* \(got: google-pool\)/);
  });

  test('scheduleStartDate is a real date', () => {
    expect(migrate({ scheduleStartDate: '2025-02-30' })).toThrow(/'scheduleStartDate' must be a date written YYYY-MM-DD \(got: 2025-02-30\)/);
  });

  test('repeatIntervalHours is at least one hour', () => {
    expect(migrate({ repeatIntervalHours: 0 })).toThrow(/'repeatIntervalHours' must be a whole number from 1 to 8760 \(got: 0\)/);
  });

  test('agentReplicas is at least one', () => {
    expect(migrate({ agentReplicas: 0 })).toThrow(/'agentReplicas' must be a whole number from 1 to 100 \(got: 0\)/);
  });

  test('minioBucketNames only for buckets the storage has', () => {
    expect(migrate({ minioBucketNames: { records: 'records' } })).toThrow(/'minioBucketNames\.records' must be unset while the target storage has no records bucket \(got: records\)/);
  });

  test('Kubernetes names', () => {
    expect(migrate({ kubernetesNamespace: 'DB' })).toThrow(/'kubernetesNamespace' must be /);
  });

  test('every problem in one error naming the construct', () => {
    expect(migrate({ projectId: 'x', scheduleStartDate: 'tomorrow', agentReplicas: 0 })).toThrow(
      /MinioStorageTransferMigration at 'test\/Migration' has 3 invalid properties:\n {2}- 'projectId'.*\n {2}- 'scheduleStartDate'.*\n {2}- 'agentReplicas'/,
    );
  });
});
