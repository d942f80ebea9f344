/** The URLs `verify` requests, built from a bucket's base URL. */
import type { StorageService } from './verify-types';

/** `.../bucket/` + `key`, each key segment encoded. */
export function objectUrl(base: string, key: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return root + key.split('/').map(encodeURIComponent).join('/');
}

/** Detects the listing flavour from a URL's host. */
export function detectService(url: string): StorageService {
  const host = new URL(url).hostname;
  if (/\.blob\./.test(host)) return 'azure';
  if (host === 'storage.googleapis.com' || host.endsWith('.storage.googleapis.com')) return 'gcs';
  return 's3';
}

/** The anonymous list request of a bucket or container. */
export function listUrl(base: string, service: StorageService): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (service === 'azure') return `${root.replace(/\/$/, '')}?restype=container&comp=list`;
  return root;
}

/** The signed URL with its signature changed, or undefined when it has none. */
export function tamperSignature(url: string): string | undefined {
  const m = /([?&](?:X-Amz-Signature|X-Goog-Signature|Signature|sig)=)([^&])/i.exec(url);
  if (!m) return undefined;
  const replacement = m[2] === 'A' ? 'B' : 'A';
  return url.slice(0, m.index) + m[1] + replacement + url.slice(m.index + m[0].length);
}

/** A signed URL without its query (signature, credential, SAS token), for reports. */
export function redactSigned(url: string): string {
  return url.replace(/\?.*$/s, '?…');
}
