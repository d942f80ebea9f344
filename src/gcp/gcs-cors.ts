import type { StorageBucketCors } from '@cdktf/provider-google/lib/storage-bucket';
import { CorsModel } from '../core/cors';

/**
 * Maps a core CORS rule to a bucket `cors` block.
 *
 * Cloud Storage has one header list per rule, `responseHeader`: the headers
 * it both exposes to the page and accepts in a preflight. It gets the rule's
 * exposed headers plus every named allowed header; a wildcard allowed header
 * has no counterpart there and is left out (the replay player sends no
 * custom request headers). Preflight needs no `OPTIONS` method entry: Cloud
 * Storage answers it for every listed method.
 * @see https://cloud.google.com/storage/docs/cross-origin
 */
export function gcsCors(rule: CorsModel): StorageBucketCors[] {
  const headers = [...rule.exposedHeaders, ...rule.allowedHeaders.filter((h) => h !== '*')];
  return [
    {
      origin: [...rule.allowedOrigins],
      method: [...rule.allowedMethods],
      responseHeader: [...new Set(headers)],
      maxAgeSeconds: rule.maxAgeSeconds,
    },
  ];
}
