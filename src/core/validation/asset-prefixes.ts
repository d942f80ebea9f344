import { fail } from '../errors';
import { isUnresolved } from '../tokens';

/** Whitespace or a control character anywhere in the text. */
const BLANK_OR_CONTROL = /[\s\u0000-\u001f\u007f-\u009f]/;

/**
 * The canonical form of an https URL prefix (what a browser would request),
 * or undefined when it is not a URL. Used to compare prefixes whatever their
 * spelling (`:443`, upper-case host).
 */
export function canonicalPrefix(prefix: string): string | undefined {
  try {
    return new URL(prefix).href;
  } catch {
    return undefined;
  }
}

/**
 * One `cachedAssetPrefixes` entry: a canonical https URL (lower-case scheme
 * and host, no default port, no credentials, query, fragment, whitespace or
 * control characters) that ends with `/`. The replay player joins it with
 * the asset hash, so anything else makes a URL that never loads.
 */
function validateOne(prop: string, prefix: string): void {
  const example = "e.g. 'https://cdn.example.com/logrocket-user-files/'";
  if (BLANK_OR_CONTROL.test(prefix)) fail(prop, 'a list of URLs without whitespace or control characters', JSON.stringify(prefix), 'Remove them.');
  let url: URL | undefined;
  try {
    url = new URL(prefix);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:') fail(prop, 'a list of https:// URLs', prefix, `Write the full browser URL, ${example}.`);
  if (url.username || url.password) fail(prop, 'a list of URLs without credentials', prefix, 'Browsers never send user:password@ in asset URLs; remove it.');
  if (url.search || prefix.includes('?')) fail(prop, 'a list of URLs without a query', prefix, 'The asset hash is appended to the prefix, so a query would end up before it; remove it.');
  if (url.hash || prefix.includes('#')) fail(prop, 'a list of URLs without a fragment', prefix, 'Remove the #...; browsers never send it.');
  if (!prefix.endsWith('/')) fail(prop, "a list of prefixes that end with '/'", prefix, `Write '${prefix}/': the prefix is the full path before the asset hash.`);
  if (url.href !== prefix) {
    fail(prop, 'a list of canonical URLs (lower-case scheme and host, no default port)', prefix, `Write '${url.href}'.`);
  }
}

/**
 * `cachedAssetPrefixes` lists only additional browser URLs the chart cannot
 * derive: each a canonical https URL, the full path before the asset hash,
 * ending with `/`, never the primary derived prefix (compared after
 * normalising both), never twice.
 */
export function validateCachedAssetPrefixes(prop: string, prefixes: readonly string[] | undefined, primaryPrefix: string | undefined): void {
  if (prefixes === undefined) return;
  const primary = primaryPrefix === undefined || isUnresolved(primaryPrefix) ? undefined : canonicalPrefix(primaryPrefix);
  const seen = new Set<string>();
  for (const prefix of prefixes) {
    if (isUnresolved(prefix)) continue;
    validateOne(prop, prefix);
    const canonical = canonicalPrefix(prefix)!;
    if (primary !== undefined && canonical === primary) {
      fail(prop, 'a list of additional prefixes only, never the primary derived prefix', prefix, 'Remove it: the chart derives the primary prefix itself.');
    }
    if (seen.has(canonical)) fail(prop, 'a list without duplicates', prefix, 'List each prefix once.');
    seen.add(canonical);
  }
}
