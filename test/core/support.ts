import { ReplayStorageValidationError } from '../../src/core/errors';

/**
 * Unresolved values as the two toolkits encode them at synth time
 * (tokens.test.ts checks these shapes against real aws-cdk-lib and cdktf tokens).
 */
export const CDK_TOKEN = '${Token[TOKEN.17]}';
export const TF_TOKEN = '${TfToken[TOKEN.42]}';
export const STRING_TOKENS: ReadonlyArray<[string, string]> = [
  ['aws-cdk-lib', CDK_TOKEN],
  ['cdktf', TF_TOKEN],
];
/** Number tokens: both toolkits encode them as huge negative doubles. */
export const CDK_NUMBER_TOKEN = -1.888154589708751e289;
export const TF_NUMBER_TOKEN = -8.10956221259138e298;

/**
 * Asserts that `fn` fails with the project's validation error, that the
 * message states `rule`, and that it names the property and the value.
 */
export function expectViolation(fn: () => unknown, rule: RegExp, prop: string, shownValue: string): void {
  expect(fn).toThrow(ReplayStorageValidationError);
  expect(fn).toThrow(rule);
  expect(fn).toThrow(`'${prop}' must be `);
  expect(fn).toThrow(`(got: ${shownValue})`);
}
