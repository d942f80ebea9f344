/**
 * `--job-manifest`: the same migration as a Kubernetes Job, next to MinIO
 * in the cluster. An init container copies the rclone binary out of
 * rclone's official image (`rclone/rclone`, a static binary); the main
 * container runs this package's `migrate` with npx (Node.js image; the
 * SDKs of the attribute step are bundled in it). The deploy's outputs go in a
 * ConfigMap, reduced to the non-sensitive outputs the command reads. Every
 * key comes from a Kubernetes Secret by `secretKeyRef`; none is in the
 * manifest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReplayInstance } from './instance';
import { CliError } from './io';
import { type MigratePlan, ROLE_BUCKET_OUTPUTS } from './migrate-plan';
import { KEY_VARIABLES } from './migrate-remotes';
import { printable } from './printable';
import { renderYaml } from './yaml-render';
import type { OutputName } from '../core/outputs/contract';

export const JOB_NAME = 'replay-storage-migrate';
export const DEFAULT_NODE_IMAGE = 'node:22-bookworm-slim';
/** The rclone release this command is tested with. */
export const DEFAULT_RCLONE_IMAGE = 'rclone/rclone:1.60.1';
const OUTPUTS_MOUNT = '/etc/replay-storage';

/**
 * The chart's MinIO Secret: release `databases` in namespace `db`
 * (scripts/helmcharts/init.sh), named `minio` (`minio.fullnameOverride` in
 * scripts/helmcharts/databases/values.yaml), keys `access-key` and
 * `secret-key` (databases/charts/minio/templates/secrets.yaml).
 */
const CHART_MINIO = { namespace: 'db', secret: 'minio', accessKey: 'access-key', secretKey: 'secret-key' } as const;

export interface JobOptions {
  readonly namespace?: string;
  readonly serviceAccount?: string;
  readonly minioSecret?: string;
  readonly nodeImage?: string;
  readonly rcloneImage?: string;
  /** `migrate` flags besides --outputs (source endpoint, buckets, transfers, ...). */
  readonly migrateArgs: readonly string[];
}

/** Outputs the command reads; the rest (HelmValues, keys) stays out of the cluster's ConfigMap. */
const READ_OUTPUTS: readonly OutputName[] = ['Metadata', ...Object.values(ROLE_BUCKET_OUTPUTS), 'Region', 'StorageAccountName', 'BlobEndpoint'];

/** The outputs the in-cluster run needs, as `terraform output -json` writes them (any key style reads back). */
export function reducedOutputs(instance: ReplayInstance): Record<string, { value: unknown; type: string; sensitive: false }> {
  const doc: Record<string, { value: unknown; type: string; sensitive: false }> = {};
  for (const name of READ_OUTPUTS) {
    const o = instance.get(name);
    if (o && !o.sensitive) doc[o.key] = { value: o.value, type: 'string', sensitive: false };
  }
  return doc;
}

/** `replay-storage@1.2.3`: the version running (the latest release when unknown). */
function packageSpec(): string {
  let version: string | undefined;
  try {
    version = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    // Unknown version: the latest release.
  }
  return `replay-storage@${version && version !== '0.0.0' ? version : 'latest'}`;
}

type EnvVar = { name: string; value: string } | { name: string; valueFrom: { secretKeyRef: { name: string; key: string } } };

const fromSecret = (name: string, secret: string, key: string): EnvVar => ({ name, valueFrom: { secretKeyRef: { name: secret, key } } });

/** The target's key variables from the construct's Kubernetes Secret (the one the Helm values read). */
function targetKeyEnv(instance: ReplayInstance, plan: MigratePlan, options: JobOptions): EnvVar[] {
  const spec = instance.kubernetesSecret;
  if (plan.target.kind === 's3' && options.serviceAccount) return []; // web identity (IRSA): rclone's env_auth and the SDK find it
  const needs: Record<string, string> =
    plan.target.kind === 's3'
      ? { 'access-key': 'AWS_ACCESS_KEY_ID', 'secret-key': 'AWS_SECRET_ACCESS_KEY' }
      : plan.target.kind === 'gcs'
        ? { 'access-key': KEY_VARIABLES.gcsAccessId, 'secret-key': KEY_VARIABLES.gcsSecret }
        : { 'azure-account-key': KEY_VARIABLES.azureKey };
  const missing = Object.keys(needs).filter((k) => !spec?.keys[k]);
  if (!spec || missing.length > 0) {
    const why = spec ? `its Kubernetes Secret '${spec.name}' has no key ${missing.join(', ')}` : 'it names no Kubernetes Secret (no key exists: the backend assumes a role)';
    throw new CliError(`${plan.construct}: ${why}. Pass --job-service-account <a service account whose role may write the buckets> (AWS), or run the command outside the cluster.`);
  }
  return Object.entries(needs).map(([key, variable]) => fromSecret(variable, spec.name, key));
}

