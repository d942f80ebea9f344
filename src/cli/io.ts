import { readFileSync } from 'node:fs';
import { parseArgs, ParseArgsConfig } from 'node:util';

/** Where a command writes; swapped in tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads `-` (stdin) or a file. */
  readonly readInput: (path: string) => string;
}

export const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readInput: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
};

/** Exit codes: 0 all good, 1 a check or a lookup failed, 2 the command line is wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A wrong command line: printed with the command's usage line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `util.parseArgs` (strict, no positionals) with messages that name the command. */
export function parseFlags<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    throw new UsageError(`${command}: ${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '')}`);
  }
}

/** Reads a file given on the command line, with a message naming the flag. */
export function readFlagFile(io: CliIo, flag: string, path: string): string {
  try {
    return io.readInput(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${flag} ${path}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}
