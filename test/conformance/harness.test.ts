/**
 * The harness leaves nothing running: a stopped process takes its whole
 * process group with it, grandchildren included.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ManagedProcess } from './harness/processes';
import { selfSignedCertificate } from './harness/self-signed';

/** Running (a zombie waiting for its new parent to reap it counts as gone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Whether the process is gone within a second (a SIGKILL lands asynchronously). */
async function goneSoon(pid: number): Promise<boolean> {
  for (let i = 0; i < 40 && alive(pid); i++) await new Promise((r) => setTimeout(r, 25));
  return !alive(pid);
}

test('stop() ends the process and everything it started', async () => {
  // A child that ignores SIGTERM and a grandchild in the background.
  const p = new ManagedProcess('sleeper', 'bash', ['-c', "trap '' TERM; sleep 300 & echo grandchild $!; cat >/dev/null; sleep 300"]);
  const [, grandchild] = await p.waitFor(/grandchild (\d+)/, 5000);
  expect(alive(Number(grandchild))).toBe(true);
  await p.stop(600);
  expect(p.alive).toBe(false);
  expect(await goneSoon(p.child.pid!)).toBe(true);
  expect(await goneSoon(Number(grandchild))).toBe(true);
});

test('waitFor reports a process that exits without the line', async () => {
  const p = new ManagedProcess('quitter', 'bash', ['-c', 'echo starting; exit 3']);
  await expect(p.waitFor(/READY/, 5000)).rejects.toThrow(/quitter exited before printing \/READY\/:\nstarting/);
  await p.stop();
});

test('the page server certificate names every dashboard host', () => {
  const { cert } = selfSignedCertificate(['openreplay.example.com', 'other.example.com']);
  const x = new X509Certificate(cert);
  expect(x.subjectAltName).toBe('DNS:openreplay.example.com, DNS:other.example.com');
  expect(x.verify(x.publicKey)).toBe(true);
});
