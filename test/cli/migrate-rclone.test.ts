/**
 * The rclone runner's last line of defence: a key that reached an argument
 * is refused before any process starts (the remotes keep keys in the
 * environment; test/cli/migrate-remotes.test.ts shows none reaches argv).
 */
import { Rclone } from '../../src/cli/migrate-rclone';

test('an argument holding a secret key is refused before rclone starts', () => {
  const rclone = new Rclone('/nonexistent/rclone', { env: {}, globalArgs: ['--config', '/tmp/x.conf'], secretValues: ['s3cr3t-key-value'] });
  expect(() => rclone.run(['copy', 'minio:mobs', 'target:mobs', '--header', 'x=s3cr3t-key-value'])).toThrow('refusing to put a key on the rclone command line');
});
