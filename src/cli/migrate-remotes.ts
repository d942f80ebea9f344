/**
 * The two rclone remotes of a migration, defined entirely by environment
 * variables of the rclone process (`RCLONE_CONFIG_<REMOTE>_<OPTION>`, which
 * take precedence over every config file and backend-wide variable): no key
 * is ever on rclone's command line (visible to every user in `ps`) or on
 * disk. rclone gets an empty config file of its own (mode 0600), so a
 * remote of the same name in the user's rclone.conf cannot mix in.
 *
 * - `minio`: S3, provider Minio, path-style, the MinIO key pair; it never
 *   decompresses gzip-encoded recordings (`might_gzip = false`,
 *   `decompress = false`), so they are copied byte for byte.
 * - `target`: AWS: S3, provider AWS, `env_auth` (the standard AWS
 *   environment, profile, web identity or instance role); Cloud Storage: S3
 *   with an HMAC key (rclone 1.60 has no GCS provider: provider Other);
 *   Azure: azureblob with the account key. An S3 target never creates a
 *   bucket (`no_check_bucket`).
 */
import { CliError } from './io';
import type { MigratePlan } from './migrate-plan';

export const SOURCE_REMOTE = 'minio';
export const TARGET_REMOTE = 'target';

/** Environment variables the command reads keys from. */
export const KEY_VARIABLES = {
  minioAccessKey: 'MINIO_ACCESS_KEY',
  minioSecretKey: 'MINIO_SECRET_KEY',
  gcsAccessId: 'GCS_HMAC_ACCESS_ID',
  gcsSecret: 'GCS_HMAC_SECRET',
  azureAccount: 'AZURE_STORAGE_ACCOUNT',
  azureKey: 'AZURE_STORAGE_KEY',
} as const;

/** The region OpenReplay's services sign MinIO requests with (`global.s3.region` in scripts/helmcharts/vars.yaml). */
const MINIO_REGION = 'us-east-1';

/** Keys read from the environment; never printed, never in argv. */
export interface MigrateKeys {
  readonly minio: { readonly accessKey: string; readonly secretKey: string };
  readonly gcs?: { readonly accessId: string; readonly secret: string };
  readonly azure?: { readonly key: string };
}

/** One remote: its options, the secret ones apart. */
export interface RemoteDefinition {
  readonly name: string;
  readonly options: Readonly<Record<string, string>>;
  readonly secrets: Readonly<Record<string, string>>;
}

function required(env: NodeJS.ProcessEnv, names: readonly string[], why: string): string[] {
  const missing = names.filter((n) => !env[n]);
  if (missing.length > 0) throw new CliError(`set ${missing.join(' and ')} in the environment (${why}); keys are never taken as flags.`);
  return names.map((n) => env[n]!);
}

/** The keys the plan needs, from the environment, or a message naming what is missing. */
export function readKeys(plan: MigratePlan, env: NodeJS.ProcessEnv): MigrateKeys {
  const [accessKey, secretKey] = required(
    env,
    [KEY_VARIABLES.minioAccessKey, KEY_VARIABLES.minioSecretKey],
    "MinIO's key pair: kubectl -n db get secret minio -o jsonpath='{.data.access-key}' | base64 -d, and the same for secret-key",
  );
  const minio = { accessKey, secretKey };
  switch (plan.target.kind) {
    case 's3':
      return { minio };
    case 'gcs': {
      const [accessId, secret] = required(env, [KEY_VARIABLES.gcsAccessId, KEY_VARIABLES.gcsSecret], "an HMAC key of the deploy's service account: the access-key and secret-key of its Credentials output");
      return { minio, gcs: { accessId, secret } };
    }
    case 'azure': {
      const [key] = required(env, [KEY_VARIABLES.azureKey], `the key of storage account '${plan.target.account}' (its AccountKey output)`);
      return { minio, azure: { key } };
    }
  }
}

