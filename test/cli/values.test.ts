/**
 * `replay-storage values` on the outputs each example would print after a
 * deploy: the examples are synthesized here and their output references
 * resolved as CloudFormation / Terraform would.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listFiles, modeOf, readOut, runCli, valuesRunner } from './support/cli';
import { cdktfOutputsFile } from './support/deployed-outputs';
import { ExampleName, onlyStack, synthExample } from './support/examples';
import { deployedOutputs, outputValue } from './support/outputs-files';

const LEGACY = ['legacy/assets.yaml', 'legacy/chalice.yaml', 'legacy/http.yaml', 'legacy/storage.yaml', 'legacy/vars.yaml'];

const { dir, fresh, valuesFor } = valuesRunner('values');
const read = readOut;

describe.each<[ExampleName, string, string[]]>([
  ['aws-openreplay', 'OpenReplay', ['values.yaml', ...LEGACY]],
  ['gcp-openreplay', 'openreplay_', ['values.yaml', ...LEGACY]],
  ['azure-openreplay', 'openreplay_', ['values.yaml']],
  ['aws-logrocket', 'LogRocket', ['values.yaml']],
  ['gcp-logrocket', 'logrocket_', ['values.yaml']],
  ['azure-logrocket', 'logrocket_', ['values.yaml']],
])('values from examples/%s', (name, prefix, expectedFiles) => {
  const outputs = deployedOutputs(name);
  const key = (cfn: string, tf: string) => (prefix.endsWith('_') ? `${prefix}${tf}` : `${prefix}${cfn}`);

  test('writes the chart files, each parsing to the output it came from', async () => {
    const r = await valuesFor(outputs);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Product and cloud as the metadata says.
    const [cloud, product] = name.split('-');
    expect(r.stdout).toMatch(new RegExp(`^${product === 'openreplay' ? 'OpenReplayStorage' : 'LogRocketStorage'} \\(replay-storage/lib/${cloud}\\) '`));
    expect(listFiles(r.out)).toEqual([...expectedFiles].sort());
    const helm = parse(outputValue(outputs, key('HelmValues', 'helm_values')));
    expect(parse(read(r.out, 'values.yaml'))).toEqual(helm);
    for (const f of expectedFiles) {
      expect(modeOf(join(r.out, f))).toBe(0o644);
      expect(read(r.out, f)).toMatch(/^# .*\n# From output /);
    }
    if (name.endsWith('openreplay')) {
      expect(helm.minio).toEqual({ enabled: false });
      expect(helm.global.s3.recordingsBucket).toBe(outputValue(outputs, key('RecordingsBucket', 'recordings_bucket')));
      expect(helm.global.s3.assetsBucket).toBe(outputValue(outputs, key('AssetsBucket', 'assets_bucket')));
    } else {
      expect(helm.fileStorage.buckets.userFiles).toBe(outputValue(outputs, key('UserFilesBucket', 'user_files_bucket')));
    }
  });

  test('--include-secrets adds secret.yaml exactly where the metadata names a secret whose values are outputs', async () => {
    const r = await valuesFor(outputs, '--include-secrets');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const withSecret = name === 'gcp-openreplay' || name === 'azure-openreplay';
    expect(listFiles(r.out)).toEqual([...expectedFiles, ...(withSecret ? ['secret.yaml'] : [])].sort());
    // Terraform output files have one unnamed stack; the construct is its prefix.
    const label = prefix.endsWith('_') ? prefix.slice(0, -1) : `${onlyStack(synthExample(name)).stackName}/${prefix}`;
    expect(r.stdout).toContain(`'${label}':\n`);
  });

  if (expectedFiles.includes('legacy/vars.yaml')) {
    test('legacy files are the legacy outputs, one per file', async () => {
      const r = await valuesFor(outputs);
      for (const [file, cfn, tf] of [
        ['http.yaml', 'LegacyHttp', 'legacy_http'],
        ['storage.yaml', 'LegacyStorage', 'legacy_storage'],
        ['assets.yaml', 'LegacyAssets', 'legacy_assets'],
        ['chalice.yaml', 'LegacyChalice', 'legacy_chalice'],
        ['vars.yaml', 'LegacyVars', 'legacy_vars'],
      ]) {
        expect(parse(read(r.out, `legacy/${file}`))).toEqual(parse(outputValue(outputs, key(cfn, tf))));
      }
      // Without --include-secrets the secret key stays a placeholder.
      expect(parse(read(r.out, 'legacy/vars.yaml')).minio_secret_key).toMatch(/^</);
    });
  }
});

describe('key material', () => {
  test('sensitive Terraform outputs stay out unless --include-secrets (GCP OpenReplay)', async () => {
    const outputs = deployedOutputs('gcp-openreplay');
    const creds = outputs.openreplay_credentials.value;
    const plain = await valuesFor(outputs);
    expect(plain.code).toBe(0);
    for (const f of listFiles(plain.out)) {
      expect(read(plain.out, f)).not.toContain(creds['secret-key']);
    }
    expect(plain.stdout).toContain('left out key material (openreplay_credentials); pass --include-secrets');

    const r = await valuesFor(outputs, '--include-secrets');
    expect(r.code).toBe(0);
    expect(listFiles(r.out)).toContain('secret.yaml');
    const helm = parse(read(r.out, 'values.yaml'));
    const secret = parse(read(r.out, 'secret.yaml'));
    expect(secret).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: helm.global.s3.existingSecret, namespace: 'app' },
      type: 'Opaque',
      stringData: { 'access-key': creds['access-key'], 'secret-key': creds['secret-key'] },
    });
    expect(modeOf(join(r.out, 'secret.yaml'))).toBe(0o600);
    const vars = parse(read(r.out, 'legacy/vars.yaml'));
    expect(vars).toMatchObject({ minio_access_key: creds['access-key'], minio_secret_key: creds['secret-key'] });
    expect(modeOf(join(r.out, 'legacy/vars.yaml'))).toBe(0o600);
    expect(read(r.out, 'values.yaml')).not.toContain(creds['secret-key']);
  });

  test('a later run without --include-secrets points at the secret.yaml an earlier run left', async () => {
    const first = await valuesFor(deployedOutputs('azure-openreplay'), '--include-secrets');
    expect(first.code).toBe(0);
    const out = first.out;
    const again = await runCli(['values', '--outputs', first.file, '--out', out, '--force']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`note: ${join(out, 'secret.yaml')} is left from an earlier run and was not rewritten`);
  });

  test('Azure OpenReplay: secret.yaml is the secret every storage subchart reads AZURE_ACCOUNT_KEY from', async () => {
    const outputs = deployedOutputs('azure-openreplay');
    const accountKey = outputs.openreplay_account_key.value;
    const plain = await valuesFor(outputs);
    expect(read(plain.out, 'values.yaml')).not.toContain(accountKey);
    expect(plain.stdout).toContain('writes no legacy layout outputs');

    const r = await valuesFor(outputs, '--include-secrets');
    expect(r.code).toBe(0);
    const helm = parse(read(r.out, 'values.yaml'));
    const secret = parse(read(r.out, 'secret.yaml'));
    expect(secret.metadata).toEqual({ name: helm.api.existingSecret, namespace: 'app' });
    expect(secret.stringData).toEqual({ [helm.api.secretEnv.AZURE_ACCOUNT_KEY]: accountKey });
  });

  test('AWS: nothing to include; the note points at Secrets Manager', async () => {
    const r = await valuesFor(deployedOutputs('aws-openreplay'), '--include-secrets');
    expect(r.code).toBe(0);
    expect(existsSync(join(r.out, 'secret.yaml'))).toBe(false);
    expect(r.stdout).toContain(
      "the values of Kubernetes secret 'app/openreplay-object-storage' (access-key, secret-key) are not in the outputs file: " +
        'they stay in Secrets Manager (output OpenReplaySecretArn); run the command in output OpenReplayCreateSecretCommand.',
    );
  });

  test('Azure LogRocket: the account key has no chart key, so it is never written', async () => {
    const outputs = deployedOutputs('azure-logrocket');
    const r = await valuesFor(outputs, '--include-secrets');
    expect(r.code).toBe(0);
    expect(listFiles(r.out)).toEqual(['values.yaml']);
    expect(read(r.out, 'values.yaml')).not.toContain(outputs.logrocket_account_key.value);
    expect(r.stdout).toContain("logrocket_account_key holds key material the LogRocket chart has no documented key for; it was not written. Read it with 'terraform output -raw logrocket_account_key'");
    expect(r.stdout).toContain('storage account logrocketdemo4711');
  });

  test('a cdktf outputs file without the sensitive output cannot fill secret.yaml', async () => {
    const { stackName, doc } = onlyStack(synthExample('gcp-openreplay'));
    const outputs = cdktfOutputsFile(stackName, doc);
    expect(Object.keys((outputs[stackName] as any).OpenReplay)).not.toContain('Output_credentials');
    const plain = await valuesFor(outputs);
    expect(plain.code).toBe(0);
    const r = await valuesFor(outputs, '--include-secrets');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "output 'openreplay_credentials' of stack 'gcp-openreplay' is missing: metadata output 'openreplay_metadata' lists it, and it holds key material, which 'cdktf deploy --outputs-file' leaves out. " +
        "Use 'terraform output -json' (it includes sensitive values), or 'cdktf deploy --outputs-file <file> --outputs-file-include-sensitive-outputs'.",
    );
  });

  test('a sensitive output present but empty says where to get its value', async () => {
    const outputs = deployedOutputs('azure-openreplay');
    outputs.openreplay_account_key.value = '';
    const r = await valuesFor(outputs, '--include-secrets');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("output 'openreplay_account_key' holds key material but has no value in this file. Use 'terraform output -json'");
  });
  test('GCP credentials without the two keys the chart reads', async () => {
    const outputs = deployedOutputs('gcp-openreplay');
    outputs.openreplay_credentials.value = { id: 'x' };
    const r = await valuesFor(outputs, '--include-secrets');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "output 'openreplay_credentials' must be an object with a string 'access-key': metadata output 'openreplay_metadata' takes Kubernetes secret key 'access-key' from it " +
        "(got: an object with keys id). Pass the output as 'terraform output -json' wrote it.",
    );
  });

  test('an Azure account key that is not a string', async () => {
    const outputs = deployedOutputs('azure-openreplay');
    outputs.openreplay_account_key.value = { key: 'x' };
    const r = await valuesFor(outputs, '--include-secrets');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "output 'openreplay_account_key' must be a string, or an object with a string 'azure-account-key': metadata output 'openreplay_metadata' takes Kubernetes secret key 'azure-account-key' from it (got: an object with keys key).",
    );
    expect(r.stderr).not.toContain('"x"');
  });
});

describe('missing and bad outputs', () => {
  test('a missing HelmValues output names the output, the stack and the construct that makes it', async () => {
    const outputs = deployedOutputs('aws-openreplay');
    delete outputs.OpenReplayStorageExample.OpenReplayHelmValues;
    const r = await valuesFor(outputs);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "replay-storage values: output 'OpenReplayHelmValues' of stack 'OpenReplayStorageExample' is missing: metadata output 'OpenReplayMetadata' lists it, " +
        "so OpenReplayStorage (replay-storage/lib/aws) made it. Pass the complete outputs of the deploy ('cdk deploy --outputs-file <file>', 'cdktf deploy --outputs-file <file>' or 'terraform output -json > <file>'), " +
        'with no output removed.\n',
    );
    expect(existsSync(r.out)).toBe(false);
  });

  test('a missing legacy output is named, with its Terraform spelling and cloud', async () => {
    const outputs = deployedOutputs('gcp-openreplay');
    delete outputs.openreplay_legacy_chalice;
    const r = await valuesFor(outputs);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("output 'openreplay_legacy_chalice' is missing: metadata output 'openreplay_metadata' lists it, so OpenReplayStorage (replay-storage/lib/gcp) made it.");
  });

  test('LogRocket on Azure without helm_values', async () => {
    const outputs = deployedOutputs('azure-logrocket');
    delete outputs.logrocket_helm_values;
    const r = await valuesFor(outputs);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("output 'logrocket_helm_values' is missing: metadata output 'logrocket_metadata' lists it, so LogRocketStorage (replay-storage/lib/azure) made it.");
  });

  test('Helm values that are not YAML', async () => {
    const outputs = deployedOutputs('aws-logrocket');
    outputs.LogRocketStorageExample.LogRocketHelmValues = 'fileStorage: [unclosed';
    const r = await valuesFor(outputs);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/output 'LogRocketHelmValues' of stack 'LogRocketStorageExample' is not valid YAML/);
  });

  test('Helm values that are not a mapping', async () => {
    const outputs = deployedOutputs('aws-logrocket');
    outputs.LogRocketStorageExample.LogRocketHelmValues = '- a\n- b\n';
    const r = await valuesFor(outputs);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/output 'LogRocketHelmValues' of stack 'LogRocketStorageExample' must be a YAML mapping/);
  });

  test('a non-string output', async () => {
    const outputs = deployedOutputs('gcp-logrocket');
    outputs.logrocket_helm_values.value = ['not', 'text'];
    const r = await valuesFor(outputs);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("output 'logrocket_helm_values' must be a string");
  });

  test('outputs of a synthesized (not deployed) stack still hold references', async () => {
    const { doc } = onlyStack(synthExample('azure-openreplay'));
    const synthesized = Object.fromEntries(Object.entries<any>(doc.output).map(([k, o]) => [k, { value: o.value, type: 'string', sensitive: !!o.sensitive }]));
    const r = await valuesFor(synthesized);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("output 'openreplay_helm_values' still holds an unresolved reference (${trimsuffix(");
    expect(r.stderr).toContain('Pass the outputs of a deployed stack');
  });

  test('not JSON', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, 'Outputs:\n  a: b\n');
    const r = await runCli(['values', '--outputs', file, '--out', fresh()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json is not JSON \(.*\)\. Pass the file written by 'cdk deploy --outputs-file <file>', 'cdktf deploy --outputs-file <file>' or 'terraform output -json > <file>'\./);
  });

  test('an empty document', async () => {
    const r = await valuesFor({});
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('holds no outputs');
  });

  test('neither shape', async () => {
    const r = await valuesFor({ a: 'b' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is neither a stack outputs file');
  });

  test('outputs of some other stack', async () => {
    const r = await valuesFor({ Other: { ApiUrl: 'https://api.example.com' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "has no replay-storage outputs: no output named '<prefix>Metadata' (CloudFormation) or '<prefix>_metadata' (Terraform) holds replay-storage metadata (schema 'replay-storage/v1').",
    );
  });

  test('a file that does not exist', async () => {
    const r = await runCli(['values', '--outputs', join(dir, 'nope.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--outputs');
    expect(r.stderr).toContain('nope.json: no such file');
  });
});

describe('several constructs, selection and input', () => {
  const both = { ...deployedOutputs('aws-openreplay'), ...deployedOutputs('aws-logrocket') };

  test('each construct gets its own directory', async () => {
    const r = await valuesFor(both);
    expect(r.code).toBe(0);
    expect(listFiles(r.out)).toEqual(['LogRocket/values.yaml', ...['values.yaml', ...LEGACY].map((f) => `OpenReplay/${f}`)].sort());
    expect(r.stdout).toContain("OpenReplayStorage (replay-storage/lib/aws) 'OpenReplayStorageExample/OpenReplay':");
  });

  test('--prefix and --stack pick one', async () => {
    const byPrefix = await valuesFor(both, '--prefix', 'LogRocket');
    expect(listFiles(byPrefix.out)).toEqual(['values.yaml']);
    const byStack = await valuesFor(both, '--stack', 'OpenReplayStorageExample');
    expect(listFiles(byStack.out)).toEqual(['values.yaml', ...LEGACY].sort());
    const none = await valuesFor(both, '--prefix', 'Nope');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('matches --prefix Nope; found: OpenReplayStorageExample/OpenReplay, LogRocketStorageExample/LogRocket.');
  });

  test("reads stdin with '--outputs -'", async () => {
    const out = fresh();
    const r = await runCli(['values', '--outputs', '-', '--out', out], JSON.stringify(deployedOutputs('gcp-logrocket')));
    expect(r.code).toBe(0);
    expect(listFiles(out)).toEqual(['values.yaml']);
  });
});

describe('command line', () => {
  test('--help', async () => {
    const r = await runCli(['values', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: replay-storage values --outputs <file>/);
    expect(r.stdout).toContain('--include-secrets');
  });

  test('--outputs is required', async () => {
    const r = await runCli(['values']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("values: '--outputs <file>' is required");
    expect(r.stderr).toContain("Run 'replay-storage values --help'");
  });

  test('unknown flags and positionals are refused', async () => {
    const flag = await runCli(['values', '--outputs', 'x', '--nope']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--nope'");
    const positional = await runCli(['values', 'x.json']);
    expect(positional.code).toBe(2);
    expect(positional.stderr).toContain("Unexpected argument 'x.json'");
  });
});
