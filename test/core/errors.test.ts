import { Problems, ReplayStorageValidationError, VALIDATION_ERROR_CODE, fail, ruleMessage } from '../../src/core/errors';

describe('ruleMessage', () => {
  test("states '<prop>' must be <rule> (got: <value>). <fix>", () => {
    expect(ruleMessage('bucketNames.assets', 'lowercase', 'My_Bucket', 'Use lowercase.')).toBe(
      "'bucketNames.assets' must be lowercase (got: My_Bucket). Use lowercase.",
    );
  });

  test('ends at the period when there is no fix', () => {
    expect(ruleMessage('p', 'r', 'v')).toBe("'p' must be r (got: v).");
  });

  it.each([
    ['a string as is', 'abc', 'abc'],
    ['a whole number', 7, '7'],
    ['a fraction', 1.5, '1.5'],
    ['NaN', NaN, 'NaN'],
    ['Infinity', Infinity, 'Infinity'],
    ['a list as JSON', ['a', 'b'], '["a","b"]'],
    ['an object as JSON', { sourceIps: ['10.0.0.0/8'] }, '{"sourceIps":["10.0.0.0/8"]}'],
    ['a boolean', false, 'false'],
  ])('shows %s', (_kind, value, shown) => {
    expect(ruleMessage('p', 'r', value)).toBe(`'p' must be r (got: ${shown}).`);
  });
});

describe('fail', () => {
  test('throws a ReplayStorageValidationError carrying the formatted message', () => {
    let caught: unknown;
    try {
      fail('retentionDays', 'a whole number', 1.5, 'Round it.');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ReplayStorageValidationError);
    expect(caught).toBeInstanceOf(Error);
    const error = caught as ReplayStorageValidationError;
    expect(error.name).toBe('ReplayStorageValidationError');
    expect(error.message).toBe(ruleMessage('retentionDays', 'a whole number', 1.5, 'Round it.'));
  });
});

describe('Problems: every problem of a construct in one error', () => {
  test('collects failed checks and added rules, then throws one error with the path and the stable code', () => {
    const problems = new Problems();
    problems.check(() => fail('a', 'r1', 1, 'Fix a.'));
    problems.check(() => undefined);
    problems.add('b', 'r2', 'x');
    let caught: ReplayStorageValidationError | undefined;
    try {
      problems.throwIfAny('Stack/Storage', 'OpenReplayStorage (aws)');
    } catch (e) {
      caught = e as ReplayStorageValidationError;
    }
    expect(caught?.code).toBe(VALIDATION_ERROR_CODE);
    expect(caught?.constructPath).toBe('Stack/Storage');
    expect(caught?.problems).toEqual(["'a' must be r1 (got: 1). Fix a.", "'b' must be r2 (got: x)."]);
    expect(caught?.message).toBe(
      "[ReplayStorage.InvalidProps] OpenReplayStorage (aws) at 'Stack/Storage' has 2 invalid properties:\n  - 'a' must be r1 (got: 1). Fix a.\n  - 'b' must be r2 (got: x).",
    );
  });

  test('other errors are not swallowed', () => {
    expect(() => new Problems().check(() => {
      throw new TypeError('bug');
    })).toThrow(TypeError);
  });

  test('nothing found, nothing thrown', () => {
    expect(() => new Problems().throwIfAny('S/C', 'x')).not.toThrow();
  });
});
