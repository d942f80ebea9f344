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
