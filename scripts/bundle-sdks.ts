/**
 * Bundles the SDK modules of `replay-storage migrate` (src/cli/sdk/*.ts:
 * the few AWS and Azure SDK exports its attribute step uses) into
 * self-contained CommonJS files, written over what jsii compiled for them,
 * with a THIRD-PARTY-LICENSES.md naming every bundled package.
 *
 * Why a bundle: the two SDK packages install 59 MB (54 packages) as
 * dependencies; bundled, the exports the command uses are about 1.4 MB, and
 * an AWS-, GCP- or Azure-only construct user installs nothing more.
 *
 *   tsx scripts/bundle-sdks.ts [outdir]     # default lib/cli/sdk (run by the compile task)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { build, type Metafile } from 'esbuild';

const ROOT = join(__dirname, '..');
const SOURCES = join(ROOT, 'src', 'cli', 'sdk');
export const SDK_MODULES = ['s3', 'azure-blob'] as const;
export const LICENSES_FILE = 'THIRD-PARTY-LICENSES.md';

export interface BundledPackage {
  readonly name: string;
  readonly version: string;
  readonly license: string;
  /** LICENSE and NOTICE texts shipped with the package. */
  readonly texts: readonly { readonly file: string; readonly text: string }[];
}

export interface BundleResult {
  readonly files: Record<(typeof SDK_MODULES)[number], { readonly path: string; readonly bytes: number }>;
  readonly packages: readonly BundledPackage[];
}

/** The package directory of a bundled input (`node_modules/@scope/name/...`, nested installs included). */
function packageDir(input: string): string | undefined {
  const parts = input.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  const take = parts[at + 1]?.startsWith('@') ? 3 : 2;
  return parts.slice(0, at + take).join(sep);
}

function describePackage(dir: string): BundledPackage {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
  const texts = readdirSync(dir)
    .filter((f) => /^(licen[cs]e|notice|copying)(\.|$)/i.test(f))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8').trim() }));
  if (!pkg.license && texts.length === 0) throw new Error(`${pkg.name}@${pkg.version} declares no license: it cannot be bundled`);
  return { name: pkg.name, version: pkg.version, license: pkg.license ?? 'see text', texts };
}

function packagesOf(metafile: Metafile): BundledPackage[] {
  const dirs = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const dir = packageDir(input);
    if (dir) dirs.add(join(ROOT, dir));
  }
  const packages = [...dirs].map(describePackage);
  const seen = new Map(packages.map((p) => [`${p.name}@${p.version}`, p]));
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

function licensesMarkdown(packages: readonly BundledPackage[]): string {
  const lines = [
    '# Third-party software bundled in lib/cli/sdk',
    '',
    'The files in this folder bundle parts of the packages below (used by `replay-storage migrate` to read and write object tags and blob headers). Each is listed with its license.',
    '',
    '| package | version | license |',
    '|---|---|---|',
    ...packages.map((p) => `| ${p.name} | ${p.version} | ${p.license} |`),
    '',
  ];
  for (const p of packages) {
    lines.push(`## ${p.name}@${p.version} (${p.license})`, '');
    if (p.texts.length === 0) lines.push(`The package ships no license file; its package.json declares ${p.license}.`, '');
    for (const t of p.texts) lines.push(`### ${t.file}`, '', '```text', t.text, '```', '');
  }
  return lines.join('\n');
}

/** Bundles each SDK module into `outdir` and writes the licenses file there. */
export async function bundleSdks(outdir: string): Promise<BundleResult> {
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    entryPoints: Object.fromEntries(SDK_MODULES.map((m) => [m, join(SOURCES, `${m}.ts`)])),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    minify: true,
    // Error and class names stay readable in a stack trace.
    keepNames: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: ROOT,
  });
  if (result.warnings.length > 0) throw new Error(`bundling the SDKs warned:\n${result.warnings.map((w) => w.text).join('\n')}`);
  const packages = packagesOf(result.metafile);
  writeFileSync(join(outdir, LICENSES_FILE), licensesMarkdown(packages));
  const files = {} as Record<(typeof SDK_MODULES)[number], { path: string; bytes: number }>;
  for (const m of SDK_MODULES) {
    const path = join(outdir, `${m}.js`);
    if (!existsSync(path)) throw new Error(`esbuild wrote no ${relative(ROOT, path)}`);
    files[m] = { path, bytes: readFileSync(path).length };
  }
  return { files, packages };
}

if (require.main === module) {
  const outdir = resolve(ROOT, process.argv[2] ?? join('lib', 'cli', 'sdk'));
  bundleSdks(outdir)
    .then(({ files, packages }) => {
      const sizes = Object.entries(files).map(([m, f]) => `${m}.js ${Math.round(f.bytes / 1024)} kB`);
      console.log(`bundled ${sizes.join(', ')} (${packages.length} packages) in ${relative(ROOT, dirname(files.s3.path))}`);
    })
    .catch((e: Error) => {
      console.error(e.message);
      process.exit(1);
    });
}
