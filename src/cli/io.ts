import { readFileSync } from 'node:fs';
import { parseArgs, ParseArgsConfig } from 'node:util';
import { describeFsError } from './fs-errors';
import { terminalSafe } from './printable';

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

/**
 * The same io with every printed text passed through {@link terminalSafe}:
 * whatever an outputs file or a server put in a message, no escape sequence
 * reaches the terminal.
 */
export function safeIo(io: CliIo): CliIo {
  return { stdout: (t) => io.stdout(terminalSafe(t)), stderr: (t) => io.stderr(terminalSafe(t)), readInput: io.readInput };
}

/**
 * Exit codes: 0 all good, 1 a check or a lookup failed, 2 the command line is
 * wrong, 3 (verify) some requests got no answer and nothing failed.
 */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_UNREACHABLE = 3;

/** A failure the user can act on: printed as its message alone (exit 1). */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

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

/** Reads a file given on the command line, with a message naming the flag and what to pass instead. */
export function readFlagFile(io: CliIo, flag: string, path: string, expected: string): string {
  try {
    return io.readInput(path);
  } catch (e) {
    throw new UsageError(`${flag} ${path}: ${describeFsError(e, { directory: `is a directory; pass ${expected}` })}.`);
  }
}
