import { existsSync, writeFileSync } from 'node:fs';
import { CliError, CliIo, EXIT_FAILED, EXIT_OK, parseFlags, readFlagFile, UsageError } from './io';
import { DEFAULT_NODE_IMAGE, DEFAULT_RCLONE_IMAGE, jobManifest } from './migrate-job';
import { checkEndpoint, MIGRATE_ROLES, MINIO_DEFAULT_BUCKETS, parseSourceBuckets, planMigration } from './migrate-plan';
import { KEY_VARIABLES } from './migrate-remotes';
import { runMigration } from './migrate-run';
import { parseOutputs, selectInstances } from './outputs';
import { OUTPUTS_FILE_HOWTO } from './outputs-error';
import { printable } from './printable';

/** Objects copied at a time unless `--transfers` says otherwise. */
export const DEFAULT_TRANSFERS = 8;

export const MIGRATE_USAGE = `Usage: replay-storage migrate --outputs <file> --source-endpoint <url> [options]

Moves OpenReplay's objects off the chart's bundled MinIO into the buckets a
deploy created, with rclone (1.59 or later on PATH): per role, 'rclone copy'
from the MinIO bucket to the bucket the outputs name, then OpenReplay's object
tags (and, on Azure, the headers rclone 1.60 does not write) re-applied, then
both sides compared object by object. Nothing is ever deleted. A second run
copies only what is missing or changed, so an interrupted run resumes.

  --outputs <file>          outputs of the deploy ('-' reads stdin):
                              cdk deploy --outputs-file <file>
                              terraform output -json > <file>
  --stack <name>            only constructs of this stack
  --prefix <prefix>         only the construct whose outputs start with it
  --source-endpoint <url>   MinIO, e.g. http://minio.db.svc.cluster.local:9000
                            (kubectl -n db port-forward svc/minio 9000)
  --source-buckets <list>   role=bucket,... where MinIO's buckets differ from
                            the chart's (${MIGRATE_ROLES.map((r) => `${r}=${MINIO_DEFAULT_BUCKETS[r]}`).join(', ')})
  --target-endpoint <url>   send target requests here instead of the cloud's
                            endpoint (an emulator: path-style S3, or Azurite
                            http://host:port/devstoreaccount1)
  --transfers <n>           objects copied at a time (default ${DEFAULT_TRANSFERS}); listings,
                            comparisons and tag requests run 2n at a time
  --max-age-days <n>        skip objects older than this (the retention you
                            configured: older ones would be deleted anyway)
  --dry-run                 list what would be copied; write nothing
  --json                    print the report as JSON instead of a table
  --rclone <path>           the rclone binary (default: rclone on PATH)
  -h, --help                show this help

Keys come from the environment only, never from flags:
  ${KEY_VARIABLES.minioAccessKey}, ${KEY_VARIABLES.minioSecretKey}   MinIO (the chart's Secret 'minio' in namespace db)
  AWS                  the standard AWS environment, profile or role
  Cloud Storage        ${KEY_VARIABLES.gcsAccessId}, ${KEY_VARIABLES.gcsSecret} (HMAC key: the Credentials output)
  Azure                ${KEY_VARIABLES.azureKey} (AccountKey output); ${KEY_VARIABLES.azureAccount} defaults
                       to the StorageAccountName output
rclone gets them as RCLONE_CONFIG_* variables of its own process and an empty
config file of its own; other RCLONE_* settings pass, e.g. RCLONE_BWLIMIT, or
RCLONE_FAST_LIST=true to list each bucket in one pass (far fewer requests for
OpenReplay's one directory per session; about 1 KB of memory per object).

In the cluster instead:
  --job-manifest <file>        write a Kubernetes Job running this migration
                               (rclone from the rclone/rclone image) and exit
  --job-namespace <ns>         its namespace (default: the one of the
                               construct's Kubernetes Secret, else app)
  --job-minio-secret <name>    Secret with MinIO's access-key and secret-key in
                               that namespace (default: minio in db, else
                               replay-storage-minio; the file says how to copy it)
  --job-service-account <name> run as this service account (AWS: a role with
                               access to the buckets, instead of a key)
  --job-image <image>          Node.js image (default ${DEFAULT_NODE_IMAGE})
  --job-rclone-image <image>   rclone image (default ${DEFAULT_RCLONE_IMAGE})
  --force                      replace an existing --job-manifest file

What is kept: bytes (compared by size and MD5), Content-Type, Content-Encoding,
Cache-Control, Content-Disposition, Content-Language and user metadata; object
tags on S3 and Azure (blob index tags). Cloud Storage has no tags: there only
the age rule deletes. Copied objects are new on the target, so lifecycle ages
count from the copy; --max-age-days leaves out what would already be gone.

Exit status: 0 every object is on the target with its tags, 1 something is
missing, different or failed (run again to resume), 2 the command line is wrong.
`;

