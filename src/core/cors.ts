import { isUnresolved } from './tokens';

/** HTTP methods a CORS rule can allow. */
export type CorsMethod = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS';

/**
 * One cloud-neutral CORS rule. Each adapter maps it: S3 `CorsRule`,
 * GCS `cors` block, Azure Blob service `cors_rule`.
 */
export interface CorsModel {
  readonly allowedOrigins: string[];
  readonly allowedMethods: CorsMethod[];
  readonly allowedHeaders: string[];
  readonly exposedHeaders: string[];
  readonly maxAgeSeconds: number;
}

/** Default preflight cache: one hour. */
export const DEFAULT_CORS_MAX_AGE_SECONDS = 3600;

/** Headers the player may read from responses (range reads, caching). */
const EXPOSED_HEADERS = ['ETag', 'Content-Length', 'Content-Type', 'Content-Range'];

/**
 * OpenReplay: the player `fetch()`es recordings and loads fonts from assets,
 * so every bucket allows GET with any request header.
 */
export function openReplayCors(origins: string[], maxAgeSeconds = DEFAULT_CORS_MAX_AGE_SECONDS, browserUploads = false): CorsModel {
  return {
    allowedOrigins: [...origins],
    // The enterprise records bucket takes the browser's presigned PUT.
    allowedMethods: browserUploads ? ['GET', 'PUT'] : ['GET'],
    allowedHeaders: ['*'],
    exposedHeaders: [...EXPOSED_HEADERS],
    maxAgeSeconds,
  };
}

/**
 * LogRocket: the dashboard fetches async-uploaded assets with GET and HEAD;
 * the browser's OPTIONS preflight must succeed too.
 */
export function logRocketCors(origins: string[], maxAgeSeconds = DEFAULT_CORS_MAX_AGE_SECONDS): CorsModel {
  return {
    allowedOrigins: [...origins],
    allowedMethods: ['GET', 'HEAD'],
    allowedHeaders: ['*'],
    exposedHeaders: [...EXPOSED_HEADERS],
    maxAgeSeconds,
  };
}

/**
 * For services whose CORS rules list the preflight method explicitly
 * (Azure Blob): the same rule with OPTIONS added. S3 and GCS answer
 * preflight for any listed method without it.
 */
export function withExplicitPreflight(rule: CorsModel): CorsModel {
  if (rule.allowedMethods.includes('OPTIONS')) return rule;
  return { ...rule, allowedMethods: [...rule.allowedMethods, 'OPTIONS'] };
}

/** Whether the rule lets any origin in (worth a synth warning). */
export function allowsAnyOrigin(rule: CorsModel): boolean {
  return rule.allowedOrigins.some((o) => o === '*' && !isUnresolved(o));
}
