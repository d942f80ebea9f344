/**
 * Consumer test: packs the library and installs it, from the npm registry,
 * into scratch AWS-only, GCP-only and Azure-only apps exactly as the README
 * says, pastes the README's usage snippets for that cloud as they are, and
 * type-checks, compiles and runs them as CommonJS and as ESM
 * (`"type": "module"`, `moduleResolution: nodenext`). Each run must
 * synthesize; the other clouds' toolkits must not be installed.
 *
 *   npm run consumer            # needs lib/ (npx projen compile) and the npm registry
 *   npm run consumer -- aws     # one cloud
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

interface Cloud {
  readonly name: 'aws' | 'gcp' | 'azure';
  /** README sections whose ```ts blocks make this cloud's program. */
  readonly sections: readonly string[];
  /** Toolkit packages, as the README's Install section names them. */
  readonly toolkit: readonly string[];
  /** Packages another cloud needs and this one must not get. */
  readonly foreign: readonly string[];
  /** Where a synthesized app leaves its result. */
  readonly output: string;
}

const CLOUDS: readonly Cloud[] = [
  { name: 'aws', sections: ['OpenReplay on AWS', 'LogRocket self-hosted on AWS'], toolkit: ['aws-cdk-lib', 'constructs'], foreign: ['cdktf', '@cdktf/provider-google', '@cdktf/provider-azurerm'], output: 'cdk.out' },
  { name: 'gcp', sections: ['Google Cloud (cdktf)'], toolkit: ['cdktf', 'constructs', '@cdktf/provider-google'], foreign: ['aws-cdk-lib', '@cdktf/provider-azurerm'], output: 'cdktf.out' },
  { name: 'azure', sections: ['Azure (cdktf)'], toolkit: ['cdktf', 'constructs', '@cdktf/provider-azurerm'], foreign: ['aws-cdk-lib', '@cdktf/provider-google'], output: 'cdktf.out' },
];

/** The oldest toolkit versions the peer ranges allow (their lower bounds), tested too. */
function floor(name: string): string {
  const range = String(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).peerDependencies[name]);
  const m = /(\d+\.\d+\.\d+)/.exec(range);
  if (!m) throw new Error(`peer range of ${name} has no lower bound: ${range}`);
  return `${name}@${m[1]}`;
}

/** The synthesized resources and outputs of a run, for comparing toolkit versions. */
function synthesized(dir: string, cloud: Cloud): unknown {
  const out = join(dir, cloud.output);
  if (cloud.output === 'cdk.out') {
    return readdirSync(out)
      .filter((f) => f.endsWith('.template.json'))
      .map((f) => {
        const t = JSON.parse(readFileSync(join(out, f), 'utf8'));
        return { Resources: t.Resources, Outputs: t.Outputs };
      });
  }
  const stacks = join(out, 'stacks');
  return readdirSync(stacks).map((s) => {
    const tf = JSON.parse(readFileSync(join(stacks, s, 'cdk.tf.json'), 'utf8'));
    return { resource: tf.resource, output: tf.output };
  });
}

/** The version this repository builds and tests against (the one installed here). */
function pinned(name: string): string {
  return `${name}@${JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version}`;
}

