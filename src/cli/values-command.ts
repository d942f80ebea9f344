import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ReplayInstance } from './instance';
import { CliIo, EXIT_OK, parseFlags, readFlagFile, UsageError } from './io';
import { OutputDirectory, safePathSegment, uniqueSegments } from './out-dir';
import { parseOutputs, selectInstances } from './outputs';
import { OUTPUTS_FILE_HOWTO } from './outputs-error';
import { valuesFiles } from './values';

export const VALUES_USAGE = `Usage: replay-storage values --outputs <file> [--out <dir>] [options]

Writes the Helm values of each replay-storage construct found in a deploy's
outputs: the current OpenReplay chart values.yaml and the legacy layout
(legacy/vars.yaml, http.yaml, storage.yaml, assets.yaml, chalice.yaml), or the
LogRocket chart values.yaml. Each construct is found by its Metadata output,
which names its product, cloud, outputs and Kubernetes secret.

  --outputs <file>     outputs of the deploy ('-' reads stdin):
                         cdk deploy --outputs-file <file>
                         terraform output -json > <file>
  --out <dir>          where to write (default: replay-values). With more than
                       one construct, each gets a subdirectory named after it.
  --stack <name>       only constructs of this stack (CDK outputs files)
  --prefix <prefix>    only the construct whose outputs start with it
                       (e.g. OpenReplay, openreplay)
  --include-secrets    also write key material from sensitive outputs: the
                       Kubernetes secret the metadata names (secret.yaml) and
                       the secret key in legacy/vars.yaml (files get mode 0600)
  --force              replace files an earlier run wrote (without it, existing
                       files are never overwritten and nothing is written)
  -h, --help           show this help

Without --include-secrets no key material is written. On AWS the secret key
stays in Secrets Manager: run the command in the CreateSecretCommand output.

Names from the outputs file (stacks, output prefixes) become directory names
of letters, digits, '.', '_' and '-' only; nothing is written outside --out,
and a symbolic link under it that leads elsewhere is refused. Every file is
YAML rendered by the 'yaml' package, checked to read back as one document.
`;

/** A directory name per construct when several share an outputs file: its prefix (with the stack when prefixes clash), made safe and unique. */
function subdirectories(all: readonly ReplayInstance[]): string[] {
  return uniqueSegments(
    all.map((instance) => {
      const clash = all.filter((i) => i.prefix === instance.prefix).length > 1;
      return safePathSegment(clash && instance.stack.name ? `${instance.stack.name}-${instance.prefix}` : instance.prefix);
    }),
  );
}

export function valuesCommand(args: string[], io: CliIo): number {
  const { values: flags } = parseFlags('values', {
    args,
    options: {
      'outputs': { type: 'string' },
      'out': { type: 'string' },
      'stack': { type: 'string' },
      'prefix': { type: 'string' },
      'include-secrets': { type: 'boolean' },
      'force': { type: 'boolean' },
      'help': { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (flags.help) {
    io.stdout(VALUES_USAGE);
    return EXIT_OK;
  }
  if (!flags.outputs) throw new UsageError("values: '--outputs <file>' is required (the file of 'cdk deploy --outputs-file' or 'terraform output -json').");

  const source = flags.outputs === '-' ? 'stdin' : flags.outputs;
  const doc = parseOutputs(readFlagFile(io, '--outputs', flags.outputs, `the outputs file (${OUTPUTS_FILE_HOWTO})`), source);
  const instances = selectInstances(doc, source, { stack: flags.stack, prefix: flags.prefix });
  const out = new OutputDirectory(flags.out ?? 'replay-values', flags.force === true);
  const includeSecrets = flags['include-secrets'] === true;

  // Build and check everything first: a missing output or a file in the way writes nothing.
  const dirs = subdirectories(instances);
  const planned = instances.map((instance, i) => {
    const dir = instances.length === 1 ? '' : dirs[i];
    const { files, notes } = valuesFiles(instance, { includeSecrets });
    const place = (path: string) => ({ target: out.pathOf(join(dir, path)), shown: out.shown(join(dir, path)) });
    return { instance, notes, stale: place('secret.yaml'), files: files.map((file) => ({ ...file, ...place(file.path) })) };
  });
  out.check(planned.flatMap((p) => p.files.map((f) => f.target)));

  for (const { instance, files, notes, stale } of planned) {
    io.stdout(`${instance.constructName} '${instance.label}':\n`);
    for (const file of files) {
      out.write(file.target, file.content, file.mode);
      io.stdout(`  wrote ${file.shown}${file.mode === 0o600 ? ' (key material, mode 0600)' : ''}\n`);
    }
    if (!files.some((f) => f.path === 'secret.yaml') && existsSync(stale.target)) {
      notes.push(`${stale.shown} is left from an earlier run and was not rewritten; delete it if it is no longer wanted.`);
    }
    for (const note of notes) io.stdout(`  note: ${note}\n`);
  }
  return EXIT_OK;
}
