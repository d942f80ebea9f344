/**
 * What `migrate` moves and where: each OpenReplay role's bucket on the
 * chart's bundled MinIO and the bucket the deploy created for it (read from
 * the construct's Metadata output), and how the target is reached (cloud,
 * region, endpoint, Azure account). Nothing here holds a key.
 */
import type { ReplayInstance } from './instance';
import { CliError, UsageError } from './io';
import { OUTPUTS_FILE_HOWTO, OutputsError } from './outputs-error';
import { printable, quoted } from './printable';
import type { OutputName } from '../core/outputs/contract';
import { GCS_ENDPOINT } from '../core/prefix';
import { OPENREPLAY_ROLES, type OpenReplayRole } from '../core/roles';

/** Every OpenReplay role, in the chart's order. */
export const MIGRATE_ROLES = Object.keys(OPENREPLAY_ROLES) as OpenReplayRole[];

/** The output naming each role's new bucket. */
export const ROLE_BUCKET_OUTPUTS: Readonly<Record<OpenReplayRole, OutputName>> = {
  recordings: 'RecordingsBucket',
  assets: 'AssetsBucket',
  sourcemaps: 'SourcemapsBucket',
  spots: 'SpotsBucket',
  records: 'RecordsBucket',
};

/** The MinIO bucket of each role when the chart's defaults were kept (mobs, sessions-assets, ...). */
export const MINIO_DEFAULT_BUCKETS: Readonly<Record<OpenReplayRole, string>> = Object.fromEntries(
  MIGRATE_ROLES.map((role) => [role, OPENREPLAY_ROLES[role].chartDefaultName]),
) as Record<OpenReplayRole, string>;

/** The account rclone 1.60 signs as in emulator mode (`use_emulator`), with Azurite's published key. */
export const AZURE_EMULATOR_ACCOUNT = 'devstoreaccount1';

/**
 * Bucket and container names of every cloud and of MinIO: nothing that
 * could end an rclone remote path (`:`) or leave the bucket (`/`).
 */
const BUCKET_NAME = /^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/;

/** One bucket to copy. */
export interface BucketMove {
  readonly role: OpenReplayRole;
  /** Bucket on MinIO. */
  readonly source: string;
  /** Whether the source name came from `--source-buckets` (a missing one is then an error, not a skip). */
  readonly sourceGiven: boolean;
  /** Bucket (or container) the deploy created. */
  readonly target: string;
}

/** How rclone and the attribute step reach the target. */
export type MigrateTarget =
  | { readonly kind: 's3'; readonly region: string; readonly endpoint?: string }
  | { readonly kind: 'gcs'; readonly region: string; readonly endpoint: string }
  | {
    readonly kind: 'azure';
    readonly account: string;
    /** `https://<account>.blob.core.windows.net/`, or the emulator's `http://host:port/<account>/`. */
    readonly blobEndpoint: string;
    /** `blob.core.windows.net` (rclone's `endpoint` for a real account); unset in emulator mode. */
    readonly endpointSuffix?: string;
  };

export interface MigratePlan {
  /** `OpenReplayStorage (replay-storage/lib/aws) 'Stack/OpenReplay'`. */
  readonly construct: string;
  readonly sourceEndpoint: string;
  readonly moves: readonly BucketMove[];
  readonly target: MigrateTarget;
}

export interface PlanOptions {
  readonly sourceEndpoint: string;
  readonly sourceBuckets?: Readonly<Partial<Record<OpenReplayRole, string>>>;
  readonly targetEndpoint?: string;
  /** `AZURE_STORAGE_ACCOUNT`, when set. */
  readonly azureAccount?: string;
}

function isRole(name: string): name is OpenReplayRole {
  return Object.prototype.hasOwnProperty.call(OPENREPLAY_ROLES, name);
}

