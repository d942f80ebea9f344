import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importMode } from './imports';
import { measure, type Run } from '../lib/measure';
import { BIN, ROOT, TOOL_ENV } from '../lib/paths';
import { verdict, type Report } from '../lib/report';
import { fmtMs } from '../lib/stats';

const TOOLKITS = ['aws-cdk-lib', 'cdktf', '@cdktf/provider-google', '@cdktf/provider-azurerm'];

interface Profile {
  readonly name: string;
  /** Toolkit packages (pinned to the versions this repository builds against). */
  readonly deps: string[];
  /** Toolkit packages that must not be installed. */
  readonly forbidden: string[];
  /** Entry point the user requires. */
  readonly entry: string;
}

function pinned(name: string): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const v = String(pkg.devDependencies[name] ?? '').replace(/^[\^~]/, '');
  return v ? `${name}@${v}` : name;
}

function duMb(dir: string): number {
  const out = execFileSync('du', ['-sk', dir], { encoding: 'utf8' });
  return Number(out.split('\t')[0]) / 1024;
}

async function sh(cmd: string, args: string[], cwd: string, timeoutMs = 600_000): Promise<Run> {
  return measure(cmd, args, { cwd, env: { ...process.env, ...TOOL_ENV, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' }, timeoutMs });
}

export async function consumerFootprint(report: Report, options: { jsiiBuilt: boolean }): Promise<void> {
  report.heading(2, 'Consumer footprint');
  const scratch = join('/tmp', `replay-storage-consumer-${Date.now()}`);
  mkdirSync(scratch, { recursive: true });

  // npm pack needs a jsii build (lib/ and .jsii).
  let built = options.jsiiBuilt || (importMode().compiled && existsSync(join(ROOT, '.jsii')));
  let compileNote = built ? 'lib/ and .jsii from this run\'s jsii build (or already newer than src/)' : '';
  if (!built) {
    const compile = await sh(BIN('projen'), ['compile'], ROOT);
    built = compile.status === 0;
    compileNote = built ? `\`npx projen compile\` (${fmtMs(compile.wallMs)})` : `\`npx projen compile\` FAILED, packed the existing lib/: ${compile.stderr.split('\n').slice(0, 3).join(' ')}`;
  }
  // What ships must hold the migrate SDK bundles, not jsii's plain re-exports (see scripts/bundle-sdks.ts).
  const check = await sh(BIN('tsx'), ['scripts/bundle-sdks.ts', '--check', 'lib/cli/sdk'], ROOT);
  if (check.status !== 0) throw new Error(`not packing an incomplete lib/: ${check.stderr.trim()}`);
  const pack = await sh('npm', ['pack', '--json', '--pack-destination', scratch], ROOT);
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const packed = JSON.parse(pack.stdout)[0];
  const tarball = join(scratch, packed.filename);
  report.paragraph(
    `The library is packed with \`npm pack\` (${compileNote}): ${packed.filename}, ${(packed.size / 1024).toFixed(0)} kB packed, ` +
      `${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked, ${packed.entryCount} files. It is then installed in empty projects under ${scratch} the way ` +
      `a user of one cloud would: \`npm install <toolkit packages> <tarball>\` (npm ${(await sh('npm', ['--version'], ROOT)).stdout.trim()}, registry: npmjs). ` +
      'Installed size is `du -sk node_modules`. The smoke test requires the user\'s entry point and the package root in that project. ' +
      'Targets: an AWS-only user gets no Terraform provider packages; a GCP-only user gets neither aws-cdk-lib nor the Azure provider.',
  );

  const profiles: Profile[] = [
    { name: 'AWS only', deps: [pinned('aws-cdk-lib'), pinned('constructs')], forbidden: ['cdktf', '@cdktf/provider-google', '@cdktf/provider-azurerm'], entry: 'replay-storage/lib/aws' },
    { name: 'GCP only', deps: [pinned('cdktf'), pinned('constructs'), pinned('@cdktf/provider-google')], forbidden: ['aws-cdk-lib', '@cdktf/provider-azurerm'], entry: 'replay-storage/lib/gcp' },
  ];
  const rows: string[][] = [];
  for (const p of profiles) {
    const dir = join(scratch, p.name.toLowerCase().replace(/\W+/g, '-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2));
    const install = await sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...p.deps, tarball], dir);
    if (install.status !== 0) {
      rows.push([p.name, `npm install ${p.deps.join(' ')} <tarball>`, 'FAILED', install.stderr.split('\n').slice(0, 3).join(' '), '', '', 'n/a']);
      report.figure({ section: 'Consumer', figure: `${p.name}: no other clouds' toolkits installed`, value: 'install failed', target: 'none', verdict: 'n/a' });
      continue;
    }
    const nm = join(dir, 'node_modules');
    const present = TOOLKITS.filter((t) => existsSync(join(nm, t, 'package.json')));
    const sizes = present.map((t) => `${t} ${Math.round(duMb(join(nm, t)))} MB`);
    const leaked = p.forbidden.filter((t) => present.includes(t));
    const entryOk = (await sh(process.execPath, ['-e', `require(${JSON.stringify(p.entry)})`], dir)).status === 0;
    const root = await sh(process.execPath, ['-e', "require('replay-storage')"], dir);
    const rootMsg = root.status === 0 ? 'loads' : `fails: ${/Cannot find module '([^']+)'/.exec(root.stderr)?.[0] ?? root.stderr.split('\n')[0]}`;
    rows.push([
      p.name,
      `npm install ${p.deps.join(' ')} <tarball> (${fmtMs(install.wallMs)})`,
      `${Math.round(duMb(nm))} MB`,
      sizes.join(', ') || 'none',
      `\`${p.entry}\` ${entryOk ? 'loads' : 'FAILS'}; \`replay-storage\` ${rootMsg}`,
      leaked.length ? `installed: ${leaked.join(', ')}` : 'none installed',
      verdict(leaked.length === 0),
    ]);
    report.figure({
      section: 'Consumer',
      figure: `${p.name}: other clouds' toolkits installed`,
      value: `${leaked.length ? leaked.join(', ') : 'none'}; node_modules ${Math.round(duMb(nm))} MB`,
      target: `none of ${p.forbidden.join(', ')}`,
      verdict: verdict(leaked.length === 0),
    });
  }
  report.table(['user', 'install', 'node_modules', 'toolkit packages present', 'smoke test', 'other clouds\' toolkits', 'verdict'], rows);
}
