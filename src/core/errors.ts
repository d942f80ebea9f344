/** Stable code of every props error a replay-storage construct throws. */
export const VALIDATION_ERROR_CODE = 'ReplayStorage.InvalidProps';

/**
 * Thrown at synth when construct properties break rules. Each problem names
 * the property, the rule, the value and the fix:
 * `'<prop>' must be <rule> (got: <value>). <fix>`. A construct reports all
 * of its problems in one error, with the construct's path and a stable code
 * (modelled on aws-cdk-lib's `ValidationError`).
 */
export class ReplayStorageValidationError extends Error {
  /** Stable code, {@link VALIDATION_ERROR_CODE}. */
  public readonly code: string = VALIDATION_ERROR_CODE;
  /** Always `validation`, as aws-cdk-lib's validation errors. */
  public readonly type = 'validation';
  /** The problems, one line each. */
  public readonly problems: readonly string[];
  /** Path of the construct whose props are wrong, when known. */
  public readonly constructPath?: string;

  constructor(problems: string | readonly string[], constructPath?: string, what?: string) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    super(formatProblems(list, constructPath, what));
    this.name = 'ReplayStorageValidationError';
    this.problems = list;
    this.constructPath = constructPath;
  }
}

function formatProblems(problems: readonly string[], constructPath: string | undefined, what: string | undefined): string {
  if (constructPath === undefined) return problems.join('\n');
  const subject = `${what ?? 'construct'} at '${constructPath}'`;
  const count = problems.length === 1 ? 'an invalid property' : `${problems.length} invalid properties`;
  return `[${VALIDATION_ERROR_CODE}] ${subject} has ${count}:\n${problems.map((p) => `  - ${p}`).join('\n')}`;
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

/**
 * Collects every problem of one construct's props, so a user learns about
 * all of them in one synth: each check runs, failures are kept, and
 * {@link Problems.throwIfAny} throws one error listing them.
 */
export class Problems {
  private readonly found: string[] = [];

  /** Runs one validator; a validation error it throws is recorded, not raised. */
  public check(validate: () => void): void {
    try {
      validate();
    } catch (e) {
      if (!(e instanceof ReplayStorageValidationError)) throw e;
      this.found.push(...e.problems);
    }
  }

  /** Records one rule violation. */
  public add(prop: string, rule: string, value: unknown, fix?: string): void {
    this.found.push(ruleMessage(prop, rule, value, fix));
  }

  /** Whether nothing was found so far. */
  public get ok(): boolean {
    return this.found.length === 0;
  }

  /** Throws one error with every problem, naming the construct. */
  public throwIfAny(constructPath: string, what: string): void {
    if (this.found.length > 0) throw new ReplayStorageValidationError(this.found, constructPath, what);
  }
}
