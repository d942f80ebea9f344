import { validateWholeNumber } from '../../../src/core/validation/numbers';
import { CDK_NUMBER_TOKEN, TF_NUMBER_TOKEN, expectViolation } from '../support';

const PROP = 'deleteTaggedAfterDays';
const check = (value: number | undefined) => () => validateWholeNumber(PROP, value, 1, 3650, 'Use days.');

describe('validateWholeNumber', () => {
  it.each([1, 30, 3650, undefined])('accepts %s', (value) => {
    expect(check(value)).not.toThrow();
  });

  it.each([
    [0, '0'],
    [3651, '3651'],
    [-1, '-1'],
    [1.5, '1.5'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
  ])('rejects %s', (value, shown) => {
    expectViolation(check(value), /must be a whole number from 1 to 3650/, PROP, shown);
    expect(check(value)).toThrow('Use days.');
  });

  it.each([
    ['aws-cdk-lib', CDK_NUMBER_TOKEN],
    ['cdktf', TF_NUMBER_TOKEN],
  ])('skips an unresolved %s number', (_toolkit, token) => {
    expect(check(token)).not.toThrow();
  });
});
