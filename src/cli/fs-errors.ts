/**
 * File system errors in words (`EISDIR: illegal operation on a directory,
 * read` becomes `is a directory`), for messages that name the path and say
 * what to do.
 */

/** What a code means for the path it happened on. */
const MEANINGS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'already exists',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  EBUSY: 'the file is busy',
};

/** The error's errno code (`ENOENT`, ...), if it has one. */
export function errnoCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A file system error in words; `overrides` replace the wording of some
 * codes (by meaning: `directory` for EISDIR, `missing` for ENOENT).
 */
export function describeFsError(e: unknown, overrides: { directory?: string; missing?: string } = {}): string {
  const code = errnoCode(e);
  if (code === 'EISDIR' && overrides.directory) return overrides.directory;
  if (code === 'ENOENT') return overrides.missing ?? 'no such file';
  if (code && MEANINGS[code]) return MEANINGS[code];
  // Anything else: its message without the `CODE: ` prefix and the path Node repeats.
  return (e as Error).message.replace(/^[A-Z_]+: /, '').replace(/, \w+ '[^']*'$/, '');
}
