/**
 * The create-secret command, run for real in a shell with stand-ins for the
 * cloud CLIs and kubectl (jq is the real one): the Secret reaches kubectl on
 * stdin with the right name, namespace and keys, and the key material never
 * appears in any process's arguments.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubectlCreateSecretCommand, shellQuote } from '../../src/core/kubectl';
import { describeWithSystem, missingBinaries } from '../conformance/harness/system';

const SECRET = "s3cr3t/with'quote\"and$dollar";

/** Runs `command` with `aws`, `terraform` and `kubectl` stand-ins; returns what kubectl got and every argv seen. */
function run(command: string, sourceJson: string): { manifest: any; argv: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'kubectl-cmd-'));
  const log = join(dir, 'argv.log');
  const stub = (name: string, body: string) => {
    writeFileSync(join(dir, name), `#!/bin/sh\nprintf '%s\\n' "${name} $*" >> ${shellQuote(log)}\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  };
  writeFileSync(join(dir, 'source.json'), sourceJson);
  stub('aws', `cat ${shellQuote(join(dir, 'source.json'))}`);
  stub('terraform', `cat ${shellQuote(join(dir, 'source.json'))}`);
  stub('kubectl', `cat > ${shellQuote(join(dir, 'manifest.json'))}`);
  execFileSync('sh', ['-c', command], { env: { ...process.env, PATH: `${dir}:${process.env.PATH}` } });
  return { manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')), argv: readFileSync(log, 'utf8').split('\n') };
}

describe('shellQuote', () => {
  test.each(['plain', "it's", '$(rm -rf /)', '`x`', 'a b'])('%j survives the shell unchanged', (value) => {
    expect(execFileSync('sh', ['-c', `printf '%s' ${shellQuote(value)}`], { encoding: 'utf8' })).toBe(value);
  });
});

describeWithSystem('kubectlCreateSecretCommand, run', missingBinaries(['jq'], 'apt-get install -y jq'), () => {
  test('Secrets Manager JSON becomes the Secret; the key is in no argument', () => {
    const command = kubectlCreateSecretCommand({
      name: 'openreplay-object-storage',
      namespace: 'app',
      source: `aws secretsmanager get-secret-value --region ${shellQuote('eu-central-1')} --secret-id ${shellQuote('arn:aws:secretsmanager:eu-central-1:1:secret:x')} --query SecretString --output text`,
      stringData: '.',
    });
    const { manifest, argv } = run(command, JSON.stringify({ 'access-key': 'AKIA0000', 'secret-key': SECRET }));
    expect(manifest).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'Opaque',
      metadata: { name: 'openreplay-object-storage', namespace: 'app' },
      stringData: { 'access-key': 'AKIA0000', 'secret-key': SECRET },
    });
    expect(argv.join('\n')).not.toContain('s3cr3t');
    expect(argv).toContain('kubectl apply -f -');
  });

  test('a Terraform output becomes one key of the Secret', () => {
    const command = kubectlCreateSecretCommand({
      name: 'replay',
      namespace: 'openreplay',
      source: `terraform output -json ${shellQuote('openreplay_account_key')}`,
      stringData: '{"azure-account-key": .}',
    });
    const { manifest, argv } = run(command, JSON.stringify(SECRET));
    expect(manifest.metadata).toEqual({ name: 'replay', namespace: 'openreplay' });
    expect(manifest.stringData).toEqual({ 'azure-account-key': SECRET });
    expect(argv.join('\n')).not.toContain('s3cr3t');
  });
});
