/**
 * What Storage Transfer Service needs and does in a MinIO -> Cloud Storage
 * move, each with the Google page it comes from, and the Kubernetes
 * Deployment of its agents. Internal to the Google Cloud migration construct.
 */
import { toYaml } from '../../core/yaml';

/**
 * Bucket roles of both principals that touch the new buckets. Together they
 * hold exactly `storage.buckets.get`, `storage.objects.list`,
 * `storage.objects.create`, `storage.objects.delete` (legacyBucketWriter)
 * and `storage.objects.get` (legacyObjectReader):
 * - the Storage Transfer service agent needs these on the destination
 *   bucket (`objects.get` because `overwrite_when` is `DIFFERENT`): the
 *   "Required permissions" of
 *   https://cloud.google.com/storage-transfer/docs/sink-cloud-storage
 * - the transfer agents, which write the objects of an S3-compatible source
 *   themselves, need `objects.create`, `objects.get`, `objects.list` and
 *   `objects.delete` (to overwrite) on the destination bucket: "File system,
 *   S3-compatible storage, or HDFS to Cloud Storage" of
 *   https://cloud.google.com/storage-transfer/docs/file-system-permissions
 *
 * Narrower than the `roles/storage.admin` that `gcloud transfer authorize`
 * grants the service agent, and bound to these buckets only.
 */
export const STS_SINK_BUCKET_ROLES = ['roles/storage.legacyBucketWriter', 'roles/storage.legacyObjectReader'] as const;

/**
 * Project role of the agents' service account: "Gives transfer agents the
 * Storage Transfer Service permissions required to complete a transfer".
 * @see https://cloud.google.com/storage-transfer/docs/file-system-permissions
 */
export const STS_AGENT_PROJECT_ROLE = 'roles/storagetransfer.transferAgent';

/** The agent image of Google's `docker run` instructions. */
export const STS_AGENT_IMAGE = 'gcr.io/cloud-ingest/tsop-agent:latest';

/** Where the Deployment mounts the agents' service account key (the path of Google's S3 example). */
export const AGENT_KEY_DIR = '/etc/gcloud';
/** File name of the key inside the Kubernetes Secret and the mount. */
export const AGENT_KEY_FILE = 'key.json';

/**
 * Google recommends at least three agents per pool.
 * @see https://cloud.google.com/storage-transfer/docs/managing-on-prem-agents
 */
export const DEFAULT_AGENT_REPLICAS = 3;

/** Agent pool ids, as the API documents them (128 characters at most). */
export const AGENT_POOL_ID = /^(?!goog)[a-z]([a-z0-9-._~]*[a-z0-9])?$/;

/** Google Cloud project ids. */
export const GCP_PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

/**
 * What Storage Transfer Service keeps from S3-compatible sources ("Amazon
 * S3 or S3-compatible storage to Cloud Storage"): fixed-key metadata "such
 * as Cache-Control, Content-Disposition, and Content-Type" as fixed-key
 * metadata (Content-Encoding is fixed-key metadata in Cloud Storage but not
 * named), user-defined metadata as custom metadata, the ETag as
 * `x-goog-source-etag`. "Metadata fields that are not explicitly mentioned
 * in this document are not preserved": object tags are not (Cloud Storage
 * has none). Last-Modified moves into `customTime` with
 * `time_created = TIME_CREATED_PRESERVE_AS_CUSTOM_TIME`.
 * @see https://cloud.google.com/storage-transfer/docs/metadata-preservation
 * @see https://docs.cloud.google.com/dotnet/docs/reference/Google.Cloud.StorageTransfer.V1/latest/Google.Cloud.StorageTransfer.V1.MetadataOptions.Types.TimeCreated
 */
export const STS_PRESERVES = {
  kept: ['Cache-Control', 'Content-Disposition', 'Content-Type', 'user-defined metadata', 'ETag (as x-goog-source-etag)', 'Last-Modified (as customTime)'],
  notNamed: ['Content-Encoding'],
  lost: ['object tags (retention, to_delete_in_days)'],
} as const;

/** Inputs of the agents' Deployment. */
export interface AgentDeploymentInput {
  readonly name: string;
  readonly namespace: string;
  readonly replicas: number;
  readonly projectId: string;
  readonly agentPool: string;
  /** Kubernetes Secret with MinIO's key pair. */
  readonly minioSecretName: string;
  readonly minioAccessKeyField: string;
  readonly minioSecretKeyField: string;
  /** Kubernetes Secret with the agents' service account key ({@link AGENT_KEY_FILE}). */
  readonly agentKeySecretName: string;
}

/**
 * A Deployment that runs the transfer agents next to MinIO, translated from
 * Google's `docker run` for S3-compatible sources ("Install transfer agents",
 * https://cloud.google.com/storage-transfer/docs/managing-on-prem-agents):
 * image `gcr.io/cloud-ingest/tsop-agent:latest`, `--project-id`,
 * `--creds-file` (a service account key mounted read-only),
 * `--hostname`, `--agent-pool`, and MinIO's key pair in
 * `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`, read from a Secret so the
 * manifest holds no key. Google's `--ulimit memlock=64000000` has no
 * per-container equivalent in Kubernetes: the node's container runtime
 * limit applies. Google suggests 4 CPUs and 8 GB per agent for best
 * throughput (https://cloud.google.com/storage-transfer/docs/on-prem-set-up);
 * the requests are smaller so the pods schedule on small clusters.
 */
export function agentDeploymentManifest(input: AgentDeploymentInput): string {
  const labels = { 'app.kubernetes.io/name': input.name, 'app.kubernetes.io/part-of': 'openreplay-minio-migration' };
  const fromSecret = (name: string, key: string) => ({ valueFrom: { secretKeyRef: { name, key } } });
  return toYaml({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: input.name, namespace: input.namespace, labels },
    spec: {
      replicas: input.replicas,
      selector: { matchLabels: { 'app.kubernetes.io/name': input.name } },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: 'agent',
              image: STS_AGENT_IMAGE,
              args: [
                `--project-id=${input.projectId}`,
                `--agent-pool=${input.agentPool}`,
                `--creds-file=${AGENT_KEY_DIR}/${AGENT_KEY_FILE}`,
                '--hostname=$(POD_NAME)',
              ],
              env: [
                { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                { name: 'AWS_ACCESS_KEY_ID', ...fromSecret(input.minioSecretName, input.minioAccessKeyField) },
                { name: 'AWS_SECRET_ACCESS_KEY', ...fromSecret(input.minioSecretName, input.minioSecretKeyField) },
              ],
              resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { memory: '8Gi' } },
              volumeMounts: [{ name: 'agent-key', mountPath: AGENT_KEY_DIR, readOnly: true }],
            },
          ],
          volumes: [{ name: 'agent-key', secret: { secretName: input.agentKeySecretName } }],
        },
      },
    },
  });
}
