import { fail } from '../errors';
import { isUnresolved } from '../tokens';

/**
 * Text that ends up inside a shell line or a Helm document is written at
 * synth, where a token would stay an unreadable placeholder: refuse it.
 */
export function refuseToken(prop: string, value: string | undefined, where: string): void {
  if (value === undefined || !isUnresolved(value)) return;
  fail(prop, `a literal string, not a token (it is written into ${where} at synth)`, value, `Pass the literal value of '${prop}'.`);
}
