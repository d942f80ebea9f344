import { validateGcsBucketName } from '../../../src/core/validation/gcs-bucket-name';
import { STRING_TOKENS, expectViolation } from '../support';

const PROP = 'bucketNames.assets';
const check = (name: string | undefined) => () => validateGcsBucketName(PROP, name);

/** A dotted name whose parts are each 60 characters. */
const dotted = (parts: number) => Array.from({ length: parts }, () => 'a'.repeat(60)).join('.');

describe('validateGcsBucketName', () => {
  it.each(['abc', 'acme_replay-assets', 'a'.repeat(63), 'assets.example.com', `${'a'.repeat(63)}.${'b'.repeat(63)}`, dotted(3)])(
    'accepts %s',
    (name) => {
      expect(check(name)).not.toThrow();
    },
  );

  test('accepts undefined (derived name)', () => {
    expect(check(undefined)).not.toThrow();
  });

  it.each(['Acme-Assets', 'acme assets', 'acme~assets'])('rejects the characters of %s', (name) => {
    expectViolation(check(name), /must be made of lowercase letters, digits, hyphens, underscores and dots only/, PROP, name);
  });

  it.each(['-acme', 'acme_', '.acme', 'acme-'])('rejects %s for how it starts or ends', (name) => {
    expectViolation(check(name), /must be a name that starts and ends with a letter or digit/, PROP, name);
  });

  test('rejects a dotted name over 222 characters', () => {
    const name = dotted(4);
    expect(name.length).toBeGreaterThan(222);
    expectViolation(check(name), /must be between 3 and 222 characters long when it contains dots/, PROP, name);
  });

  test('rejects a dotted name with a part over 63 characters', () => {
    const name = `${'a'.repeat(64)}.example.com`;
    expectViolation(check(name), /must be made of dot-separated parts of at most 63 characters each/, PROP, name);
  });

  it.each(['ab', 'a'.repeat(64)])('rejects the length of the plain name %s', (name) => {
    expectViolation(check(name), /must be between 3 and 63 characters long \(up to 222 only with dots\)/, PROP, name);
  });

  test('rejects an IP address', () => {
    expectViolation(check('10.0.0.1'), /must be a name that is not formatted as an IP address/, PROP, '10.0.0.1');
  });

  it.each(['goog-assets', 'googassets', 'google-assets'])('rejects the goog prefix in %s', (name) => {
    expectViolation(check(name), /must be a name that does not start with 'goog' \(reserved by Google\)/, PROP, name);
  });

  it.each(['acme-google-assets', 'acme-g00gle', 'acme-go0gle', 'my-goog1e-assets'])('rejects google or a close misspelling in %s', (name) => {
    expectViolation(check(name), /must be a name that does not contain 'google' or a close misspelling \(reserved by Google\)/, PROP, name);
  });

  it.each(STRING_TOKENS)('skips an unresolved %s name', (_toolkit, token) => {
    expect(check(token)).not.toThrow();
    expect(check(`goog-${token}`)).not.toThrow();
  });
});
