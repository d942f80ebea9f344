import { s3DottedNameWarning, validateS3BucketName } from '../../../src/core/validation/s3-bucket-name';
import { STRING_TOKENS, expectViolation } from '../support';

const PROP = 'bucketNames.recordings';
const check = (name: string | undefined) => () => validateS3BucketName(PROP, name);

describe('validateS3BucketName', () => {
  it.each(['abc', 'acme-replay-recordings', 'a'.repeat(63), 'logs.example.com', '1-2-3', 'sthree', 'bucket-s3alias-x'])('accepts %s', (name) => {
    expect(check(name)).not.toThrow();
  });

  test('accepts undefined (generated name)', () => {
    expect(check(undefined)).not.toThrow();
  });

  it.each(['ab', 'a'.repeat(64)])('rejects the length of %s', (name) => {
    expectViolation(check(name), /must be between 3 and 63 characters long/, PROP, name);
  });

  it.each(['Acme-Replay', 'acme_replay', 'acme replay'])('rejects the characters of %s', (name) => {
    expectViolation(check(name), /must be made of lowercase letters, digits, dots and hyphens only/, PROP, name);
  });

  it.each(['-acme', 'acme-', '.acme', 'acme.'])('rejects %s for how it starts or ends', (name) => {
    expectViolation(check(name), /must be a name that starts and ends with a letter or digit/, PROP, name);
  });

  test('rejects two adjacent dots', () => {
    expectViolation(check('acme..replay'), /must be free of two adjacent dots/, PROP, 'acme..replay');
  });

  test('rejects an IP address', () => {
    expectViolation(check('192.168.5.4'), /must be a name that is not formatted as an IP address/, PROP, '192.168.5.4');
  });

  it.each(['xn--', 'sthree-', 'amzn-s3-demo-'])('rejects the reserved prefix %s', (prefix) => {
    const name = `${prefix}replay`;
    expectViolation(check(name), new RegExp(`must be a name that does not start with the reserved prefix '${prefix}'`), PROP, name);
  });

  it.each(['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'])('rejects the reserved suffix %s', (suffix) => {
    const name = `replay${suffix}`;
    const escaped = suffix.replace(/\./g, '\\.');
    expectViolation(check(name), new RegExp(`must be a name that does not end with the reserved suffix '${escaped}'`), PROP, name);
  });

  it.each(STRING_TOKENS)('skips an unresolved %s name', (_toolkit, token) => {
    expect(check(token)).not.toThrow();
    expect(check(`${token}-Recordings_`)).not.toThrow();
  });
});

describe('s3DottedNameWarning', () => {
  test('warns about a dotted name, naming the property and the name', () => {
    const warning = s3DottedNameWarning(PROP, 'logs.example.com');
    expect(warning).toContain(`'${PROP}'`);
    expect(warning).toContain('logs.example.com');
    expect(warning).toMatch(/TLS/);
  });

  it.each([
    ['a plain name', 'acme-replay'],
    ['undefined', undefined],
    ['an unresolved aws-cdk-lib name', STRING_TOKENS[0][1]],
    ['an unresolved cdktf name', STRING_TOKENS[1][1]],
  ])('says nothing for %s', (_case, name) => {
    expect(s3DottedNameWarning(PROP, name)).toBeUndefined();
  });
});
