import { ReplayStorageValidationError, fail, ruleMessage } from '../../src/core/errors';

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
