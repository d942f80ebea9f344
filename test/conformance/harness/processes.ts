/**
 * Child processes of the conformance suite: each runs in its own process
 * group and is stopped as a group (SIGTERM, then SIGKILL), on request and
 * as a last resort when the test process exits.
 */
import { ChildProcess, spawn } from 'node:child_process';

const running = new Set<ManagedProcess>();

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

process.once('exit', () => {
  for (const p of running) killGroup(p.child.pid, 'SIGKILL');
});

export interface SpawnOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** A started process, its captured output, and a stop that waits for it. */
export class ManagedProcess {
  public readonly child: ChildProcess;
  private out = '';
  private readonly exited: Promise<void>;

  constructor(public readonly name: string, command: string, args: readonly string[], options: SpawnOptions = {}) {
    this.child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    running.add(this);
    const keep = (chunk: Buffer) => {
      this.out = (this.out + chunk.toString('utf8')).slice(-20_000);
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.child.stdin!.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', () => {
        running.delete(this);
        resolve();
      });
      this.child.once('error', (e) => {
        this.out += `\n${e.message}`;
        running.delete(this);
        resolve();
      });
    });
  }

  /** Everything it printed so far (last 20 kB). */
  public get output(): string {
    return this.out;
  }

  public get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null && running.has(this);
  }

  /** Resolves with the first match of `pattern` in its output. */
  public waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const m = pattern.exec(this.out);
        if (m) {
          done();
          resolve(m);
        } else if (!this.alive) {
          done();
          reject(new Error(`${this.name} exited before printing ${pattern}:\n${this.out}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${this.name} did not print ${pattern} within ${timeoutMs} ms:\n${this.out}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.child.stdout!.off('data', check);
        this.child.stderr!.off('data', check);
        this.child.off('exit', check);
      };
      this.child.stdout!.on('data', check);
      this.child.stderr!.on('data', check);
      this.child.on('exit', check);
      check();
    });
  }

  /** Closes stdin (the polite stop), then SIGTERM, then SIGKILL, to the whole group. */
  public async stop(graceMs = 3000): Promise<void> {
    if (!running.has(this)) return;
    this.child.stdin!.end();
    if (await this.exitsWithin(graceMs / 2)) {
      killGroup(this.child.pid, 'SIGKILL'); // grandchildren still in the group
      return;
    }
    killGroup(this.child.pid, 'SIGTERM');
    if (await this.exitsWithin(graceMs / 2)) {
      killGroup(this.child.pid, 'SIGKILL');
      return;
    }
    killGroup(this.child.pid, 'SIGKILL');
    await this.exited;
  }

  private async exitsWithin(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    const result = await Promise.race([this.exited.then(() => true), timeout]);
    clearTimeout(timer);
    return result;
  }
}
