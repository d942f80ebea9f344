/**
 * Each cloud's entry point loads its own toolkit and nothing of the others'.
 * A fresh Node process requires the entry point and reports every package
 * in its module cache (a CommonJS require hook sees them all).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

interface LoadReport {
  /** Package name -> number of its files loaded. */
  readonly packages: Record<string, number>;
}

function loadEntryPoint(entry: string): LoadReport {
  const script = `
    const Module = require('node:module');
    const files = new Set();
    const load = Module._load;
    Module._load = function (request, parent, isMain) {
      const exported = load.apply(this, arguments);
      try { files.add(Module._resolveFilename(request, parent, isMain)); } catch {}
      return exported;
    };
    require(${JSON.stringify(join(ROOT, 'src', entry))});
    const packages = {};
    for (const f of files) {
      const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(f);
      if (m) packages[m[1]] = (packages[m[1]] || 0) + 1;
    }
    process.stdout.write(JSON.stringify({ packages }));
  `;
  const out = execFileSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' },
  });
  return JSON.parse(out) as LoadReport;
}

const TERRAFORM = ['cdktf', '@cdktf/provider-google', '@cdktf/provider-azurerm'];

describe('entry point isolation', () => {
  test('aws loads aws-cdk-lib and no cdktf module', () => {
    const { packages } = loadEntryPoint('aws');
    expect(packages['aws-cdk-lib']).toBeGreaterThan(0);
    for (const pkg of TERRAFORM) expect(packages[pkg]).toBeUndefined();
  });

  test.each([
    ['gcp', '@cdktf/provider-google', '@cdktf/provider-azurerm'],
    ['azure', '@cdktf/provider-azurerm', '@cdktf/provider-google'],
  ])('%s loads cdktf and its own provider by deep path only', (entry, own, other) => {
    const { packages } = loadEntryPoint(entry);
    expect(packages.cdktf).toBeGreaterThan(0);
    expect(packages['aws-cdk-lib']).toBeUndefined();
    expect(packages[other]).toBeUndefined();
    // The provider barrel would pull in over a thousand resource bindings.
    expect(packages[own]).toBeGreaterThan(0);
    expect(packages[own]).toBeLessThan(40);
  });
});

describe('a missing toolkit fails helpfully', () => {
  /** Requires `entry` in a fresh process where the given packages cannot be resolved; returns its error. */
  function loadWithout(entry: string, hidden: readonly string[]): string {
    const script = `
      const Module = require('node:module');
      const resolve = Module._resolveFilename;
      const hidden = ${JSON.stringify(hidden)};
      Module._resolveFilename = function (request, ...rest) {
        if (hidden.some((h) => request === h || request.startsWith(h + '/'))) {
          const e = new Error("Cannot find module '" + request + "'"); e.code = 'MODULE_NOT_FOUND'; throw e;
        }
        return resolve.call(this, request, ...rest);
      };
      try { require(${JSON.stringify(join(ROOT, 'src', entry))}); process.stdout.write('loaded'); }
      catch (e) { process.stdout.write(e.message); }
    `;
    return execFileSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], { cwd: ROOT, encoding: 'utf8' });
  }

  test('an AWS-only app importing the package root is told which package is missing and which entry point to import', () => {
    const message = loadWithout('index.ts', ['cdktf', '@cdktf/provider-google', '@cdktf/provider-azurerm']);
    expect(message).toMatch(/^replay-storage: the Google Cloud constructs need cdktf and @cdktf\/provider-google, which are not installed\./);
    expect(message).toContain("import that cloud's entry point instead of the package root (e.g. 'replay-storage/lib/aws')");
    expect(message).toContain('npm install cdktf constructs @cdktf/provider-google');
  });

  test('the AWS entry point loads without any cdktf package installed', () => {
    expect(loadWithout('aws/index.ts', ['cdktf', '@cdktf/provider-google', '@cdktf/provider-azurerm'])).toBe('loaded');
  });

  test('the Azure entry point names its own provider when it is missing', () => {
    expect(loadWithout('azure/index.ts', ['@cdktf/provider-azurerm'])).toMatch(/the Azure constructs need @cdktf\/provider-azurerm, which is not installed/);
  });
});
