import { validateCachedAssetPrefixes } from '../../../src/core/validation/asset-prefixes';
import { STRING_TOKENS, expectViolation } from '../support';

const PROP = 'cachedAssetPrefixes';
const PRIMARY = 'https://acme-user-files.s3.eu-central-1.amazonaws.com/';
const check = (prefixes: string[] | undefined, primary = PRIMARY) => () => validateCachedAssetPrefixes(PROP, prefixes, primary);

describe('validateCachedAssetPrefixes', () => {
  it.each([
    [undefined],
    [[]],
    [['https://cdn.example.com/logrocket-user-files/']],
    [['https://cdn.example.com/u/', 'https://storage.googleapis.com/legacy-user-files/']],
  ])('accepts %j', (prefixes) => {
    expect(check(prefixes)).not.toThrow();
  });

  it.each(['http://cdn.example.com/u/', 'cdn.example.com/u/', 's3://acme-user-files/'])('rejects %s, which is not https', (prefix) => {
    expectViolation(check([prefix]), /must be a list of https:\/\/ URLs/, PROP, prefix);
  });

  test('rejects a prefix without the trailing slash, and the fix shows the corrected prefix', () => {
    const prefix = 'https://cdn.example.com/u';
    expectViolation(check([prefix]), /must be a list of prefixes that end with '\/'/, PROP, prefix);
    expect(check([prefix])).toThrow("Write 'https://cdn.example.com/u/'");
  });

  test('rejects the primary derived prefix', () => {
    expectViolation(check([PRIMARY]), /must be a list of additional prefixes only, never the primary derived prefix/, PROP, PRIMARY);
  });

  test('rejects a duplicate', () => {
    const prefix = 'https://cdn.example.com/u/';
    expectViolation(check([prefix, 'https://cdn2.example.com/u/', prefix]), /must be a list without duplicates/, PROP, prefix);
  });

  it.each(STRING_TOKENS)('skips unresolved %s prefixes, even repeated', (_toolkit, token) => {
    expect(check([token, token])).not.toThrow();
  });

  it.each(STRING_TOKENS)('skips the primary check when the primary prefix is an unresolved %s value', (_toolkit, token) => {
    const primary = `https://${token}.s3.eu-central-1.amazonaws.com/`;
    expect(check([primary], primary)).not.toThrow();
  });
});

describe('cachedAssetPrefixes are canonical https URLs', () => {
  it.each([
    ['https://user:pw@cdn.example.com/u/', /must be a list of URLs without credentials/],
    ['https://cdn.example.com/u/?v=1', /must be a list of URLs without a query/],
    ['https://cdn.example.com/u/?', /must be a list of URLs without a query/],
    ['https://cdn.example.com/u/#x', /must be a list of URLs without a fragment/],
    ['https://cdn.example.com/u /', /must be a list of URLs without whitespace or control characters/],
    ['https://cdn.example.com/u/\n', /must be a list of URLs without whitespace or control characters/],
    ['HTTPS://cdn.example.com/u/', /must be a list of canonical URLs .* Write 'https:\/\/cdn\.example\.com\/u\/'/],
    ['https://CDN.example.com/u/', /must be a list of canonical URLs .* Write 'https:\/\/cdn\.example\.com\/u\/'/],
    ['https://cdn.example.com:443/u/', /must be a list of canonical URLs .* Write 'https:\/\/cdn\.example\.com\/u\/'/],
  ])('rejects %j', (prefix, message) => {
    expect(check([prefix])).toThrow(message);
  });

  it.each(['https://acme-user-files.s3.eu-central-1.amazonaws.com:443/', 'https://ACME-USER-FILES.s3.eu-central-1.amazonaws.com/'])(
    'the primary prefix spelled %s is still refused (compared after normalising)',
    (prefix) => {
      expect(check([prefix])).toThrow(/never the primary derived prefix|canonical URLs/);
    },
  );

  test('a non-default port is kept: it is another origin', () => {
    expect(check(['https://cdn.example.com:8443/u/'])).not.toThrow();
  });
});