/** The Job manifest (a ConfigMap and a Job, one YAML stream) and what to run before applying it. */
export function jobManifest(instance: ReplayInstance, plan: MigratePlan, options: JobOptions): string {
  const namespace = options.namespace ?? instance.kubernetesSecret?.namespace ?? 'app';
  const minioSecret = options.minioSecret ?? (namespace === CHART_MINIO.namespace ? CHART_MINIO.secret : 'replay-storage-minio');
  const labels = { 'app.kubernetes.io/name': JOB_NAME, 'app.kubernetes.io/managed-by': 'replay-storage' };
  const configMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `${JOB_NAME}-outputs`, namespace, labels },
    data: { 'outputs.json': `${JSON.stringify(reducedOutputs(instance), null, 2)}\n` },
  };
  const restricted = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };
  const command = ['npx', '--yes', '--package', packageSpec(), 'replay-storage', 'migrate', '--outputs', `${OUTPUTS_MOUNT}/outputs.json`, ...options.migrateArgs];
  const job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: JOB_NAME, namespace, labels },
    spec: {
      // A failed run is retried; each run copies only what is missing.
      backoffLimit: 3,
      ttlSecondsAfterFinished: 604800,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          ...(options.serviceAccount ? { serviceAccountName: options.serviceAccount } : {}),
          securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } },
          initContainers: [
            {
              name: 'rclone',
              image: options.rcloneImage ?? DEFAULT_RCLONE_IMAGE,
              command: ['cp', '/usr/local/bin/rclone', '/tools/rclone'],
              securityContext: restricted,
              volumeMounts: [{ name: 'tools', mountPath: '/tools' }],
            },
          ],
          containers: [
            {
              name: 'migrate',
              image: options.nodeImage ?? DEFAULT_NODE_IMAGE,
              command,
              env: [
                { name: 'PATH', value: '/tools:/usr/local/bin:/usr/bin:/bin' },
                { name: 'HOME', value: '/tmp' },
                { name: 'npm_config_update_notifier', value: 'false' },
                fromSecret(KEY_VARIABLES.minioAccessKey, minioSecret, CHART_MINIO.accessKey),
                fromSecret(KEY_VARIABLES.minioSecretKey, minioSecret, CHART_MINIO.secretKey),
                ...targetKeyEnv(instance, plan, options),
              ],
              resources: { requests: { cpu: '500m', memory: '512Mi' }, limits: { memory: '1Gi' } },
              securityContext: restricted,
              volumeMounts: [
                { name: 'tools', mountPath: '/tools', readOnly: true },
                { name: 'tmp', mountPath: '/tmp' },
                { name: 'outputs', mountPath: OUTPUTS_MOUNT, readOnly: true },
              ],
            },
          ],
          volumes: [
            { name: 'tools', emptyDir: {} },
            { name: 'tmp', emptyDir: {} },
            { name: 'outputs', configMap: { name: configMap.metadata.name } },
          ],
        },
      },
    },
  };
  const copySecret =
    minioSecret === CHART_MINIO.secret && namespace === CHART_MINIO.namespace
      ? []
      : [
        `Before applying, copy the chart's MinIO key pair into namespace ${namespace} (the command line holds no key):`,
        `  kubectl -n ${CHART_MINIO.namespace} get secret ${CHART_MINIO.secret} -o json | jq '{apiVersion, kind, type, data, metadata: {name: "${minioSecret}"}}' | kubectl -n ${namespace} apply -f -`,
      ];
  const header = [
    `Moves the objects of ${plan.construct} off the chart's MinIO (${plan.sourceEndpoint}): 'replay-storage migrate' as a Job.`,
    'Written by replay-storage migrate --job-manifest. Holds no key: each one comes from a Secret.',
    ...copySecret,
    `Then: kubectl apply -f <this file>; kubectl -n ${namespace} logs -f job/${JOB_NAME}`,
    'Re-apply (after kubectl delete job) to copy what is new: each run copies only what is missing.',
  ];
  const what = 'the --job-manifest file';
  return `${renderYaml(configMap, header.map(printable), what)}---\n${renderYaml(job, [], what)}`;
}
