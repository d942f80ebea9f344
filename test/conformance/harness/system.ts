/**
 * System packages the conformance suite needs (Chromium, Ceph). Locally a
 * missing one skips the affected tests with a message; with
 * REPLAY_STORAGE_CONFORMANCE_REQUIRED=1 (CI) it fails them instead.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';

function onPath(binary: string): boolean {
  if (binary.startsWith('/')) return executable(binary);
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && executable(join(dir, binary)));
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `undefined` when every binary is there, else what is missing and how to install it. */
export function missingBinaries(binaries: readonly string[], install: string): string | undefined {
  const missing = binaries.filter((b) => !onPath(b));
  return missing.length === 0 ? undefined : `missing ${missing.join(', ')} (install: ${install})`;
}

export const REQUIRED = process.env.REPLAY_STORAGE_CONFORMANCE_REQUIRED === '1';

/**
 * Registers the suite when its binaries exist; otherwise one skipped test
 * that names what is missing (or, when required, one failing test).
 */
export function describeWithSystem(title: string, missing: string | undefined, body: () => void): void {
  if (!missing) {
    describe(title, body);
    return;
  }
  if (REQUIRED) {
    test(`${title}: system packages`, () => {
      throw new Error(`${title} cannot run: ${missing}`);
    });
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED ${title}: ${missing}`);
  test.skip(`${title} (skipped: ${missing})`, () => undefined);
}

const warned = new Set<string>();

/** One test that needs system packages: skipped (with the reason) or failed when they are missing. */
export function testWithSystem(title: string, missing: string | undefined, fn: () => Promise<void>, timeoutMs?: number): void {
  if (!missing) {
    test(title, fn, timeoutMs);
    return;
  }
  if (REQUIRED) {
    test(title, () => {
      throw new Error(`cannot run: ${missing}`);
    });
    return;
  }
  if (!warned.has(missing)) {
    warned.add(missing);
    // eslint-disable-next-line no-console
    console.warn(`SKIPPED tests that need ${missing}`);
  }
  test.skip(`${title} (skipped: ${missing})`, () => undefined);
}
