/**
 * Writing under `--out`: names from the outputs file become safe directory
 * names, every path is resolved and must stay inside `--out` (symbolic links
 * included), existing files are replaced only with `--force`, and file
 * system errors are said in words with the fix.
 */
import { closeSync, fchmodSync, lstatSync, mkdirSync, openSync, realpathSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { describeFsError, errnoCode } from './fs-errors';
import { CliError, UsageError } from './io';
import { printable } from './printable';

/** Longest directory name made from an outputs file name. */
const MAX_SEGMENT = 64;

/** Names Windows reserves whatever the extension. */
const WINDOWS_RESERVED = /^(?:CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(?:\..*)?$/i;

/**
 * One path segment from a name in an outputs file: letters, digits, `.`,
 * `_` and `-` only (so no `/`, `\`, NUL or line break), never `.` or `..`
 * (leading and trailing dots become `_`), never a reserved Windows device
 * name, at most 64 characters, never empty.
 */
export function safePathSegment(name: string): string {
  let s = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+|\.+$/g, (dots) => '_'.repeat(dots.length));
  if (s.length > MAX_SEGMENT) s = s.slice(0, MAX_SEGMENT);
  if (WINDOWS_RESERVED.test(s)) s = `_${s}`;
  return s === '' ? '_' : s;
}

/** The segments with later duplicates (compared case-insensitively, as macOS and Windows do) numbered `-2`, `-3`, ... */
export function uniqueSegments(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name}-${n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** Whether `path` is `root` or below it (both absolute, resolved). */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The deepest part of `path` that exists, resolved through symbolic links. */
function realExistingAncestor(path: string): string {
  for (let p = path; ; p = dirname(p)) {
    try {
      return join(realpathSync(p), relative(p, path));
    } catch (e) {
      if (dirname(p) === p || (errnoCode(e) !== 'ENOENT' && errnoCode(e) !== 'ENOTDIR')) return path;
    }
  }
}

/** The directory `values` writes into, and the rules for writing there. */
export class OutputDirectory {
  /** `--out`, absolute. */
  private readonly root: string;

  constructor(private readonly out: string, private readonly force: boolean) {
    this.root = resolve(out);
  }

  /** A path under `--out` as the user wrote `--out`, for messages. */
  public shown(relativePath: string): string {
    return printable(join(this.out, relativePath));
  }

  /** The absolute path of a file under `--out`; refuses any path that leaves it. */
  public pathOf(relativePath: string): string {
    const path = resolve(this.root, relativePath);
    if (!isInside(this.root, path) || path === this.root) {
      throw new CliError(`refusing to write ${printable(path)}: it is outside --out ${printable(this.out)}.`);
    }
    return path;
  }

  /**
   * Checks, before anything is written: `--out` is a directory (or can be
   * created), no path leads outside it through a symbolic link, no file is
   * a directory, and no file exists unless `--force`.
   */
  public check(paths: readonly string[]): void {
    this.checkRoot();
    const existing: string[] = [];
    for (const path of paths) {
      this.checkRealLocation(path);
      const blocking = fileInTheWay(dirname(path));
      if (blocking) {
        throw new CliError(`cannot write ${printable(path)}: ${printable(blocking)} is a file, not a directory. Remove it, or pass another --out directory.`);
      }
      const stat = lstatOrUndefined(path);
      if (!stat) continue;
      if (stat.isDirectory()) {
        throw new CliError(`cannot write ${printable(path)}: it is a directory. Remove it, or pass another --out directory.`);
      }
      existing.push(path);
    }
    if (existing.length > 0 && !this.force) {
      const shown = existing.slice(0, 3).map(printable).join(', ') + (existing.length > 3 ? ` and ${existing.length - 3} more` : '');
      throw new CliError(
        `refusing to overwrite ${existing.length === 1 ? 'a file' : `${existing.length} files`} in --out ${printable(this.out)} (${shown}); nothing was written. ` +
          'Pass --force to replace them, or pass another --out directory.',
      );
    }
  }

  /**
   * Writes one file as a new file with `mode` (0600 files are never readable
   * by others, even for a moment); an existing one (checked by
   * {@link check}) is removed first, so a symbolic link in its place is
   * replaced, never followed.
   */
  public write(path: string, content: string, mode: number): void {
    this.attempt(path, () => mkdirSync(dirname(path), { recursive: true }));
    this.checkRealLocation(path);
    if (this.force && lstatOrUndefined(path)) this.attempt(path, () => unlinkSync(path));
    this.attempt(path, () => {
      const fd = openSync(path, 'wx', mode);
      try {
        writeSync(fd, content);
        fchmodSync(fd, mode);
      } finally {
        closeSync(fd);
      }
    });
  }

  private checkRoot(): void {
    let stat;
    try {
      stat = statSync(this.root);
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return;
      throw new UsageError(`values: --out ${printable(this.out)}: ${describeFsError(e)}; pass a directory (it is created when missing).`);
    }
    if (!stat.isDirectory()) throw new UsageError(`values: --out ${printable(this.out)} is a file, not a directory; pass a directory (it is created when missing).`);
  }

  /** Refuses a file whose existing parent directories lead, through a symbolic link, outside `--out`. */
  private checkRealLocation(path: string): void {
    const realRoot = realExistingAncestor(this.root);
    const realParent = realExistingAncestor(dirname(path));
    if (!isInside(realRoot, realParent)) {
      throw new CliError(
        `refusing to write ${printable(path)}: a symbolic link under --out ${printable(this.out)} leads to ${printable(realParent)}, outside it. Remove the link, or pass another --out directory.`,
      );
    }
  }

  private attempt(path: string, action: () => void): void {
    try {
      action();
    } catch (e) {
      if (errnoCode(e) === 'EEXIST') {
        throw new CliError(`cannot write ${printable(path)}: it (or a directory on its path) appeared while writing. Run the command again.`);
      }
      throw new CliError(`cannot write ${printable(path)}: ${describeFsError(e, { missing: 'its directory cannot be created' })}. Pass another --out directory, or fix the permissions of this one.`);
    }
  }
}

/** The deepest existing part of a directory path when it is not a directory (so nothing can be created below it). */
function fileInTheWay(directory: string): string | undefined {
  for (let p = directory; ; p = dirname(p)) {
    try {
      return statSync(p).isDirectory() ? undefined : p;
    } catch (e) {
      if (dirname(p) === p || (errnoCode(e) !== 'ENOENT' && errnoCode(e) !== 'ENOTDIR')) return undefined;
    }
  }
}

function lstatOrUndefined(path: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(path);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT' || errnoCode(e) === 'ENOTDIR') return undefined;
    throw new CliError(`cannot write ${printable(path)}: ${describeFsError(e)}.`);
  }
}
