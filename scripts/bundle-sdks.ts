/**
 * Bundles the SDK modules of `replay-storage migrate` (src/cli/sdk/*.ts:
 * the few AWS and Azure SDK exports its attribute step uses) into
 * self-contained CommonJS files, written over what jsii compiled for them,
 * with a THIRD-PARTY-LICENSES.md naming every bundled package.
 *
 * Why a bundle: the two SDK packages install 59 MB (54 packages) as
 * dependencies; bundled, the exports the command uses are about 1.5 MB, and
 * an AWS-, GCP- or Azure-only construct user installs nothing more.
 *
 *   tsx scripts/bundle-sdks.ts [outdir]          # default lib/cli/sdk (run by the compile task)
 *   tsx scripts/bundle-sdks.ts --check [outdir]  # fails unless outdir holds the bundles (run before packaging:
 *                                                # a bare `jsii` build writes the plain re-exports over them)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { build, type Metafile } from 'esbuild';

const ROOT = join(__dirname, '..');
const SOURCES = join(ROOT, 'src', 'cli', 'sdk');
export const SDK_MODULES = ['s3', 'azure-blob'] as const;
export const LICENSES_FILE = 'THIRD-PARTY-LICENSES.md';
/** First line of every bundle; what `--check` looks for. */
export const BUNDLE_BANNER = '/* replay-storage: bundled by scripts/bundle-sdks.ts; licenses in THIRD-PARTY-LICENSES.md */';

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
  /** What each bundle still imports at run time (esbuild's external imports): Node's own modules only. */
  readonly externals: Record<(typeof SDK_MODULES)[number], readonly string[]>;
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
  return withLicenseTexts([...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version)));
}

/**
 * A package that ships no license file gets the text of its declared
 * license as another bundled package ships it, with the package's own
 * author (or, lacking one, its repository) named as the copyright holder.
 */
function withLicenseTexts(packages: BundledPackage[]): BundledPackage[] {
  const license = (p: BundledPackage) => p.texts.find((t) => /^licen[cs]e/i.test(t.file));
  return packages.map((p) => {
    if (license(p)) return p;
    const donor = packages.find((o) => o.license === p.license && license(o));
    if (!donor) throw new Error(`${p.name}@${p.version} ships no license file and no bundled package ships the ${p.license} text`);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules', p.name, 'package.json'), 'utf8')) as { author?: string | { name?: string }; repository?: string | { url?: string } };
    const holder = (typeof pkg.author === 'string' ? pkg.author : pkg.author?.name) ?? (typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url) ?? p.name;
    const text =
      `${p.name}@${p.version} ships no license file; its package.json declares ${p.license} (copyright holder: ${holder}). ` +
      `The ${p.license} text, as ${donor.name} ships it:\n\n${license(donor)!.text}`;
    return { ...p, texts: [...p.texts, { file: `${p.license} (declared)`, text }] };
  });
}

/** Whether `file` is a bundle this script wrote (not jsii's plain re-export of the SDK package). */
export function isBundle(file: string): boolean {
  return existsSync(file) && readFileSync(file, 'utf8').startsWith(BUNDLE_BANNER);
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
    banner: { js: BUNDLE_BANNER },
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: ROOT,
  });
  if (result.warnings.length > 0) throw new Error(`bundling the SDKs warned:\n${result.warnings.map((w) => w.text).join('\n')}`);
  const packages = packagesOf(result.metafile);
  writeFileSync(join(outdir, LICENSES_FILE), licensesMarkdown(packages));
  const files = {} as Record<(typeof SDK_MODULES)[number], { path: string; bytes: number }>;
  const externals = {} as Record<(typeof SDK_MODULES)[number], string[]>;
  for (const m of SDK_MODULES) {
    const path = join(outdir, `${m}.js`);
    if (!existsSync(path)) throw new Error(`esbuild wrote no ${relative(ROOT, path)}`);
    files[m] = { path, bytes: readFileSync(path).length };
    const [, output] = Object.entries(result.metafile.outputs).find(([out]) => join(ROOT, out) === path) ?? [];
    if (!output) throw new Error(`esbuild's metafile has no ${relative(ROOT, path)}`);
    externals[m] = [...new Set(output.imports.filter((i) => i.external).map((i) => i.path))].sort();
  }
  return { files, packages, externals };
}

if (require.main === module) {
  const check = process.argv[2] === '--check';
  const outdir = resolve(ROOT, process.argv[check ? 3 : 2] ?? join('lib', 'cli', 'sdk'));
  if (check) {
    const plain = SDK_MODULES.filter((m) => !isBundle(join(outdir, `${m}.js`)));
    if (plain.length > 0) {
      console.error(`${relative(ROOT, outdir)}: ${plain.map((m) => `${m}.js`).join(', ')} not bundled (a bare jsii build overwrote them?): run \`npx projen compile\``);
      process.exit(1);
    }
    console.log(`${relative(ROOT, outdir)}: the SDK modules are bundled`);
    process.exit(0);
  }
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
