import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CliIo } from '../../../src/cli/io';
import { run } from '../../../src/cli/main';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command line in-process; `stdin` is what `-` reads. */
export async function runCli(argv: string[], stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readInput: (path) => (path === '-' ? stdin : readFileSync(path, 'utf8')),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** A temp directory removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `replay-cli-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
}

/** Every file under `dir`, as relative paths, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

export function modeOf(path: string): number {
  // The permission bits (the low nine).
  return statSync(path).mode % 0o1000;
}

/** A file the `values` command wrote. */
export function readOut(out: string, file: string): string {
  return readFileSync(join(out, file), 'utf8');
}

/**
 * Runs `values` on outputs documents, each written to a new file in a temp
 * directory of its own, with a fresh `--out` directory per run.
 */
export function valuesRunner(prefix: string) {
  const dir = tempDir(prefix);
  let n = 0;
  const fresh = () => join(dir, `run-${++n}`);
  const valuesFor = async (outputs: unknown, ...flags: string[]) => {
    const out = fresh();
    const file = writeJson(dir, `outputs-${n}.json`, outputs);
    return { ...(await runCli(['values', '--outputs', file, '--out', out, ...flags])), out, file };
  };
  return { dir, fresh, valuesFor };
}
