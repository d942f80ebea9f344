#!/usr/bin/env node
import { CliError, CliIo, EXIT_FAILED, EXIT_OK, EXIT_USAGE, processIo, safeIo, UsageError } from './io';
import { MIGRATE_USAGE, migrateCommand } from './migrate-command';
import { VALUES_USAGE, valuesCommand } from './values-command';
import { VERIFY_USAGE, verifyCommand } from './verify-command';

export const MAIN_USAGE = `Usage: replay-storage <command> [options]

Commands:
  values   write Helm values files from a deploy's outputs
  verify   check deployed replay storage from outside (CORS, public/private
           roles, listing, signed uploads)
  migrate  move OpenReplay's objects off the chart's bundled MinIO into the
           deployed buckets (with rclone; or as a Kubernetes Job)
  help     show help for a command: replay-storage help verify

Run 'replay-storage <command> --help' for a command's options.
`;

const COMMANDS: Record<string, { usage: string; run: (args: string[], io: CliIo) => number | Promise<number> }> = {
  values: { usage: VALUES_USAGE, run: valuesCommand },
  verify: { usage: VERIFY_USAGE, run: verifyCommand },
  migrate: { usage: MIGRATE_USAGE, run: (args, io) => migrateCommand(args, io) },
};

/** Runs one command line; returns the exit status. Never throws. */
export async function run(argv: string[], rawIo: CliIo = processIo): Promise<number> {
  // Messages quote outputs files and servers: no escape sequence reaches the terminal.
  const io = safeIo(rawIo);
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help') {
    (name === undefined ? io.stderr : io.stdout)(MAIN_USAGE);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout(MAIN_USAGE);
      return EXIT_OK;
    }
    const command = COMMANDS[topic];
    if (!command) {
      io.stderr(`replay-storage: no command '${topic}'.\n\n${MAIN_USAGE}`);
      return EXIT_USAGE;
    }
    io.stdout(command.usage);
    return EXIT_OK;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`replay-storage: no command '${name}'.\n\n${MAIN_USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`replay-storage ${e.message}\nRun 'replay-storage ${name} --help' for the options.\n`);
      return EXIT_USAGE;
    }
    if (e instanceof CliError) {
      io.stderr(`replay-storage ${name}: ${e.message}\n`);
      return EXIT_FAILED;
    }
    // System errors (a directory that cannot be written, ...) need no stack.
    const shown = (e as NodeJS.ErrnoException).code ? (e as Error).message : (e as Error).stack ?? String(e);
    io.stderr(`replay-storage ${name}: ${shown}\n`);
    return EXIT_FAILED;
  }
}

if (require.main === module) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
