/**
 * Whether a string still holds an unresolved token of aws-cdk-lib
 * (`${Token[...]}`) or cdktf (`${TfToken[...]}`), or a list token
 * (`#{Token[...]}`). Validation skips such values: they are only known at
 * deploy time. Kept as a pattern check so that core loads neither toolkit.
 */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === 'number') {
    // Both toolkits encode number tokens as huge negative doubles.
    return value < -1e280;
  }
  if (typeof value !== 'string') return false;
  return /\$\{(?:Tf)?Token\[|#\{(?:Tf)?Token\[/.test(value);
}

/** `true` when every value is concrete and may be validated. */
export function allResolved(...values: unknown[]): boolean {
  return values.every((v) => !isUnresolved(v));
}
