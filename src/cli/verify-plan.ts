import type { ReplayInstance } from './instance';
import { OUTPUTS_FILE_HOWTO, OutputsError } from './outputs-error';
import { printable, quoted } from './printable';
import { StorageService, VerifyPlan, VerifyTarget } from './verify';
import type { Cloud } from '../core/backends/storage-backend';
import type { OutputName } from '../core/outputs/contract';
import { azurePrefixFromBlobEndpoint, gcsPrefix, s3VirtualHostedFromEndpoint, trimTrailingSlash } from '../core/prefix';
import { BrowserAccess, LOGROCKET_USER_FILES, OPENREPLAY_ROLES, type OpenReplayRole } from '../core/roles';

/** Default object key probed in every bucket. */
export const DEFAULT_PROBE_KEY = 'replay-storage-probe.txt';

/** An origin no rule should allow (`.invalid` never resolves). */
export const DEFAULT_OTHER_ORIGIN = 'https://not-the-dashboard.invalid';

/** CORS methods the player needs per product. */
export const PRODUCT_METHODS = { openreplay: ['GET'], logrocket: ['GET', 'HEAD'] } as const;

export interface PlanOptions {
  readonly origin: string;
  readonly otherOrigin?: string;
  readonly probeKey?: string;
  /** Send every request path-style to this S3-compatible endpoint instead of the cloud's URLs. */
  readonly endpoint?: string;
  /** Presigned GET URLs per role. */
  readonly signedGet?: Readonly<Record<string, string>>;
  readonly signedPutUrl?: string;
}

/** Whether a role is the public one, by the library's role table. */
export function isPublicRole(role: string): boolean {
  const known = [...Object.values(OPENREPLAY_ROLES), LOGROCKET_USER_FILES].find((r) => r.role === role);
  return known?.access === BrowserAccess.PUBLIC_READ;
}

/** Checks an origin is `scheme://host[:port]` and returns it without a trailing slash. */
export function normalizeOrigin(flag: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OutputsError(`'${flag}' must be an origin like https://replay.example.com (got: ${value}).`);
  }
  if (!/^https?:$/.test(url.protocol) || url.pathname.replace(/\/$/, '') !== '' || url.search || url.hash) {
    throw new OutputsError(`'${flag}' must be an origin like https://replay.example.com, with no path (got: ${value}).`);
  }
  return url.origin;
}

/** The output naming each OpenReplay role's bucket. */
const OPENREPLAY_BUCKET_OUTPUTS: Readonly<Record<OpenReplayRole, OutputName>> = {
  recordings: 'RecordingsBucket',
  assets: 'AssetsBucket',
  sourcemaps: 'SourcemapsBucket',
  spots: 'SpotsBucket',
  records: 'RecordsBucket',
};

/** How each cloud's storage service lists a bucket. */
const CLOUD_SERVICES: Readonly<Record<Cloud, StorageService>> = { aws: 's3', gcp: 'gcs', azure: 'azure' };

/** Bucket and container names of every cloud (S3, GCS with dots, Azure): nothing that could change a URL's host or path. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/;

/** A bucket output, checked to be a bucket name before it goes into a URL. */
function bucketOutput(instance: ReplayInstance, name: OutputName): string {
  const bucket = instance.require(name);
  if (!BUCKET_NAME.test(bucket)) {
    throw new OutputsError(
      `output ${quoted(instance.keyOf(name))}${instance.where()} must be a bucket or container name (lower-case letters, digits, '.', '_' and '-'; got: ${printable(bucket)}). ` +
        `Pass the outputs file as the deploy wrote it (${OUTPUTS_FILE_HOWTO}).`,
    );
  }
  return bucket;
}

/** A URL built from outputs, checked to be plain http(s) before anything is sent to it. */
function checkedUrl(instance: ReplayInstance, name: OutputName, url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.username || parsed.password) {
    throw new OutputsError(
      `output ${quoted(instance.keyOf(name))}${instance.where()} must give an http(s) URL without user name or password (it gives: ${printable(url)}). ` +
        `Pass the outputs file as the deploy wrote it (${OUTPUTS_FILE_HOWTO}).`,
    );
  }
  return url;
}

