import { fail } from '../errors';
import { isUnresolved } from '../tokens';

/** A whole number within bounds (days, seconds, counts). */
export function validateWholeNumber(prop: string, value: number | undefined, min: number, max: number, fix?: string): void {
  if (value === undefined || isUnresolved(value)) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(prop, `a whole number from ${min} to ${max}`, value, fix);
  }
}
