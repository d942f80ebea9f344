/**
 * Runs rclone: one process per command, with the remotes' environment and
 * `--use-json-log`, so every log line (and every progress report, under
 * `stats`) arrives as JSON on stderr. stdout is read line by line; a
 * listing can be consumed as it arrives, with backpressure, instead of held
 * in memory. A signal sent to the command is passed on to rclone.
 */
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { CliError } from './io';
import type { RcloneSetup } from './migrate-remotes';

/** rclone's accounting, as `--use-json-log` reports it. */
export interface RcloneStats {
  readonly bytes: number;
  readonly totalBytes: number;
  readonly transfers: number;
  readonly totalTransfers: number;
  readonly checks: number;
  readonly totalChecks: number;
  readonly errors: number;
  /** Bytes per second. */
  readonly speed: number;
  /** Seconds left, when rclone knows. */
  readonly eta: number | null;
  readonly elapsedTime: number;
  readonly lastError?: string;
}

/** One JSON log line. */
export interface RcloneLog {
  readonly level: string;
  readonly msg: string;
  readonly object?: string;
  readonly stats?: RcloneStats;
}

export interface RcloneResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** stdout, unless it went to `onLine`. */
  readonly stdout: string;
  /** Error lines (JSON ones as their message) and lines that are not JSON, last 50. */
  readonly problems: readonly string[];
  /** rclone's notices (JSON level `warning`), last 50: summaries such as `N hashes could not be checked`. */
  readonly notices: readonly string[];
  /** The last progress report (the final one when rclone finished). */
  readonly stats?: RcloneStats;
}

export interface RunOptions {
  /** Each log line, as it arrives. */
  readonly onLog?: (log: RcloneLog) => void;
  /** Each stdout line; while `maxPending` of them are unfinished, rclone's output is paused. */
  readonly onLine?: (line: string) => Promise<void>;
  readonly maxPending?: number;
}

/** Lines of a stream, with the last partial one kept until its newline. */
function eachLine(stream: Readable, onLine: (line: string) => void): void {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const line of lines) onLine(line);
  });
  stream.on('end', () => {
    if (rest !== '') onLine(rest);
  });
}

function parseLog(line: string): RcloneLog | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const v = JSON.parse(line);
    return typeof v === 'object' && v !== null && typeof v.msg === 'string' ? (v as RcloneLog) : undefined;
  } catch {
    return undefined;
  }
}

export class Rclone {
  private readonly running = new Set<ReturnType<typeof spawn>>();

  constructor(private readonly binary: string, private readonly setup: RcloneSetup) {}

  /** Passes a signal on to every running rclone. */
  public interrupt(signal: NodeJS.Signals): void {
    for (const child of this.running) child.kill(signal);
  }

  /** Runs one rclone command to its end. */
  public run(args: readonly string[], options: RunOptions = {}): Promise<RcloneResult> {
    const argv = [...this.setup.globalArgs, ...args];
    // Defence in depth: the remotes are built so that no key is ever on the command line.
    if (this.setup.secretValues.some((s) => s.length >= 8 && argv.some((a) => a.includes(s)))) throw new Error('refusing to put a key on the rclone command line');
    return new Promise((resolve, reject) => {
      const child = spawn(this.binary, argv, { env: this.setup.env, stdio: ['ignore', 'pipe', 'pipe'] });
      this.running.add(child);
      let stdout = '';
      let stats: RcloneStats | undefined;
      const problems: string[] = [];
      const notices: string[] = [];
      const pending = new Set<Promise<void>>();
      let lineError: unknown;
      const keep = (text: string, list = problems) => {
        list.push(text);
        if (list.length > 50) list.shift();
      };
      eachLine(child.stderr, (line) => {
        const log = parseLog(line);
        if (!log) {
          if (line.trim() !== '') keep(line.replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /, ''));
          return;
        }
        if (log.stats) stats = log.stats;
        else if (log.level === 'error' || log.level === 'critical') keep(log.object ? `${log.object}: ${log.msg}` : log.msg);
        else if (log.level === 'warning') keep(log.msg, notices);
        options.onLog?.(log);
      });
      eachLine(child.stdout, (line) => {
        if (!options.onLine) {
          stdout += `${line}\n`;
          return;
        }
        const task = options.onLine(line).catch((e) => {
          lineError ??= e;
        });
        pending.add(task);
        if (pending.size >= (options.maxPending ?? 16)) child.stdout.pause();
        void task.then(() => {
          pending.delete(task);
          if (pending.size < (options.maxPending ?? 16)) child.stdout.resume();
        });
      });
      child.once('error', (e) => {
        this.running.delete(child);
        const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
        reject(
          missing
            ? new CliError(`cannot run '${this.binary}': not found. Install rclone (1.59 or later: apt-get install rclone, brew install rclone, https://rclone.org/install/) or pass --rclone <path>.`)
            : e,
        );
      });
      child.once('close', (code, signal) => {
        this.running.delete(child);
        void Promise.all(pending).then(() => {
          if (lineError) reject(lineError);
          else resolve({ code, signal, stdout, problems, notices, stats });
        });
      });
    });
  }
}
