import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ReplayInstance } from './instance';
import { CliIo, EXIT_OK, parseFlags, readFlagFile, UsageError } from './io';
import { parseOutputs, selectInstances } from './outputs';
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
  -h, --help           show this help

Without --include-secrets no key material is written. On AWS the secret key
stays in Secrets Manager: run the command in the CreateSecretCommand output.
`;

/** A directory name for one construct when several share an outputs file. */
function subdirectory(instance: ReplayInstance, all: ReplayInstance[]): string {
  const clash = all.filter((i) => i.prefix === instance.prefix).length > 1;
  const name = clash && instance.stack.name ? `${instance.stack.name}-${instance.prefix}` : instance.prefix;
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
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
  const doc = parseOutputs(readFlagFile(io, '--outputs', flags.outputs), source);
  const instances = selectInstances(doc, source, { stack: flags.stack, prefix: flags.prefix });
  const out = flags.out ?? 'replay-values';
  const includeSecrets = flags['include-secrets'] === true;

  // Build everything first: a missing output writes nothing.
  const planned = instances.map((instance) => {
    const dir = instances.length === 1 ? out : join(out, subdirectory(instance, instances));
    return { instance, dir, ...valuesFiles(instance, { includeSecrets }) };
  });

  for (const { instance, dir, files, notes } of planned) {
    io.stdout(`${instance.constructName} '${instance.label}':\n`);
    for (const file of files) {
      const path = join(dir, file.path);
      mkdirSync(dirname(path), { recursive: true });
      // Key material: a new file, created 0600, so it is never readable by others.
      if (file.mode === 0o600) rmSync(path, { force: true });
      writeFileSync(path, file.content, { mode: file.mode });
      chmodSync(path, file.mode);
      io.stdout(`  wrote ${path}${file.mode === 0o600 ? ' (key material, mode 0600)' : ''}\n`);
    }
    const stale = join(dir, 'secret.yaml');
    if (!files.some((f) => f.path === 'secret.yaml') && existsSync(stale)) {
      notes.push(`${stale} is left from an earlier run and was not rewritten; delete it if it is no longer wanted.`);
    }
    for (const note of notes) io.stdout(`  note: ${note}\n`);
  }
  return EXIT_OK;
}
