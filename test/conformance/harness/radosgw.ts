/**
 * A one-node Ceph cluster with radosgw on loopback (start.sh next to this
 * file does the work), with one S3 user.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManagedProcess } from './processes';

export const RADOSGW_BINARIES = ['radosgw', 'radosgw-admin', 'ceph-mon', 'ceph-osd', 'monmaptool', 'ceph', 'uuidgen'];

export interface Radosgw {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Runs `radosgw-admin` against this cluster and returns what it printed. */
  admin(args: readonly string[]): string;
  stop(): Promise<void>;
}

/** How to start the cluster. */
export interface RadosgwOptions {
  /** Seconds one lifecycle "day" lasts (`rgw lc debug interval`); unset keeps real days. */
  readonly lcDebugInterval?: number;
}

/** `count` distinct ports free on 127.0.0.1 right now (Ceph daemons cannot take port 0). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<Server>((resolve, reject) => {
      const s = createServer();
      s.once('error', reject);
      s.listen(0, '127.0.0.1', () => resolve(s));
    })),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/** The last lines each daemon printed, for a failed start. */
function daemonLogTails(dir: string): string {
  try {
    return readdirSync(join(dir, 'log'))
      .filter((f) => f.endsWith('.out'))
      .map((f) => `--- ${f}\n${readFileSync(join(dir, 'log', f), 'utf8').split('\n').slice(-15).join('\n')}`)
      .join('\n');
  } catch {
    return '';
  }
}

async function startOnce(options: RadosgwOptions): Promise<Radosgw> {
  const dir = mkdtempSync(join(tmpdir(), 'replay-radosgw-'));
  const [monPort, rgwPort] = await freePorts(2);
  const accessKeyId = `RS${randomBytes(9).toString('hex').toUpperCase()}`;
  const secretAccessKey = randomBytes(30).toString('base64');
  const proc = new ManagedProcess('radosgw', 'bash', [join(__dirname, '..', 'radosgw', 'start.sh'), dir, String(monPort), String(rgwPort), accessKeyId, secretAccessKey], {
    env: {
      ...process.env,
      RADOSGW_MAX_SECONDS: '900',
      ...(options.lcDebugInterval !== undefined ? { RADOSGW_LC_DEBUG_INTERVAL: String(options.lcDebugInterval) } : {}),
    },
  });
  const admin = (args: readonly string[]) =>
    execFileSync('radosgw-admin', ['-c', join(dir, 'ceph.conf'), ...args], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = async () => {
    await proc.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const m = await proc.waitFor(/READY (http:\/\/127\.0\.0\.1:\d+)/, 60_000);
    return { endpoint: m[1], accessKeyId, secretAccessKey, admin, stop };
  } catch (e) {
    const logs = daemonLogTails(dir);
    await stop();
    throw new Error(`${(e as Error).message}\n${logs}`);
  }
}

/** Starts the cluster; a failed start is retried once, on fresh ports, and its reason logged. */
export async function startRadosgw(options: RadosgwOptions = {}): Promise<Radosgw> {
  try {
    return await startOnce(options);
  } catch (e) {
    // eslint-disable-next-line no-console
    console.warn(`radosgw start failed, retrying once:\n${(e as Error).message}`);
    return startOnce(options);
  }
}
