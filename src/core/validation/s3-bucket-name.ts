import { fail } from '../errors';
import { isUnresolved } from '../tokens';

const FORBIDDEN_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const FORBIDDEN_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * S3 general purpose bucket naming rules.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
export function validateS3BucketName(prop: string, name: string | undefined): void {
  if (name === undefined || isUnresolved(name)) return;
  const fix = 'Pick a name of 3-63 lowercase letters, digits, dots and hyphens that starts and ends with a letter or digit.';
  if (name.length < 3 || name.length > 63) fail(prop, 'between 3 and 63 characters long', name, fix);
  if (!/^[a-z0-9.-]+$/.test(name)) fail(prop, 'made of lowercase letters, digits, dots and hyphens only', name, fix);
  if (!/^[a-z0-9].*[a-z0-9]$/.test(name)) fail(prop, 'a name that starts and ends with a letter or digit', name, fix);
  if (name.includes('..')) fail(prop, 'free of two adjacent dots', name, fix);
  if (IPV4.test(name)) fail(prop, 'a name that is not formatted as an IP address', name, fix);
  const prefix = FORBIDDEN_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) fail(prop, `a name that does not start with the reserved prefix '${prefix}'`, name, fix);
  const suffix = FORBIDDEN_SUFFIXES.find((s) => name.endsWith(s));
  if (suffix) fail(prop, `a name that does not end with the reserved suffix '${suffix}'`, name, fix);
}

/**
 * A dotted bucket name breaks TLS on the virtual-hosted URL
 * (`*.s3.<region>.amazonaws.com` does not match `a.b.s3...`).
 */
export function s3DottedNameWarning(prop: string, name: string | undefined): string | undefined {
  if (name === undefined || isUnresolved(name) || !name.includes('.')) return undefined;
  return `'${prop}' (${name}) contains dots: browsers reject the TLS certificate of its virtual-hosted URL. Prefer a name without dots.`;
}
