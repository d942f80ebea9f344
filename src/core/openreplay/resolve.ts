import type { StorageBackend } from '../backends/storage-backend';
import { type CorsModel, DEFAULT_CORS_MAX_AGE_SECONDS, allowsAnyOrigin, openReplayCors, withExplicitPreflight } from '../cors';
import { Problems } from '../errors';
import {
  ABORT_INCOMPLETE_UPLOAD_DAYS,
  DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS,
  MAX_DAYS,
  type LifecycleModel,
} from '../lifecycle';
import {
  DEFAULT_DELETION_TAG_DAYS,
  DEFAULT_OPENREPLAY_NAMESPACE,
  DEFAULT_OPENREPLAY_SECRET_NAME,
  OPENREPLAY_DELETE_TAG_KEY,
  OPENREPLAY_EXAMPLE_ORIGIN,
} from './defaults';
import type { OutputStyle } from '../outputs/contract';
import { resolveOutputPrefix } from '../outputs/output-prefix';
import { BrowserAccess, type BucketRoleProfile, OPENREPLAY_ROLES, type OpenReplayRole, openReplayRoles } from '../roles';
import { isUnresolved } from '../tokens';
import type { OpenReplayStorageOptions } from './options';
import { validateCorsOriginCount, validateCorsOrigins } from '../validation/cors-origin';
import { validateKubernetesNamespace, validateKubernetesObjectName } from '../validation/kubernetes-names';
import { refuseToken } from '../validation/literal';
import { validateWholeNumber } from '../validation/numbers';
import { validateUniqueNames } from '../validation/unique-names';
import { type ReplayWarning, WARNING_IDS, anyOriginWarning } from '../warnings';

/** Where and how a construct resolves its props. */
export interface ResolveContext {
  readonly backend: StorageBackend;
  readonly outputStyle: OutputStyle;
  /** The construct's id (output prefix default) and path (error). */
  readonly constructId: string;
  readonly constructPath: string;
  /** Checks of the cloud's own options, run into the same error. */
  readonly cloudChecks?: (problems: Problems) => void;
  /**
   * The cloud serves the public role through a CDN with its own origin
   * identity (AWS CloudFront with origin access control): the bucket then
   * stays private.
   */
  readonly publicRoleBehindCdn?: boolean;
}

/** One bucket (container on Azure) with every decision made. */
export interface OpenReplayBucket {
  readonly role: OpenReplayRole;
  readonly profile: BucketRoleProfile;
  /** The prop that names it, for messages. */
  readonly prop: string;
  /** Its name; undefined when the toolkit generates one (S3 only). */
  readonly name?: string;
  /** Its CORS rule (per bucket where the store allows it). */
  readonly cors: CorsModel;
  /** How browsers reach the bucket itself (private when a CDN serves the public role). */
  readonly access: BrowserAccess;
  /** Whether a CDN in front of the bucket serves browsers. */
  readonly behindCdn: boolean;
  readonly versioned: boolean;
  readonly lifecycle: LifecycleModel;
}

/** OpenReplay's storage, resolved once for one backend. */
export interface OpenReplayModel {
  readonly product: 'openreplay';
  readonly backend: StorageBackend;
  readonly buckets: readonly OpenReplayBucket[];
  /** The CORS rule for a store with one rule for all buckets (Azure): every method any bucket needs. */
  readonly cors: CorsModel;
  /** `SCH_DELETE_DAYS`, also the tag value the lifecycle matches. */
  readonly deletionTagDays: number;
  readonly recordingsExpirationDays?: number;
  readonly versioned: boolean;
  readonly noncurrentVersionExpirationDays: number;
  readonly kubernetesSecret: { readonly name: string; readonly namespace: string };
  /** The dashboard URL when exactly one concrete origin is given (legacy chalice `SITE_URL`). */
  readonly siteUrl?: string;
  readonly outputStyle: OutputStyle;
  readonly outputPrefix: string;
  readonly warnings: readonly ReplayWarning[];
}

/**
 * Validates every OpenReplay prop for one backend and makes every product
 * decision (names, CORS, lifecycle, secret, outputs prefix). All problems
 * come out as one error naming the construct.
 */
