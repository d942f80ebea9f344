import { validateAzureContainerName, validateAzureStorageAccountName } from '../../../src/core/validation/azure-names';
import { STRING_TOKENS, expectViolation } from '../support';

describe('validateAzureStorageAccountName', () => {
  const PROP = 'storageAccountName';
  const check = (name: string | undefined) => () => validateAzureStorageAccountName(PROP, name);

  it.each(['abc', 'acmereplay01', 'a'.repeat(24)])('accepts %s', (name) => {
    expect(check(name)).not.toThrow();
  });

  test('accepts undefined (derived name)', () => {
    expect(check(undefined)).not.toThrow();
  });

  it.each(['ab', 'a'.repeat(25)])('rejects the length of %s', (name) => {
    expectViolation(check(name), /must be between 3 and 24 characters long/, PROP, name);
  });

  it.each(['acme-replay', 'AcmeReplay', 'acme_replay'])('rejects the characters of %s', (name) => {
    expectViolation(check(name), /must be made of lowercase letters and digits only/, PROP, name);
  });

  it.each(STRING_TOKENS)('skips an unresolved %s name', (_toolkit, token) => {
    expect(check(token)).not.toThrow();
  });
});

describe('validateAzureContainerName', () => {
  const PROP = 'userFilesContainer';
  const check = (name: string | undefined) => () => validateAzureContainerName(PROP, name);

  it.each(['abc', 'user-files', 'a1-b2-c3', 'a'.repeat(63)])('accepts %s', (name) => {
    expect(check(name)).not.toThrow();
  });

  test('accepts undefined (derived name)', () => {
    expect(check(undefined)).not.toThrow();
  });

  it.each(['ab', 'a'.repeat(64)])('rejects the length of %s', (name) => {
    expectViolation(check(name), /must be between 3 and 63 characters long/, PROP, name);
  });

  it.each(['User-Files', 'user_files', 'user.files'])('rejects the characters of %s', (name) => {
    expectViolation(check(name), /must be made of lowercase letters, digits and hyphens only/, PROP, name);
  });

  it.each(['-userfiles', 'userfiles-'])('rejects %s for how it starts or ends', (name) => {
    expectViolation(check(name), /must be a name that starts and ends with a letter or digit/, PROP, name);
  });

  test('rejects consecutive hyphens', () => {
    expectViolation(check('user--files'), /must be free of consecutive hyphens/, PROP, 'user--files');
  });

  it.each(STRING_TOKENS)('skips an unresolved %s name', (_toolkit, token) => {
    expect(check(token)).not.toThrow();
  });
});
