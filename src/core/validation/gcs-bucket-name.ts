import { fail } from '../errors';
import { isUnresolved } from '../tokens';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
/** "google" and close misspellings (0 for o) are reserved anywhere in a name. */
const GOOGLE_LIKE = /g[o0][o0]g(?:le|[l1]e)/;

/**
 * Cloud Storage bucket naming rules.
 * @see https://cloud.google.com/storage/docs/buckets#naming
 */
export function validateGcsBucketName(prop: string, name: string | undefined): void {
  if (name === undefined || isUnresolved(name)) return;
  const fix = 'Pick a name of lowercase letters, digits, hyphens, underscores and dots that starts and ends with a letter or digit.';
  if (!/^[a-z0-9._-]+$/.test(name)) fail(prop, 'made of lowercase letters, digits, hyphens, underscores and dots only', name, fix);
  if (!/^[a-z0-9].*[a-z0-9]$/.test(name)) fail(prop, 'a name that starts and ends with a letter or digit', name, fix);
  if (name.includes('.')) {
    if (name.length < 3 || name.length > 222) fail(prop, 'between 3 and 222 characters long when it contains dots', name, fix);
    const long = name.split('.').find((part) => part.length > 63);
    if (long) fail(prop, 'made of dot-separated parts of at most 63 characters each', name, fix);
  } else if (name.length < 3 || name.length > 63) {
    fail(prop, 'between 3 and 63 characters long (up to 222 only with dots)', name, fix);
  }
  if (IPV4.test(name)) fail(prop, 'a name that is not formatted as an IP address', name, fix);
  if (name.startsWith('goog')) fail(prop, "a name that does not start with 'goog' (reserved by Google)", name, fix);
  if (GOOGLE_LIKE.test(name)) fail(prop, "a name that does not contain 'google' or a close misspelling (reserved by Google)", name, fix);
}
