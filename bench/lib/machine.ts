import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, totalmem, type as osType } from 'node:os';
import { ROOT } from './paths';

/** The machine and checkout a run measured. */
export interface Machine {
  readonly os: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memory: string;
  readonly node: string;
  readonly commit: string;
  readonly load: string;
}

/** 1/5/15-minute load averages: other work on the machine skews wall times. */
export function loadAverage(): string {
  return loadavg().map((l) => l.toFixed(2)).join(' / ');
}

function distro(): string {
  if (!existsSync('/etc/os-release')) return '';
  const m = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'));
  return m ? m[1] : '';
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

export function describeMachine(): Machine {
  const gib = (b: number) => `${(b / 2 ** 30).toFixed(1)} GiB`;
  const head = git(['rev-parse', '--short', 'HEAD']);
  const dirty = git(['status', '--porcelain']).length > 0;
  return {
    os: [distro(), `${osType()} ${release()}`].filter(Boolean).join(', '),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory: `${gib(totalmem())} total, ${gib(freemem())} free at start`,
    node: process.version,
    commit: head ? `${head}${dirty ? ' + uncommitted changes' : ''}` : 'unknown',
    load: loadAverage(),
  };
}
