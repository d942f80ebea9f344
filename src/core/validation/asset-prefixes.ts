import { fail } from '../errors';
import { isUnresolved } from '../tokens';

/**
 * `cachedAssetPrefixes` lists only additional browser URLs the chart cannot
 * derive: each https, the full path before the asset hash, ending with `/`,
 * never the primary derived prefix.
 */
export function validateCachedAssetPrefixes(prop: string, prefixes: readonly string[] | undefined, primaryPrefix: string): void {
  if (prefixes === undefined) return;
  const seen = new Set<string>();
  for (const prefix of prefixes) {
    if (isUnresolved(prefix)) continue;
    let url: URL | undefined;
    try {
      url = new URL(prefix);
    } catch {
      url = undefined;
    }
    if (!url || url.protocol !== 'https:') {
      fail(prop, 'a list of https:// URLs', prefix, "Write the full browser URL, e.g. 'https://cdn.example.com/logrocket-user-files/'.");
    }
    if (!prefix.endsWith('/')) {
      fail(prop, "a list of prefixes that end with '/'", prefix, `Write '${prefix}/': the prefix is the full path before the asset hash.`);
    }
    if (!isUnresolved(primaryPrefix) && prefix === primaryPrefix) {
      fail(prop, 'a list of additional prefixes only, never the primary derived prefix', prefix, 'Remove it: the chart derives the primary prefix itself.');
    }
    if (seen.has(prefix)) fail(prop, 'a list without duplicates', prefix, 'List each prefix once.');
    seen.add(prefix);
  }
}