/** Browser base URL of one bucket of an instance, on the cloud its metadata names. */
function bucketUrl(instance: ReplayInstance, bucket: string, endpoint: string | undefined): string {
  if (endpoint) return `${trimTrailingSlash(endpoint)}/${bucket}/`;
  switch (instance.cloud) {
    case 'aws':
      return checkedUrl(instance, 'Endpoint', s3VirtualHostedFromEndpoint(bucket, instance.require('Endpoint')));
    case 'gcp':
      return gcsPrefix(bucket);
    case 'azure':
      return checkedUrl(instance, 'BlobEndpoint', azurePrefixFromBlobEndpoint(instance.require('BlobEndpoint'), bucket));
  }
}

/** The checks for one construct, from its outputs; product and cloud come from its metadata. */
export function planFromInstance(instance: ReplayInstance, options: PlanOptions): VerifyPlan {
  const probeKey = options.probeKey ?? DEFAULT_PROBE_KEY;
  const targets: VerifyTarget[] = [];
  const signed = (role: string) => (options.signedGet?.[role] ? { signedGetUrl: options.signedGet[role] } : {});
  if (instance.product === 'openreplay') {
    for (const [role, name] of Object.entries(OPENREPLAY_BUCKET_OUTPUTS)) {
      if ((name === 'SpotsBucket' || name === 'RecordsBucket') && !instance.declares(name)) continue;
      const bucket = bucketOutput(instance, name);
      let url = bucketUrl(instance, bucket, options.endpoint);
      // Browsers read assets from assetsOrigin (the bucket, or a CDN in front of it).
      if (role === 'assets' && !options.endpoint) url = checkedUrl(instance, 'AssetsOrigin', `${trimTrailingSlash(instance.require('AssetsOrigin'))}/`);
      targets.push({ role, url, public: isPublicRole(role), probeKey, ...signed(role) });
    }
  } else {
    const role = LOGROCKET_USER_FILES.role;
    const url = options.endpoint
      ? bucketUrl(instance, bucketOutput(instance, 'UserFilesBucket'), options.endpoint)
      : checkedUrl(instance, 'ReplayPrefix', instance.require('ReplayPrefix'));
    targets.push({ role, url, public: isPublicRole(role), probeKey, ...signed(role) });
  }
  const service = options.endpoint ? 's3' : CLOUD_SERVICES[instance.cloud];
  const signedPutRole = instance.product === 'logrocket' ? LOGROCKET_USER_FILES.role : 'sourcemaps';
  return {
    targets,
    origin: options.origin,
    otherOrigin: options.otherOrigin ?? DEFAULT_OTHER_ORIGIN,
    methods: [...PRODUCT_METHODS[instance.product]],
    service,
    ...(options.signedPutUrl ? { signedPut: { role: signedPutRole, url: options.signedPutUrl } } : {}),
  };
}

export interface FlagTarget {
  readonly role: string;
  readonly url: string;
}

/** What `--target` plans take beyond {@link PlanOptions}. */
export interface TargetPlanOptions extends PlanOptions {
  readonly publicRoles?: readonly string[];
  readonly privateRoles?: readonly string[];
  readonly methods?: readonly string[];
  readonly service?: StorageService;
}

/** The checks from `--target role=url` flags (or `--replay-prefix`). */
export function planFromTargets(list: readonly FlagTarget[], options: TargetPlanOptions): VerifyPlan {
  const probeKey = options.probeKey ?? DEFAULT_PROBE_KEY;
  const targets = list.map(({ role, url }) => {
    const isPublic = options.publicRoles?.includes(role) ? true : options.privateRoles?.includes(role) ? false : isPublicRole(role);
    return { role, url, public: isPublic, probeKey, ...(options.signedGet?.[role] ? { signedGetUrl: options.signedGet[role] } : {}) };
  });
  const onlyLogRocket = list.length > 0 && list.every((t) => t.role === LOGROCKET_USER_FILES.role);
  const methods = options.methods ?? (onlyLogRocket ? PRODUCT_METHODS.logrocket : PRODUCT_METHODS.openreplay);
  const putRole = onlyLogRocket ? LOGROCKET_USER_FILES.role : list[0]?.role ?? 'upload';
  return {
    targets,
    origin: options.origin,
    otherOrigin: options.otherOrigin ?? DEFAULT_OTHER_ORIGIN,
    methods: [...methods],
    ...(options.service ? { service: options.service } : {}),
    ...(options.signedPutUrl ? { signedPut: { role: putRole, url: options.signedPutUrl } } : {}),
  };
}