function checkBucketName(what: string, name: string, fix: string): string {
  if (!BUCKET_NAME.test(name)) {
    throw new UsageError(`migrate: ${what} must be a bucket name (lower-case letters, digits, '.', '_' and '-'; got: ${printable(name)}). ${fix}`);
  }
  return name;
}

/** `--source-buckets recordings=mobs,assets=sessions-assets`. */
export function parseSourceBuckets(value: string | undefined): Partial<Record<OpenReplayRole, string>> {
  const names: Partial<Record<OpenReplayRole, string>> = {};
  if (value === undefined) return names;
  for (const item of value.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const i = item.indexOf('=');
    const role = item.slice(0, Math.max(i, 0));
    if (i <= 0 || !isRole(role)) {
      throw new UsageError(`migrate: '--source-buckets' takes <role>=<bucket>,... with roles ${MIGRATE_ROLES.join(', ')} (got: ${printable(item)}).`);
    }
    if (names[role] !== undefined) throw new UsageError(`migrate: '--source-buckets' names role '${role}' twice.`);
    names[role] = checkBucketName(`'--source-buckets ${role}'`, item.slice(i + 1), 'Write it as MinIO names it.');
  }
  return names;
}

/**
 * An http(s) URL without user name, password, query or fragment; a path
 * only where `allowPath` (the Azure emulator's `/<account>`). Returned
 * without a trailing slash.
 */
export function checkEndpoint(flag: string, value: string, allowPath = false): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  // The chart's own MinIO endpoint (`global.s3.endpoint` in scripts/helmcharts/vars.yaml).
  const example = 'http://minio.db.svc.cluster.local:9000';
  if (!url || !/^https?:$/.test(url.protocol)) throw new UsageError(`migrate: '${flag}' must be an http(s) URL like ${example} (got: ${printable(value)}).`);
  if (url.username || url.password) throw new UsageError(`migrate: '${flag}' must not hold a user name or password: keys come from the environment.`);
  if (url.search || url.hash || (!allowPath && url.pathname !== '/')) {
    throw new UsageError(`migrate: '${flag}' must be scheme, host and port only, like ${example} (got: ${printable(value)}).`);
  }
  return value.replace(/\/+$/, '');
}

/** A bucket output, checked to be a bucket name before it reaches rclone. */
function bucketOutput(instance: ReplayInstance, name: OutputName): string {
  const bucket = instance.require(name);
  if (!BUCKET_NAME.test(bucket)) {
    throw new OutputsError(
      `output ${quoted(instance.keyOf(name))}${instance.where()} must be a bucket or container name (got: ${printable(bucket)}). Pass the outputs file as the deploy wrote it (${OUTPUTS_FILE_HOWTO}).`,
    );
  }
  return bucket;
}

/** A region-like output (letters, digits, '-'), or `fallback` when the construct has none. */
function regionOutput(instance: ReplayInstance, fallback?: string): string {
  const region = instance.declares('Region') ? instance.require('Region') : fallback;
  if (region === undefined) return instance.require('Region');
  if (!/^[a-z0-9-]{1,64}$/i.test(region)) {
    throw new OutputsError(`output ${quoted(instance.keyOf('Region'))}${instance.where()} must be a region name (got: ${printable(region)}).`);
  }
  return region;
}

/**
 * The Azure target: `https://<account>.<suffix>/` (rclone 1.60 builds that
 * URL itself from `endpoint = <suffix>`), or a path-style emulator URL
 * `http(s)://host:port/<account>`, which rclone 1.60 reaches only in its
 * emulator mode, signing as Azurite's published account.
 */
