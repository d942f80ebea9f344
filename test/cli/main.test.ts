/**
 * The executable itself: `lib/cli/main.js` is the package's `bin`, so the
 * source starts with a shebang and runs only when executed (tests import it).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const MAIN = join(__dirname, '..', '..', 'src', 'cli', 'main.ts');

function runMain(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--require', require.resolve('tsx/cjs'), MAIN, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

test('starts with a node shebang', () => {
  expect(readFileSync(MAIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
});

test('run as a program: exit status and streams', async () => {
  const [help, none, wrong] = await Promise.all([runMain(['verify', '--help']), runMain([]), runMain(['values', '--outputs', '/nonexistent.json'])]);
  expect(help).toMatchObject({ code: 0, stderr: '' });
  expect(help.stdout).toMatch(/^Usage: replay-storage verify/);
  expect(none.code).toBe(2);
  expect(none.stderr).toMatch(/^Usage: replay-storage <command>/);
  expect(wrong).toMatchObject({ code: 2, stdout: '' });
  expect(wrong.stderr).toContain('--outputs /nonexistent.json: no such file');
}, 20_000);

test('loads no package but yaml: the command ships without the cloud toolkits', async () => {
  const script = `
    require(${JSON.stringify(MAIN)});
    const packages = new Set();
    for (const f of Object.keys(require.cache)) {
      const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(f);
      if (m) packages.add(m[1]);
    }
    packages.delete('tsx');
    packages.delete('esbuild'); // tsx's compiler
    process.stdout.write(JSON.stringify([...packages].sort()));
  `;
  const out = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], { encoding: 'utf8' }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
  expect(JSON.parse(out)).toEqual(['yaml']);
}, 20_000);
