/**
 * Where `values` writes: only under --out, whatever the names in the
 * outputs file or the links already there; never over an existing file
 * without --force; and file system problems said in words.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, readOut, runCli, tempDir, valuesRunner, writeJson } from './support/cli';
import { movePrefix } from './support/hostile-outputs';
import { deployedOutputs } from './support/outputs-files';
import { describeFsError } from '../../src/cli/fs-errors';
import { OutputDirectory, safePathSegment, uniqueSegments } from '../../src/cli/out-dir';

const { dir, fresh, valuesFor } = valuesRunner('values-paths');
const logRocket = () => deployedOutputs('aws-logrocket').LogRocketStorageExample;

describe('names from the outputs file never leave --out', () => {
  test('prefixes that are path tricks (.., ., /, \\, NUL, newline, a device name, a very long name) become safe, distinct directories', async () => {
    const stack = logRocket();
    const prefixes = ['..', '.', '../../etc/', 'a/b', 'a_b', 'A_B', 'x\\..\\y', 'nul\u0000here', 'line\nbreak', 'CON', 'L'.repeat(300)];
    const outputs = { S: Object.assign({}, ...prefixes.map((p) => movePrefix(stack, 'LogRocket', p))) };
    const base = fresh();
    const out = join(base, 'out');
    const file = writeJson(dir, 'tricks.json', outputs);
    const r = await runCli(['values', '--outputs', file, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Nothing beside --out, one directory per construct, each a plain name.
    expect(readdirSync(base)).toEqual(['out']);
    const dirs = readdirSync(out).sort();
    expect(dirs).toEqual(
      ['__', '_', '___.._etc_', 'a_b', 'a_b-2', 'A_B-3', 'x_.._y', 'nul_here', 'line_break', '_CON', 'L'.repeat(64)].sort(),
    );
    for (const d of dirs) expect(listFiles(join(out, d))).toEqual(['values.yaml']);
  });

  test('stack names that are path tricks, when prefixes clash', async () => {
    const stack = logRocket();
    const r = await valuesFor({ '..': stack, '../..': stack, '/etc': stack });
    expect(r.code).toBe(0);
    expect(listFiles(r.out)).toEqual(['___..-LogRocket/values.yaml', '__-LogRocket/values.yaml', '_etc-LogRocket/values.yaml'].sort());
  });

  test('a path that would leave --out is refused, with the reason', () => {
    const out = new OutputDirectory('some/out', false);
    expect(() => out.pathOf('../values.yaml')).toThrow('refusing to write');
    expect(() => out.pathOf('/etc/passwd')).toThrow('is outside --out some/out');
    expect(() => out.pathOf('.')).toThrow('is outside --out');
    expect(out.pathOf('a/values.yaml').endsWith(join('some', 'out', 'a', 'values.yaml'))).toBe(true);
  });

  test('safePathSegment and uniqueSegments', () => {
    expect(['..', '.', '', '.hidden', 'trailing.', 'ok-Name_1.2', 'lpt1.txt', 'é'].map(safePathSegment)).toEqual(['__', '_', '_', '_hidden', 'trailing_', 'ok-Name_1.2', '_lpt1.txt', '_']);
    expect(uniqueSegments(['a', 'A', 'a', 'a-2'])).toEqual(['a', 'A-2', 'a-3', 'a-2-2']);
  });

  test('a symbolic link under --out that leads elsewhere is refused; nothing is written there', async () => {
    const both = { ...deployedOutputs('aws-openreplay'), ...deployedOutputs('aws-logrocket') };
    const out = fresh();
    const elsewhere = fresh();
    mkdirSync(out, { recursive: true });
    mkdirSync(elsewhere, { recursive: true });
    symlinkSync(elsewhere, join(out, 'LogRocket'));
    const r = await runCli(['values', '--outputs', writeJson(dir, 'both.json', both), '--out', out, '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`refusing to write ${join(out, 'LogRocket', 'values.yaml')}: a symbolic link under --out ${out} leads to ${elsewhere}, outside it.`);
    expect(readdirSync(elsewhere)).toEqual([]);
    // Checked before writing: the other construct's files are not there either.
    expect(existsSync(join(out, 'OpenReplay'))).toBe(false);
  });

  test('--force replaces a symbolic link in place of a file, never the file it points at', async () => {
    const first = await valuesFor(deployedOutputs('aws-logrocket'));
    const target = join(fresh(), 'precious.txt');
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, 'keep me');
    const link = join(first.out, 'values.yaml');
    rmSync(link);
    symlinkSync(target, link);
    const refused = await runCli(['values', '--outputs', first.file, '--out', first.out]);
    expect(refused.code).toBe(1);
    const forced = await runCli(['values', '--outputs', first.file, '--out', first.out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(lstatSync(link).isSymbolicLink()).toBe(false);
    expect(readOut(first.out, 'values.yaml')).toMatch(/^# LogRocket/);
  });
});

describe('existing files', () => {
  test('are never overwritten without --force: the error says how to proceed, and nothing is written', async () => {
    const first = await valuesFor(deployedOutputs('gcp-openreplay'));
    expect(first.code).toBe(0);
    writeFileSync(join(first.out, 'values.yaml'), 'edited: by hand\n');
    const again = await runCli(['values', '--outputs', first.file, '--out', first.out, '--include-secrets']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      `replay-storage values: refusing to overwrite 6 files in --out ${first.out} (${join(first.out, 'values.yaml')}, ${join(first.out, 'legacy', 'vars.yaml')}, ` +
        `${join(first.out, 'legacy', 'http.yaml')} and 3 more); nothing was written. Pass --force to replace them, or pass another --out directory.\n`,
    );
    expect(readOut(first.out, 'values.yaml')).toBe('edited: by hand\n');
    expect(existsSync(join(first.out, 'secret.yaml'))).toBe(false);

    const forced = await runCli(['values', '--outputs', first.file, '--out', first.out, '--include-secrets', '--force']);
    expect(forced.code).toBe(0);
    expect(readOut(first.out, 'values.yaml')).toMatch(/^# OpenReplay chart values/);
    expect(listFiles(first.out)).toContain('secret.yaml');
  });

  test('--help documents --force', async () => {
    expect((await runCli(['values', '--help'])).stdout).toContain('--force');
  });
});

describe('file system errors in words', () => {
  const outputs = () => writeJson(dir, `fs-${Math.random().toString(36).slice(2)}.json`, deployedOutputs('aws-logrocket'));

  test('--out is a file', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const r = await runCli(['values', '--outputs', outputs(), '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`replay-storage values: --out ${file} is a file, not a directory; pass a directory (it is created when missing).`);
    expect(r.stderr).not.toMatch(/EEXIST|ENOTDIR|EISDIR/);
  });

  test('--out below a file', async () => {
    const file = join(dir, 'another-file');
    writeFileSync(file, 'x');
    const r = await runCli(['values', '--outputs', outputs(), '--out', join(file, 'sub')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--out ${join(file, 'sub')}: a part of the path is a file, not a directory; pass a directory`);
  });

  test('a directory where a file goes', async () => {
    const out = fresh();
    mkdirSync(join(out, 'values.yaml'), { recursive: true });
    const r = await runCli(['values', '--outputs', outputs(), '--out', out, '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot write ${join(out, 'values.yaml')}: it is a directory. Remove it, or pass another --out directory.`);
  });

  test('a file where a directory goes', async () => {
    const out = fresh();
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'legacy'), 'x');
    const r = await runCli(['values', '--outputs', writeJson(dir, 'gcp.json', deployedOutputs('gcp-openreplay')), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot write ${join(out, 'legacy', 'vars.yaml')}: ${join(out, 'legacy')} is a file, not a directory. Remove it, or pass another --out directory.`);
  });

  test('--outputs is a directory', async () => {
    const r = await runCli(['values', '--outputs', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--outputs ${dir}: is a directory; pass the outputs file ('cdk deploy --outputs-file <file>'`);
    expect(r.stderr).not.toContain('EISDIR');
  });

  (process.getuid?.() === 0 ? test.skip : test)('--out in a directory without write permission', async () => {
    const parent = join(tempDir('values-locked'), 'locked');
    mkdirSync(parent);
    chmodSync(parent, 0o500);
    const r = await runCli(['values', '--outputs', outputs(), '--out', join(parent, 'out')]);
    chmodSync(parent, 0o700);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot write ${join(parent, 'out', 'values.yaml')}: permission denied. Pass another --out directory, or fix the permissions of this one.`);
  });

  test('each errno code in words', () => {
    const err = (code: string) => Object.assign(new Error(`${code}: something, open '/x'`), { code });
    expect(['EACCES', 'EISDIR', 'ENOTDIR', 'ENOENT', 'EROFS', 'ENOSPC'].map((c) => describeFsError(err(c)))).toEqual([
      'permission denied',
      'is a directory',
      'a part of the path is a file, not a directory',
      'no such file',
      'the file system is read-only',
      'no space left on the device',
    ]);
    expect(describeFsError(err('EWHATEVER'))).toBe('something');
  });
});
