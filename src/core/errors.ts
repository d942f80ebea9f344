/**
 * Thrown at synth when a construct property breaks a rule. The message
 * always names the property, the rule, the value and the fix:
 * `'<prop>' must be <rule> (got: <value>). <fix>`
 */
export class ReplayStorageValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplayStorageValidationError';
  }
}

/** Formats one rule violation in the project's single error style. */
export function ruleMessage(prop: string, rule: string, value: unknown, fix?: string): string {
  // Numbers as written: JSON would show NaN and Infinity as `null`.
  const shown = typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  return `'${prop}' must be ${rule} (got: ${shown}).${fix ? ` ${fix}` : ''}`;
}

/** Throws a {@link ReplayStorageValidationError} for one rule violation. */
export function fail(prop: string, rule: string, value: unknown, fix?: string): never {
  throw new ReplayStorageValidationError(ruleMessage(prop, rule, value, fix));
}
