import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './paths';

/** What one child process cost. */
export interface Run {
  /** Wall time from spawn to exit. */
  readonly wallMs: number;
  /** Peak resident memory of the largest single process in the tree (GNU time's "Maximum resident set size"). */
  readonly maxRssMb: number;
  /** Peak of the summed resident memory of the whole process tree, sampled every 100 ms (only when asked for). */
  readonly treeRssMb?: number;
  /** User + system CPU time of the child and its waited-for descendants (GNU time only). */
  readonly cpuMs?: number;
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface MeasureOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Sample the summed RSS of every process in the tree (for multi-process tools such as jest). */
  readonly sampleTree?: boolean;
  readonly timeoutMs?: number;
}

const GNU_TIME = '/usr/bin/time';
/** How peak memory is read: GNU time if present, else maxRSS reported by the (node) child itself. */
export const RSS_METHOD = existsSync(GNU_TIME)
  ? '`/usr/bin/time -v` (maximum resident set size of the child)'
  : '`process.resourceUsage().maxRSS` reported by the child at exit';
const RSS_PROBE = join(ROOT, 'bench', 'probes', 'max-rss.cjs');

/** Runs a command in a fresh child process and measures wall time and peak memory. */
export function measure(cmd: string, args: string[], options: MeasureOptions): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'replay-bench-'));
  const timeFile = join(dir, 'time.txt');
  const rssFile = join(dir, 'rss.txt');
  let file = cmd;
  let argv = args;
  const env: NodeJS.ProcessEnv = { ...options.env };
  if (existsSync(GNU_TIME)) {
    file = GNU_TIME;
    argv = ['-v', '-o', timeFile, cmd, ...args];
  } else if (cmd === process.execPath) {
    argv = ['--require', RSS_PROBE, ...args];
    env.BENCH_RSS_FILE = rssFile;
  }
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let treePeak = 0;
    const sampler = options.sampleTree
      ? setInterval(() => {
        treePeak = Math.max(treePeak, treeRssKb(child.pid!));
      }, 100)
      : undefined;
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (sampler) clearInterval(sampler);
      if (timer) clearTimeout(timer);
      let maxRssKb = NaN;
      let cpuMs: number | undefined;
      if (existsSync(timeFile)) {
        const report = readFileSync(timeFile, 'utf8');
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
        if (m) maxRssKb = Number(m[1]);
        const user = /User time \(seconds\): ([\d.]+)/.exec(report);
        const sys = /System time \(seconds\): ([\d.]+)/.exec(report);
        if (user && sys) cpuMs = (Number(user[1]) + Number(sys[1])) * 1000;
      } else if (existsSync(rssFile)) {
        maxRssKb = Number(readFileSync(rssFile, 'utf8'));
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({
        wallMs,
        maxRssMb: maxRssKb / 1024,
        treeRssMb: sampler ? treePeak / 1024 : undefined,
        cpuMs,
        status: code ?? 1,
        stdout,
        stderr,
      });
    });
  });
}

/** Summed RSS (kB) of a process and all its descendants, from /proc. */
function treeRssKb(rootPid: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return 0;
  }
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(e), Number(fields[1]));
      rss.set(Number(e), Number(fields[21]) * 4);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  for (const [pid, kb] of rss) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) {
      if (p === rootPid) {
        total += kb;
        break;
      }
    }
  }
  return total;
}

/** Runs `measure` `times` times in sequence. */
export async function repeat(times: number, run: (i: number) => Promise<Run>): Promise<Run[]> {
  const runs: Run[] = [];
  for (let i = 0; i < times; i++) runs.push(await run(i));
  return runs;
}

/** Throws with the child's output when it failed. */
export function ensureOk(run: Run, what: string): Run {
  if (run.status !== 0) {
    throw new Error(`${what} failed (exit ${run.status}):\n${(run.stderr || run.stdout).split('\n').slice(0, 25).join('\n')}`);
  }
  return run;
}
