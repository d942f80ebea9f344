import { fail } from '../errors';
import { isUnresolved } from '../tokens';

/**
 * Every role needs its own bucket: two roles on one bucket would make the
 * private recordings as public as the assets.
 */
export function validateUniqueNames(prop: string, names: Record<string, string | undefined>): void {
  const seen = new Map<string, string>();
  for (const [role, name] of Object.entries(names)) {
    if (name === undefined || isUnresolved(name)) continue;
    const other = seen.get(name);
    if (other) {
      fail(`${prop}.${role}`, `different from '${prop}.${other}'`, name, 'Give every role its own bucket name.');
    }
    seen.set(name, role);
  }
}
