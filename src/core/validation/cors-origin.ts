import { fail } from '../errors';
import { isUnresolved } from '../tokens';

/**
 * A CORS origin is `*` or a bare origin: scheme, host and optional port,
 * no path, no trailing slash (browsers send exactly that in `Origin`).
 */
export function validateCorsOrigins(prop: string, origins: readonly string[] | undefined): void {
  if (origins === undefined) return;
  if (origins.length === 0) fail(prop, 'a non-empty list', '[]', "List the dashboard origin, e.g. ['https://replay.example.com'].");
  for (const origin of origins) {
    if (isUnresolved(origin) || origin === '*') continue;
    const fix = "Use the bare origin the browser sends, e.g. 'https://replay.example.com' (no path, no trailing slash), or '*'.";
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return fail(prop, 'a list of origins like https://host[:port]', origin, fix);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(prop, 'a list of http(s) origins', origin, fix);
    if (origin.includes('*')) fail(prop, "a list of exact origins or '*' (no partial wildcards)", origin, fix);
    if (url.origin !== origin) fail(prop, 'a list of bare origins (scheme://host[:port] only)', origin, fix);
  }
}

/** A store that limits the origins of one CORS rule (Azure Blob: 64). */
export function validateCorsOriginCount(prop: string, origins: readonly string[], max: number | undefined): void {
  if (max === undefined || origins.length <= max) return;
  fail(prop, `a list of at most ${max} origins (the storage service's limit per CORS rule)`, `${origins.length} origins`, 'List only the origins that open the replay player.');
}