function positiveInteger(flag: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw new UsageError(`migrate: '${flag}' must be a whole number from 1 to ${max} (got: ${printable(value)}).`);
  return Number(value);
}

/** Flags forwarded to the in-cluster run. */
function forwardedArgs(f: Record<string, string | boolean | undefined>, transfers: number): string[] {
  const pass = (flag: string) => (typeof f[flag] === 'string' ? [`--${flag}`, f[flag] as string] : []);
  return [
    ...pass('source-endpoint'),
    ...pass('source-buckets'),
    ...pass('target-endpoint'),
    '--transfers',
    String(transfers),
    ...pass('max-age-days'),
    ...(f['dry-run'] ? ['--dry-run'] : []),
  ];
}

export async function migrateCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values: f } = parseFlags('migrate', {
    args,
    options: {
      'outputs': { type: 'string' },
      'stack': { type: 'string' },
      'prefix': { type: 'string' },
      'source-endpoint': { type: 'string' },
      'source-buckets': { type: 'string' },
      'target-endpoint': { type: 'string' },
      'transfers': { type: 'string' },
      'max-age-days': { type: 'string' },
      'dry-run': { type: 'boolean' },
      'json': { type: 'boolean' },
      'rclone': { type: 'string' },
      'job-manifest': { type: 'string' },
      'job-namespace': { type: 'string' },
      'job-minio-secret': { type: 'string' },
      'job-service-account': { type: 'string' },
      'job-image': { type: 'string' },
      'job-rclone-image': { type: 'string' },
      'force': { type: 'boolean' },
      'help': { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (f.help) {
    io.stdout(MIGRATE_USAGE);
    return EXIT_OK;
  }
  if (!f.outputs) throw new UsageError("migrate: '--outputs <file>' is required (the file of 'cdk deploy --outputs-file' or 'terraform output -json').");
  if (!f['source-endpoint']) throw new UsageError("migrate: '--source-endpoint <url>' is required (MinIO, e.g. http://minio.db.svc.cluster.local:9000).");
  const sourceEndpoint = checkEndpoint('--source-endpoint', f['source-endpoint']);
  const sourceBuckets = parseSourceBuckets(f['source-buckets']);
  const transfers = positiveInteger('--transfers', f.transfers, 256) ?? DEFAULT_TRANSFERS;
  const maxAgeDays = positiveInteger('--max-age-days', f['max-age-days'], 36500);

  const source = f.outputs === '-' ? 'stdin' : f.outputs;
  const doc = parseOutputs(readFlagFile(io, '--outputs', f.outputs, `the outputs file (${OUTPUTS_FILE_HOWTO})`), source);
  const instances = selectInstances(doc, source, { stack: f.stack, prefix: f.prefix }).filter((i) => i.product === 'openreplay');
  if (instances.length !== 1) {
    throw new UsageError(
      instances.length === 0
        ? `migrate: ${printable(source)} holds no OpenReplayStorage; migrate moves the OpenReplay chart's MinIO buckets only.`
        : `migrate: ${printable(source)} holds ${instances.length} OpenReplayStorage constructs (${instances.map((i) => i.label).join(', ')}); pick one with --stack or --prefix.`,
    );
  }
  const [instance] = instances;
  const targetEndpoint = f['target-endpoint'] === undefined ? undefined : checkEndpoint('--target-endpoint', f['target-endpoint'], instance.cloud === 'azure');
  const plan = planMigration(instance, { sourceEndpoint, sourceBuckets, targetEndpoint, azureAccount: env[KEY_VARIABLES.azureAccount] || undefined });

  if (f['job-manifest']) {
    const path = f['job-manifest'];
    const manifest = jobManifest(instance, plan, {
      namespace: f['job-namespace'],
      minioSecret: f['job-minio-secret'],
      serviceAccount: f['job-service-account'],
      nodeImage: f['job-image'],
      rcloneImage: f['job-rclone-image'],
      migrateArgs: forwardedArgs(f, transfers),
    });
    if (existsSync(path) && !f.force) throw new CliError(`refusing to overwrite ${printable(path)}; pass --force to replace it.`);
    writeFileSync(path, manifest, { mode: 0o644 });
    io.stdout(`wrote ${printable(path)}: a Kubernetes Job that migrates ${plan.construct}. Read its header, then kubectl apply -f ${printable(path)}.\n`);
    return EXIT_OK;
  }

  const report = await runMigration(plan, io, env, { transfers, maxAgeDays, dryRun: f['dry-run'] === true, json: f.json === true, rclone: f.rclone ?? 'rclone' });
  return report.status === 'ok' ? EXIT_OK : EXIT_FAILED;
}
