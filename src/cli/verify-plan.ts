import type { ReplayInstance } from './instance';
import { OutputsError } from './outputs-error';
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

/** Browser base URL of one bucket of an instance, on the cloud its metadata names. */
function bucketUrl(instance: ReplayInstance, bucket: string, endpoint: string | undefined): string {
  if (endpoint) return `${trimTrailingSlash(endpoint)}/${bucket}/`;
  switch (instance.cloud) {
    case 'aws':
      return s3VirtualHostedFromEndpoint(bucket, instance.require('Endpoint'));
    case 'gcp':
      return gcsPrefix(bucket);
    case 'azure':
      return azurePrefixFromBlobEndpoint(instance.require('BlobEndpoint'), bucket);
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
      const bucket = instance.require(name);
      let url = bucketUrl(instance, bucket, options.endpoint);
      // Browsers read assets from assetsOrigin (the bucket, or a CDN in front of it).
      if (role === 'assets' && !options.endpoint) url = `${trimTrailingSlash(instance.require('AssetsOrigin'))}/`;
      targets.push({ role, url, public: isPublicRole(role), probeKey, ...signed(role) });
    }
  } else {
    const role = LOGROCKET_USER_FILES.role;
    const url = options.endpoint ? bucketUrl(instance, instance.require('UserFilesBucket'), options.endpoint) : instance.require('ReplayPrefix');
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
