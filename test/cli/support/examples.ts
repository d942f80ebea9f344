/**
 * Synthesizes an example the way its own app does (`main.ts`, run in this
 * process): AWS with `cdk synth`'s environment (CDK_OUTDIR, the cdk.json
 * context; the CloudFormation schema check off for speed), cdktf with
 * CDKTF_OUTDIR. Returns the templates / cdk.tf.json documents it wrote.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const EXAMPLES_DIR = join(__dirname, '..', '..', '..', 'examples');

export type ExampleName = 'aws-openreplay' | 'aws-logrocket' | 'gcp-openreplay' | 'gcp-logrocket' | 'azure-openreplay' | 'azure-logrocket';

export interface SynthesizedExample {
  readonly name: ExampleName;
  readonly kind: 'cloudformation' | 'terraform';
  /** Stack name -> CloudFormation template or cdk.tf.json document. */
  readonly stacks: Record<string, any>;
}

const cache = new Map<string, SynthesizedExample>();

function withEnv<T>(env: Record<string, string>, fn: () => T): T {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Runs an example's `main.ts` in this process, as its app does (synchronously, so the environment applies). */
function runMain(dir: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load of the example's entry point is the point
  require(join(dir, 'main.ts'));
}

/** Runs `examples/<name>/main.ts` once per test file and returns what it synthesized. */
export function synthExample(name: ExampleName): SynthesizedExample {
  const cached = cache.get(name);
  if (cached) return cached;
  const dir = join(EXAMPLES_DIR, name);
  const out = mkdtempSync(join(tmpdir(), `replay-${name}-`));
  try {
    let result: SynthesizedExample;
    if (existsSync(join(dir, 'cdk.json'))) {
      const cdkJson = JSON.parse(readFileSync(join(dir, 'cdk.json'), 'utf8'));
      const before = process.listeners('beforeExit');
      withEnv({ CDK_OUTDIR: out, CDK_CONTEXT_JSON: JSON.stringify(cdkJson.context ?? {}), CDK_VALIDATION: 'false' }, () => runMain(dir));
      // With CDK_OUTDIR set the App also schedules a synth at exit: not wanted here.
      for (const l of process.listeners('beforeExit')) if (!before.includes(l)) process.removeListener('beforeExit', l);
      const stacks: Record<string, any> = {};
      for (const f of readdirSync(out).filter((n) => n.endsWith('.template.json'))) {
        stacks[f.replace(/\.template\.json$/, '')] = JSON.parse(readFileSync(join(out, f), 'utf8'));
      }
      result = { name, kind: 'cloudformation', stacks };
    } else {
      withEnv({ CDKTF_OUTDIR: out }, () => runMain(dir));
      const stacks: Record<string, any> = {};
      for (const s of readdirSync(join(out, 'stacks'))) {
        stacks[s] = JSON.parse(readFileSync(join(out, 'stacks', s, 'cdk.tf.json'), 'utf8'));
      }
      result = { name, kind: 'terraform', stacks };
    }
    if (Object.keys(result.stacks).length !== 1) throw new Error(`examples/${name} synthesized ${Object.keys(result.stacks).length} stacks; expected one`);
    cache.set(name, result);
    return result;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The single stack's document and name. */
export function onlyStack(example: SynthesizedExample): { stackName: string; doc: any } {
  const [stackName, doc] = Object.entries(example.stacks)[0];
  return { stackName, doc };
}
