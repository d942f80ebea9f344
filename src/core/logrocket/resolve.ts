import type { StorageBackend } from '../backends/storage-backend';
import { type CorsModel, DEFAULT_CORS_MAX_AGE_SECONDS, allowsAnyOrigin, logRocketCors, withExplicitPreflight } from '../cors';
import { Problems } from '../errors';
import { DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS, MAX_DAYS, type LifecycleModel } from '../lifecycle';
import type { ResolveContext } from '../openreplay/resolve';
import { resolveOutputPrefix } from '../outputs/output-prefix';
import { LOGROCKET_USER_FILES } from '../roles';
import { LOGROCKET_EXAMPLE_ORIGIN } from './defaults';
import type { LogRocketStorageOptions } from './options';
import { validateCachedAssetPrefixes } from '../validation/asset-prefixes';
import { validateCorsOriginCount, validateCorsOrigins } from '../validation/cors-origin';
import { refuseToken } from '../validation/literal';
import { validateWholeNumber } from '../validation/numbers';
import { validateWriteRestriction, type WriteRestrictionModel } from '../validation/write-restriction';
import { type ReplayWarning, WARNING_IDS, anyOriginWarning } from '../warnings';

/** What only the cloud knows at resolve time. */
export interface LogRocketResolveContext extends ResolveContext {
  /**
   * The primary replay prefix the chart derives for this bucket name on this
   * cloud, with any warning; no prefix when it is only known at deploy.
   */
  readonly primaryPrefix: (bucketName: string) => PrimaryPrefix;
  /** A network write restriction the cloud's props ask for (AWS `restrictWritesTo`). */
  readonly writeRestriction?: { readonly prop: string; readonly value?: WriteRestrictionModel };
}

/** The derived primary prefix as far as it is known at synth. */
export interface PrimaryPrefix {
  readonly prefix?: string;
  readonly warnings: readonly string[];
}

/** LogRocket's storage, resolved once for one backend. */
export interface LogRocketModel {
  readonly product: 'logrocket';
  readonly backend: StorageBackend;
  readonly userFilesBucketName: string;
  readonly cors: CorsModel;
  readonly versioned: boolean;
  readonly lifecycle: LifecycleModel;
  /** The derived primary prefix, ending with `/`, when known at synth. */
  readonly replayPrefix?: string;
  readonly cachedAssetPrefixes: readonly string[];
  readonly backendIngest: boolean;
  readonly asyncMobileUpload: boolean;
  readonly outputStyle: ResolveContext['outputStyle'];
  readonly outputPrefix: string;
  readonly warnings: readonly ReplayWarning[];
}

/**
 * Validates every LogRocket prop for one backend and makes every product
 * decision. All problems come out as one error naming the construct.
 */
export function resolveLogRocket(props: LogRocketStorageOptions, ctx: LogRocketResolveContext): LogRocketModel {
  const { backend } = ctx;
  const problems = new Problems();
  const warnings: ReplayWarning[] = [];
  const name = props.userFilesBucketName;
  const origins = props.dashboardOrigins ?? [];
  const maxAge = props.corsMaxAgeSeconds ?? DEFAULT_CORS_MAX_AGE_SECONDS;
  const backendIngest = props.backendIngest ?? true;
  const asyncMobileUpload = props.asyncMobileUpload ?? true;
  const versioned = props.versioned ?? false;
  const noncurrentDays = props.noncurrentVersionExpirationDays ?? DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS;
  const cached = props.cachedAssetPrefixes ?? [];

  if (name === undefined || name === null) {
    problems.add('userFilesBucketName', `a ${backend.bucketNoun} name`, name, "Name the userFiles bucket, e.g. 'acme-logrocket-user-files'.");
  } else {
    problems.check(() => backend.validateBucketName('userFilesBucketName', name));
    const warning = backend.bucketNameWarning('userFilesBucketName', name);
    if (warning) warnings.push(warning);
  }

  const base = logRocketCors(origins, maxAge);
  const cors = backend.corsListsPreflight ? withExplicitPreflight(base) : base;
  problems.check(() => validateCorsOrigins('dashboardOrigins', origins));
  problems.check(() => validateCorsOriginCount('dashboardOrigins', origins, backend.maxCorsOrigins));
  if (allowsAnyOrigin(cors)) warnings.push(anyOriginWarning(LOGROCKET_EXAMPLE_ORIGIN));
  problems.check(() => validateWholeNumber('corsMaxAgeSeconds', maxAge, 0, 86_400));
  problems.check(() => validateWholeNumber('noncurrentVersionExpirationDays', noncurrentDays, 1, MAX_DAYS));

  const derived = ctx.primaryPrefix(name ?? '');
  for (const message of derived.warnings) warnings.push({ id: WARNING_IDS.pathStyleRegion, message });
  for (const p of cached) problems.check(() => refuseToken('cachedAssetPrefixes', p, 'the Helm values'));
  problems.check(() => validateCachedAssetPrefixes('cachedAssetPrefixes', cached, derived.prefix));
  if (!backendIngest && cached.length > 0) {
    warnings.push({
      id: WARNING_IDS.cachedPrefixesWithoutIngest,
      message:
        "'cachedAssetPrefixes' is set while 'backendIngest' is false; the documented rollback removes the custom prefixes too. " +
        "Remove 'cachedAssetPrefixes', or set 'backendIngest: true'.",
    });
  }
  if (ctx.writeRestriction) {
    const { prop, value } = ctx.writeRestriction;
    problems.check(() => validateWriteRestriction(prop, value, asyncMobileUpload));
  }
  let outputPrefix = '';
  problems.check(() => {
    outputPrefix = resolveOutputPrefix(ctx.outputStyle, ctx.constructId, props.outputPrefix);
  });
  ctx.cloudChecks?.(problems);
  problems.throwIfAny(ctx.constructPath, `LogRocketStorage (${backend.cloud})`);

  return {
    product: 'logrocket',
    backend,
    userFilesBucketName: name,
    cors,
    versioned,
    lifecycle: { noncurrentVersionExpirationDays: versioned ? noncurrentDays : undefined },
    replayPrefix: derived.prefix,
    cachedAssetPrefixes: [...cached],
    backendIngest,
    asyncMobileUpload,
    outputStyle: ctx.outputStyle,
    outputPrefix,
    warnings,
  };
}

/** The userFiles role (for adapters that loop over roles). */
export const LOGROCKET_ROLE = LOGROCKET_USER_FILES;
