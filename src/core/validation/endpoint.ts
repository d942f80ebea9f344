import { fail } from '../errors';
import { isUnresolved } from '../tokens';

/**
 * The S3 endpoint handed to OpenReplay: https, no trailing slash (it yields
 * `//` in asset URLs) and no `minio` anywhere in it (the chart checks the
 * whole value with `contains "minio"` and then points at the in-cluster MinIO).
 */
export function validateS3Endpoint(prop: string, endpoint: string | undefined): void {
  if (endpoint === undefined || isUnresolved(endpoint)) return;
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:') fail(prop, 'an https:// URL', endpoint, "Write it like 'https://s3.eu-central-1.amazonaws.com'.");
  if (endpoint.endsWith('/')) fail(prop, 'an endpoint without a trailing slash', endpoint, `Write '${endpoint.replace(/\/+$/, '')}': a trailing slash yields '//' in asset URLs.`);
  if (endpoint.includes('minio') || url.hostname.includes('minio')) {
    fail(prop, "an endpoint that does not contain 'minio'", endpoint, 'The chart treats such endpoints as its in-cluster MinIO; use a host name and path without it.');
  }
}