function azureTarget(instance: ReplayInstance, targetEndpoint: string | undefined, envAccount: string | undefined): MigrateTarget {
  const outputAccount = instance.optional('StorageAccountName');
  // With --target-endpoint (an emulator) the account is the one there.
  if (envAccount && outputAccount && envAccount !== outputAccount && !targetEndpoint) {
    throw new CliError(
      `AZURE_STORAGE_ACCOUNT is '${printable(envAccount)}' but the deploy's storage account (output ${quoted(instance.keyOf('StorageAccountName'))}) is '${printable(outputAccount)}'. ` +
        'Unset AZURE_STORAGE_ACCOUNT, or set it (and AZURE_STORAGE_KEY) for that account; with --target-endpoint it may name the account there.',
    );
  }
  const account = envAccount ?? outputAccount;
  if (!account || !/^[a-z0-9]{3,24}$/.test(account)) {
    throw new CliError(`the storage account name must be 3 to 24 lower-case letters and digits (got: ${printable(account ?? '(none)')}); set AZURE_STORAGE_ACCOUNT.`);
  }
  const base = targetEndpoint ?? checkEndpoint(`output ${instance.keyOf('BlobEndpoint')}`, instance.require('BlobEndpoint'), true);
  const url = new URL(base);
  if (url.hostname.startsWith(`${account}.`) && (url.pathname === '/' || url.pathname === '')) {
    if (url.protocol !== 'https:') throw new CliError(`rclone reaches an Azure account over https only (got: ${printable(base)}).`);
    return { kind: 'azure', account, blobEndpoint: `${url.origin}/`, endpointSuffix: url.host.slice(account.length + 1) };
  }
  if (url.pathname.replace(/\/+$/, '') !== `/${account}`) {
    throw new UsageError(`migrate: an Azure endpoint is https://${account}.blob.core.windows.net or, for an emulator, http://host:port/${account} (got: ${printable(base)}).`);
  }
  if (account !== AZURE_EMULATOR_ACCOUNT) {
    throw new CliError(
      `rclone 1.60 reaches a path-style (emulator) endpoint only as Azurite's published account '${AZURE_EMULATOR_ACCOUNT}' (got account '${account}'). ` +
        `Use the account's https://${account}.<suffix> endpoint, or the emulator's '${AZURE_EMULATOR_ACCOUNT}' account.`,
    );
  }
  return { kind: 'azure', account, blobEndpoint: `${base.replace(/\/+$/, '')}/` };
}

function targetOf(instance: ReplayInstance, options: PlanOptions): MigrateTarget {
  switch (instance.cloud) {
    case 'aws':
      return { kind: 's3', region: regionOutput(instance), ...(options.targetEndpoint ? { endpoint: options.targetEndpoint } : {}) };
    case 'gcp':
      // The region the chart's backend signs with (the bucket location); Cloud Storage accepts it in SigV4 scopes.
      return { kind: 'gcs', region: regionOutput(instance, 'auto'), endpoint: options.targetEndpoint ?? GCS_ENDPOINT };
    case 'azure':
      return azureTarget(instance, options.targetEndpoint, options.azureAccount);
  }
}

/** The buckets to move, from an OpenReplay construct's outputs. */
export function planMigration(instance: ReplayInstance, options: PlanOptions): MigratePlan {
  if (instance.product !== 'openreplay') {
    throw new CliError(`${instance.constructName} '${instance.label}' is not an OpenReplayStorage: migrate moves the OpenReplay chart's MinIO buckets only.`);
  }
  const given = options.sourceBuckets ?? {};
  const moves: BucketMove[] = [];
  for (const role of MIGRATE_ROLES) {
    const output = ROLE_BUCKET_OUTPUTS[role];
    if (!instance.declares(output)) {
      if (given[role] !== undefined) {
        throw new UsageError(`migrate: '--source-buckets ${role}' is set but ${instance.constructName} '${instance.label}' has no ${role} bucket; remove it.`);
      }
      continue;
    }
    const source = given[role] ?? MINIO_DEFAULT_BUCKETS[role];
    moves.push({ role, source, sourceGiven: given[role] !== undefined, target: bucketOutput(instance, output) });
  }
  return {
    construct: `${instance.constructName} '${instance.label}'`,
    sourceEndpoint: options.sourceEndpoint,
    moves,
    target: targetOf(instance, options),
  };
}