/** The ```ts blocks of a README section (### heading), in order. */
function snippets(readme: string, section: string): string[] {
  const start = readme.indexOf(`### ${section}\n`);
  if (start < 0) throw new Error(`README has no section '### ${section}'`);
  const end = readme.slice(start + 4).search(/\n#{2,3} /);
  const body = readme.slice(start, end < 0 ? undefined : start + 4 + end);
  return [...body.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** One program from the snippets: imports first (deduplicated), then the statements, then app.synth() if missing. */
function program(blocks: readonly string[]): string {
  const imports = new Set<string>();
  const body: string[] = [];
  for (const line of blocks.join('\n').split('\n')) (/^import /.test(line) ? imports.add(line) : body.push(line));
  const text = body.join('\n');
  return `${[...imports].join('\n')}\n${text}${/app\.synth\(\)/.test(text) ? '' : '\napp.synth();\n'}`;
}

function sh(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CHECKPOINT_DISABLE: '1', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false', ...env },
  });
}

function duMb(dir: string): number {
  return Math.round(Number(sh('du', ['-sk', dir], ROOT).split('\t')[0]) / 1024);
}

function main(): void {
  const only = process.argv[2];
  if (!existsSync(join(ROOT, 'lib', 'index.js')) || !existsSync(join(ROOT, '.jsii'))) throw new Error('lib/ is missing: run `npx projen compile` first');
  const scratch = mkdtempSync(join(tmpdir(), 'replay-storage-consumer-'));
  const packed = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', scratch], ROOT))[0];
  const tarball = join(scratch, packed.filename);
  console.log(`packed ${packed.filename}: ${Math.round(packed.size / 1024)} kB, ${packed.entryCount} files`);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  let failed = 0;
  for (const cloud of CLOUDS.filter((c) => !only || c.name === only)) {
    const app = join(scratch, cloud.name);
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: `consumer-${cloud.name}`, private: true }, null, 2));
    const started = Date.now();
    // As the README's Install section says: the library plus this cloud's toolkit (and TypeScript to build the app).
    sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...cloud.toolkit.map(pinned), pinned('typescript'), pinned('@types/node')], app);
    const installSeconds = ((Date.now() - started) / 1000).toFixed(1);
    const leaked = cloud.foreign.filter((f) => existsSync(join(app, 'node_modules', f, 'package.json')));
    // `migrate`'s tag step: the SDK calls are bundled in the package, none installed beside it.
    try {
      const probe = [
        "const root = require('node:path').dirname(require.resolve('replay-storage/package.json'));",
        "for (const m of ['s3', 'azure-blob']) console.log(`${m}: ${Object.keys(require(`${root}/lib/cli/sdk/${m}.js`)).join(', ')}`);",
      ].join('\n');
      console.log(`${cloud.name}: bundled SDK modules load with no SDK installed:\n${sh(process.execPath, ['-e', probe], app).trim()}`);
    } catch (e) {
      failed++;
      console.error(`${cloud.name}: bundled SDK modules: FAILED\n${(e as Error).message}`);
    }
    const source = program(cloud.sections.flatMap((s) => snippets(readme, s)));
    for (const [system, type] of [['cjs', 'commonjs'], ['esm', 'module']] as const) {
      const dir = join(app, system);
      mkdirSync(dir);
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ type }, null, 2));
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, outDir: 'dist', skipLibCheck: true, types: ['node'] }, include: ['main.ts'] }, null, 2),
      );
      // ESM resolves deep imports into packages without an exports map by file: the
      // providers' `lib/<resource>` needs `/index.js` there (the README says so).
      writeFileSync(join(dir, 'main.ts'), system === 'esm' ? source.replace(/(from '@cdktf\/provider-[a-z]+\/lib\/[a-z0-9-]+)'/g, "$1/index.js'") : source);
      try {
        sh(join(app, 'node_modules', '.bin', 'tsc'), ['-p', '.'], dir);
        // What `cdk synth` sets for the app; cdktf apps write cdktf.out/ by themselves.
        sh(process.execPath, [join('dist', 'main.js')], dir, { CDK_OUTDIR: 'cdk.out' });
        if (!existsSync(join(dir, cloud.output)) || readdirSync(join(dir, cloud.output)).length === 0) throw new Error(`no ${cloud.output}/ after running the app`);
        console.log(`${cloud.name} ${system}: README snippets type-check, compile and synthesize`);
      } catch (e) {
        failed++;
        const err = e as { stdout?: string; stderr?: string; message: string };
        console.error(`${cloud.name} ${system}: FAILED\n${err.stdout ?? ''}${err.stderr ?? ''}${err.message}`);
      }
    }
    console.log(`${cloud.name}: install ${installSeconds} s, node_modules ${duMb(join(app, 'node_modules'))} MB; other clouds' toolkits: ${leaked.join(', ') || 'none'}`);
    if (leaked.length) failed++;

    // The peer floor: the oldest toolkit versions the package accepts must synthesize the same document.
    const floorApp = join(scratch, `${cloud.name}-floor`);
    mkdirSync(join(floorApp, 'cjs'), { recursive: true });
    writeFileSync(join(floorApp, 'package.json'), JSON.stringify({ name: `consumer-${cloud.name}-floor`, private: true }, null, 2));
    const floors = cloud.toolkit.map(floor);
    try {
      sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...floors, pinned('typescript'), pinned('@types/node')], floorApp);
      for (const f of ['package.json', 'tsconfig.json', 'main.ts']) writeFileSync(join(floorApp, 'cjs', f), readFileSync(join(app, 'cjs', f)));
      sh(join(floorApp, 'node_modules', '.bin', 'tsc'), ['-p', '.'], join(floorApp, 'cjs'));
      sh(process.execPath, [join('dist', 'main.js')], join(floorApp, 'cjs'), { CDK_OUTDIR: 'cdk.out' });
      const same = JSON.stringify(synthesized(join(floorApp, 'cjs'), cloud)) === JSON.stringify(synthesized(join(app, 'cjs'), cloud));
      if (!same) throw new Error('the document differs from the one the current toolkit synthesizes');
      console.log(`${cloud.name} floor (${floors.join(' ')}): synthesizes the same document`);
    } catch (e) {
      failed++;
      const err = e as { stdout?: string; stderr?: string; message: string };
      console.error(`${cloud.name} floor (${floors.join(' ')}): FAILED\n${err.stdout ?? ''}${err.stderr ?? ''}${err.message}`);
    }
  }
  console.log(failed ? `${failed} consumer check(s) failed.` : 'Every consumer check passed.');
  process.exit(failed ? 1 : 0);
}

main();