/** The remotes of a plan; secrets apart from the other options. */
export function remoteDefinitions(plan: MigratePlan, keys: MigrateKeys): [RemoteDefinition, RemoteDefinition] {
  const source: RemoteDefinition = {
    name: SOURCE_REMOTE,
    options: {
      type: 's3',
      provider: 'Minio',
      endpoint: plan.sourceEndpoint,
      region: MINIO_REGION,
      env_auth: 'false',
      might_gzip: 'false',
      decompress: 'false',
    },
    secrets: { access_key_id: keys.minio.accessKey, secret_access_key: keys.minio.secretKey },
  };
  const t = plan.target;
  let target: RemoteDefinition;
  switch (t.kind) {
    case 's3':
      target = {
        name: TARGET_REMOTE,
        // rclone 1.60's AWS provider always uses virtual-hosted URLs, which an endpoint on an IP address cannot serve.
        options: t.endpoint
          ? { type: 's3', provider: 'Other', endpoint: t.endpoint, region: t.region, env_auth: 'true', force_path_style: 'true', no_check_bucket: 'true' }
          : { type: 's3', provider: 'AWS', region: t.region, env_auth: 'true', no_check_bucket: 'true' },
        secrets: {},
      };
      break;
    case 'gcs':
      target = {
        name: TARGET_REMOTE,
        options: { type: 's3', provider: 'Other', endpoint: t.endpoint, region: t.region, env_auth: 'false', no_check_bucket: 'true' },
        secrets: { access_key_id: keys.gcs!.accessId, secret_access_key: keys.gcs!.secret },
      };
      break;
    case 'azure':
      target = t.endpointSuffix
        ? { name: TARGET_REMOTE, options: { type: 'azureblob', account: t.account, endpoint: t.endpointSuffix }, secrets: { key: keys.azure!.key } }
        : // Emulator mode: rclone 1.60 signs with Azurite's published key, built in.
        { name: TARGET_REMOTE, options: { type: 'azureblob', use_emulator: 'true', endpoint: t.blobEndpoint.replace(/\/+$/, '') }, secrets: {} };
      break;
  }
  return [source, target];
}

/** `RCLONE_CONFIG_MINIO_ACCESS_KEY_ID`. */
export function remoteVariable(remote: string, option: string): string {
  return `RCLONE_CONFIG_${remote}_${option}`.toUpperCase();
}

/** What the environment must not pass on to rclone: other definitions of our remotes, and the AWS CA bundle (see {@link rcloneProcessEnv}). */
function inherited(env: NodeJS.ProcessEnv, remotes: readonly RemoteDefinition[]): Record<string, string> {
  const prefixes = remotes.map((r) => remoteVariable(r.name, ''));
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined || k === 'AWS_CA_BUNDLE' || k === 'RCLONE_CONFIG' || prefixes.some((p) => k.toUpperCase().startsWith(p))) continue;
    kept[k] = v;
  }
  return kept;
}

/** How rclone is started: its environment and the options every call takes. */
export interface RcloneSetup {
  readonly env: Readonly<Record<string, string>>;
  /** Global options (no secret): `--config <empty file>`, JSON log, and `--ca-cert` for an AWS CA bundle. */
  readonly globalArgs: readonly string[];
  /** The secret keys (not the access key ids, which name a user), to check that none reaches argv. */
  readonly secretValues: readonly string[];
}

/**
 * rclone's environment: the parent's (AWS credentials, proxies, other
 * `RCLONE_*` settings such as `RCLONE_BWLIMIT`), minus other definitions of
 * our two remotes, plus ours. `AWS_CA_BUNDLE` is passed as `--ca-cert`
 * instead: rclone 1.60's AWS SDK fails on it ("LoadCustomCABundleError ...
 * unsupported transport").
 */
export function rcloneProcessEnv(remotes: readonly RemoteDefinition[], parent: NodeJS.ProcessEnv, configFile: string): RcloneSetup {
  const env = inherited(parent, remotes);
  const secretValues: string[] = [];
  for (const r of remotes) {
    for (const [option, value] of Object.entries(r.options)) env[remoteVariable(r.name, option)] = value;
    for (const [option, value] of Object.entries(r.secrets)) {
      env[remoteVariable(r.name, option)] = value;
      if (option !== 'access_key_id') secretValues.push(value);
    }
  }
  const caBundle = parent.AWS_CA_BUNDLE;
  return {
    env,
    globalArgs: ['--config', configFile, '--use-json-log', ...(caBundle ? ['--ca-cert', caBundle] : [])],
    secretValues,
  };
}
