import { validateUniqueNames } from '../../../src/core/validation/unique-names';
import { STRING_TOKENS, expectViolation } from '../support';

describe('validateUniqueNames', () => {
  test('accepts distinct names and leaves undefined ones out', () => {
    expect(() => validateUniqueNames('bucketNames', { recordings: 'r1', assets: 'a1', sourcemaps: undefined, spots: undefined })).not.toThrow();
  });

  test('rejects two roles on one bucket, naming both roles and the name', () => {
    const check = () => validateUniqueNames('bucketNames', { recordings: 'shared-bucket', assets: 'other', sourcemaps: 'shared-bucket' });
    expectViolation(check, /must be different from 'bucketNames\.recordings'/, 'bucketNames.sourcemaps', 'shared-bucket');
  });

  it.each(STRING_TOKENS)('skips unresolved %s names, even when equal', (_toolkit, token) => {
    expect(() => validateUniqueNames('bucketNames', { recordings: token, assets: token })).not.toThrow();
  });
});
