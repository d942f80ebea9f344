import { validateCorsOrigins } from '../../../src/core/validation/cors-origin';
import { STRING_TOKENS, expectViolation } from '../support';

const PROP = 'dashboardOrigins';
const check = (origins: string[] | undefined) => () => validateCorsOrigins(PROP, origins);

describe('validateCorsOrigins', () => {
  it.each([
    [['*']],
    [['https://replay.example.com']],
    [['https://replay.example.com:8443', 'http://localhost:3000']],
    [['http://[::1]:3000']],
    [undefined],
  ])('accepts %j', (origins) => {
    expect(check(origins)).not.toThrow();
  });

  test('rejects an empty list', () => {
    expectViolation(check([]), /must be a non-empty list/, PROP, '[]');
  });

  it.each(['replay.example.com', '*.example.com'])('rejects %s, which is not a URL', (origin) => {
    expectViolation(check([origin]), /must be a list of origins like https:\/\/host\[:port\]/, PROP, origin);
  });

  it.each(['ftp://replay.example.com', 'ws://replay.example.com'])('rejects the scheme of %s', (origin) => {
    expectViolation(check(['https://ok.example.com', origin]), /must be a list of http\(s\) origins/, PROP, origin);
  });

  it.each(['https://*.example.com', 'https://replay-*.example.com'])('rejects the partial wildcard %s', (origin) => {
    expectViolation(check([origin]), /must be a list of exact origins or '\*' \(no partial wildcards\)/, PROP, origin);
  });

  it.each([
    ['a path', 'https://replay.example.com/dashboard'],
    ['a trailing slash', 'https://replay.example.com/'],
    ['a query', 'https://replay.example.com?x=1'],
  ])('rejects an origin with %s', (_case, origin) => {
    expectViolation(check([origin]), /must be a list of bare origins \(scheme:\/\/host\[:port\] only\)/, PROP, origin);
  });

  it.each(STRING_TOKENS)('skips an unresolved %s origin', (_toolkit, token) => {
    expect(check([token])).not.toThrow();
    expect(check([`https://${token}/path`])).not.toThrow();
  });

  test('skips a list token element', () => {
    expect(check(['#{Token[TOKEN.3]}'])).not.toThrow();
  });
});