export function resolveOpenReplay(props: OpenReplayStorageOptions, ctx: ResolveContext): OpenReplayModel {
  const { backend } = ctx;
  const problems = new Problems();
  const warnings: ReplayWarning[] = [];

  const spots = props.spots ?? backend.spotsBroken === undefined;
  const records = props.records ?? false;
  const given: Partial<Record<string, string>> = { ...(props.bucketNames ?? {}) };
  const origins = props.dashboardOrigins ?? ['*'];
  const maxAge = props.corsMaxAgeSeconds ?? DEFAULT_CORS_MAX_AGE_SECONDS;
  const deletionTagDays = props.deletionTagDays ?? DEFAULT_DELETION_TAG_DAYS;
  const versioned = props.versioned ?? false;
  const noncurrentDays = props.noncurrentVersionExpirationDays ?? DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS;
  const secretName = props.kubernetesSecretName ?? DEFAULT_OPENREPLAY_SECRET_NAME;
  const namespace = props.kubernetesNamespace ?? DEFAULT_OPENREPLAY_NAMESPACE;

  if (!spots && given.spots !== undefined) {
    problems.add('bucketNames.spots', "unset while 'spots' is false", given.spots, "Remove 'bucketNames.spots', or set 'spots: true'.");
  }
  if (!records && given.records !== undefined) {
    problems.add('bucketNames.records', "unset while 'records' is false", given.records, "Remove 'bucketNames.records', or set 'records: true'.");
  }
  if (spots && backend.spotsBroken !== undefined) {
    warnings.push({ id: WARNING_IDS.spotsUnsupported, message: `'spots' is on, but Spot recordings do not work on ${backend.kind}: ${backend.spotsBroken}. Set 'spots: false' unless your build fixes it.` });
  }
  for (const key of Object.keys(given)) {
    if (!(key in OPENREPLAY_ROLES)) problems.add(`bucketNames.${key}`, `one of ${Object.keys(OPENREPLAY_ROLES).join(', ')}`, key, 'Remove it.');
  }

  const names: Partial<Record<OpenReplayRole, string>> = {};
  const props_: Partial<Record<OpenReplayRole, string>> = {};
  for (const profile of openReplayRoles(spots, records)) {
    const role = profile.role as OpenReplayRole;
    let name = given[role];
    let prop = `bucketNames.${role}`;
    if (name === undefined && props.bucketNamePrefix !== undefined) {
      name = `${props.bucketNamePrefix}-${role}`;
      prop = 'bucketNamePrefix';
    }
    if (name === undefined && backend.unsetName === 'chart-default') name = profile.chartDefaultName;
    if (name === undefined && backend.unsetName === 'required') {
      problems.add(
        'bucketNamePrefix',
        `set when 'bucketNames.${role}' is not given, because ${backend.kind === 'gcs' ? 'Cloud Storage' : 'these'} bucket names are global and required`,
        props.bucketNamePrefix,
        "Set 'bucketNamePrefix' (buckets become '<prefix>-recordings', '<prefix>-assets', ...) or name every bucket in 'bucketNames'.",
      );
      continue;
    }
    names[role] = name;
    props_[role] = prop;
    problems.check(() => backend.validateBucketName(prop, name));
    const warning = backend.bucketNameWarning(prop, name);
    if (warning) warnings.push(warning);
  }
  problems.check(() => validateUniqueNames('bucketNames', { ...names }));

  const corsFor = (browserUploads: boolean) => {
    const rule = openReplayCors(origins, maxAge, browserUploads);
    return backend.corsListsPreflight ? withExplicitPreflight(rule) : rule;
  };
  const cors = corsFor(records);
  problems.check(() => validateCorsOrigins('dashboardOrigins', origins));
  problems.check(() => validateCorsOriginCount('dashboardOrigins', origins, backend.maxCorsOrigins));
  if (allowsAnyOrigin(cors)) warnings.push(anyOriginWarning(OPENREPLAY_EXAMPLE_ORIGIN));
  problems.check(() => validateWholeNumber('corsMaxAgeSeconds', maxAge, 0, 86_400));
  problems.check(() =>
    validateWholeNumber('deletionTagDays', deletionTagDays, 1, MAX_DAYS, `Use the backend's SCH_DELETE_DAYS (${DEFAULT_DELETION_TAG_DAYS} unless changed).`),
  );
  problems.check(() => validateWholeNumber('recordingsExpirationDays', props.recordingsExpirationDays, 1, MAX_DAYS));
  problems.check(() => validateWholeNumber('noncurrentVersionExpirationDays', noncurrentDays, 1, MAX_DAYS));
  problems.check(() => refuseToken('kubernetesSecretName', secretName, 'the CreateSecretCommand shell line and the Helm values'));
  problems.check(() => refuseToken('kubernetesNamespace', namespace, 'the CreateSecretCommand shell line'));
  problems.check(() => validateKubernetesObjectName('kubernetesSecretName', secretName));
  problems.check(() => validateKubernetesNamespace('kubernetesNamespace', namespace));
  let outputPrefix = '';
  problems.check(() => {
    outputPrefix = resolveOutputPrefix(ctx.outputStyle, ctx.constructId, props.outputPrefix);
  });
  ctx.cloudChecks?.(problems);
  problems.throwIfAny(ctx.constructPath, `OpenReplayStorage (${backend.cloud})`);

  const buckets: OpenReplayBucket[] = openReplayRoles(spots, records).map((profile) => {
    const role = profile.role as OpenReplayRole;
    const keepsVersions = versioned && profile.holdsRecordings;
    return {
      role,
      profile,
      prop: props_[role]!,
      name: names[role],
      cors: backend.corsPerBucket ? corsFor(profile.browserUploads ?? false) : cors,
      access: profile.access === BrowserAccess.PUBLIC_READ && ctx.publicRoleBehindCdn ? BrowserAccess.PRESIGNED : profile.access,
      behindCdn: profile.access === BrowserAccess.PUBLIC_READ && (ctx.publicRoleBehindCdn ?? false),
      versioned: keepsVersions,
      lifecycle: {
        tagExpiry: backend.hasObjectTags ? { key: OPENREPLAY_DELETE_TAG_KEY, value: String(deletionTagDays), days: deletionTagDays } : undefined,
        expirationDays: profile.holdsRecordings ? props.recordingsExpirationDays : undefined,
        noncurrentVersionExpirationDays: keepsVersions ? noncurrentDays : undefined,
        abortIncompleteUploadDays: backend.abortsIncompleteUploads ? ABORT_INCOMPLETE_UPLOAD_DAYS : undefined,
      },
    };
  });

  return {
    product: 'openreplay',
    backend,
    buckets,
    cors,
    deletionTagDays,
    recordingsExpirationDays: props.recordingsExpirationDays,
    versioned,
    noncurrentVersionExpirationDays: noncurrentDays,
    kubernetesSecret: { name: secretName, namespace },
    siteUrl: origins.length === 1 && origins[0] !== '*' && !isUnresolved(origins[0]) ? origins[0] : undefined,
    outputStyle: ctx.outputStyle,
    outputPrefix,
    warnings,
  };
}
