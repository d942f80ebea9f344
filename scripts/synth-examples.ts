/**
 * Synthesizes every example under examples/ offline, the way a user would
 * (`cdk synth` for AWS, the cdktf app for GCP and Azure), then prints each
 * stack's derived replay prefix, bucket names and Helm values.
 *
 *   npm run examples            # all examples
 *   npm run examples -- gcp     # only examples whose folder contains "gcp"
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderCfnValue } from './render-outputs';

const ROOT = resolve(__dirname, '..');
const EXAMPLES = join(ROOT, 'examples');

// The examples resolve 'replay-storage/lib/...' to src/ through the package's
// own exports map (their app commands pass --conditions=replay-storage-source).
const { CDKTF_DISABLE_PLUGIN_CACHE_ENV: _cdktfOnly, ...inherited } = process.env;
const ENV: NodeJS.ProcessEnv = {
  ...inherited,
  CHECKPOINT_DISABLE: '1',
  CDK_DISABLE_CLI_TELEMETRY: 'true',
  CDK_DISABLE_VERSION_CHECK: 'true',
};

interface Printed {
  readonly name: string;
  readonly value: string;
}

function run(cmd: string, args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}): void {
  const r = spawnSync(cmd, args, { cwd, env: { ...ENV, ...extraEnv }, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd} (exit ${r.status})`);
  }
}

/** AWS: `cdk synth` (CloudFormation schema check on), then the template's Outputs. */
function synthCdk(dir: string): Printed[] {
  run(join(ROOT, 'node_modules', '.bin', 'cdk'), ['synth', '--no-notices', '--quiet', '--output', 'cdk.out'], dir);
  const out = join(dir, 'cdk.out');
  const printed: Printed[] = [];
  for (const file of readdirSync(out).filter((f) => f.endsWith('.template.json'))) {
    const template = JSON.parse(readFileSync(join(out, file), 'utf8'));
    for (const [name, output] of Object.entries<any>(template.Outputs ?? {})) {
      printed.push({ name, value: renderCfnValue(output.Value) });
    }
  }
  return printed;
}

/** GCP and Azure: `cdktf synth`, as each README says (no Terraform binary needed). */
function synthCdktf(dir: string): Printed[] {
  run(join(ROOT, 'node_modules', '.bin', 'cdktf'), ['synth'], dir, { CDKTF_DISABLE_PLUGIN_CACHE_ENV: '1' });
  const stacks = join(dir, 'cdktf.out', 'stacks');
  const printed: Printed[] = [];
  for (const stack of readdirSync(stacks)) {
    const tf = JSON.parse(readFileSync(join(stacks, stack, 'cdk.tf.json'), 'utf8'));
    for (const [name, output] of Object.entries<any>(tf.output ?? {})) {
      printed.push({ name, value: output.sensitive ? '(sensitive: terraform output -json)' : String(output.value) });
    }
  }
  return printed;
}

/** What a person pastes: prefixes, bucket names, endpoints and Helm values. */
const SHOWN = /(ReplayPrefix|replay_prefix|AssetsOrigin|assets_origin|Bucket|bucket|Endpoint|endpoint|HelmValues|helm_values|StorageAccountName|storage_account_name|BlobEndpointSuffix|blob_endpoint_suffix)$/;

function main(): void {
  const filter = process.argv[2];
  const dirs = readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && (!filter || d.name.includes(filter)))
    .map((d) => d.name)
    .sort();
  let failed = 0;
  for (const name of dirs) {
    const dir = join(EXAMPLES, name);
    const started = Date.now();
    try {
      const printed = existsSync(join(dir, 'cdk.json')) ? synthCdk(dir) : synthCdktf(dir);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`\n=== examples/${name}: synthesized in ${seconds} s ===`);
      for (const p of printed.filter((o) => SHOWN.test(o.name))) {
        if (p.value.includes('\n')) {
          console.log(`${p.name}:\n${p.value.replace(/^/gm, '    ').trimEnd()}`);
        } else {
          console.log(`${p.name}: ${p.value}`);
        }
      }
    } catch (e) {
      failed++;
      console.error(`\n=== examples/${name}: FAILED ===\n${(e as Error).message}`);
    }
  }
  console.log(`\n${dirs.length - failed} of ${dirs.length} examples synthesized.`);
  if (failed > 0 || dirs.length === 0) process.exit(1);
}

main();
