/**
 * What `values` takes from a construct's metadata: the Kubernetes secret's
 * name, namespace and keys, and which outputs exist. The Helm YAML and the
 * kubectl command are never parsed for them.
 */
import { parse } from 'yaml';
import { listFiles, modeOf, readOut, valuesRunner } from './support/cli';
import { gcpOpenReplayOutputs } from './support/custom-stacks';
import { deployedOutputs, editMetadata, outputValue, outputsFile } from './support/outputs-files';
import { findInstances, parseOutputs } from '../../src/cli/outputs';
import { valuesFiles } from '../../src/cli/values';

const { valuesFor } = valuesRunner('values-metadata');

/** Sets the metadata's Kubernetes secret name and namespace. */
function renameSecret(file: any, name: string, namespace: string): void {
  editMetadata(file, (m) => ({ ...m, kubernetesSecret: { ...m.kubernetesSecret, name, namespace } }));
}

describe('the Kubernetes secret', () => {
  test('a construct with its own secret name and namespace: secret.yaml is that secret, the one the values read', async () => {
    const outputs = gcpOpenReplayOutputs({ kubernetesSecretName: 'replay-gcs-keys', kubernetesNamespace: 'replay-prod' });
    const r = await valuesFor(outputs, '--include-secrets');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const secret = parse(readOut(r.out, 'secret.yaml'));
    expect(secret.metadata).toEqual({ name: 'replay-gcs-keys', namespace: 'replay-prod' });
    expect(parse(readOut(r.out, 'values.yaml')).global.s3.existingSecret).toBe('replay-gcs-keys');
    const creds = outputValue(outputs, 'openreplay_credentials');
    expect(secret.stringData).toEqual({ 'access-key': creds['access-key'], 'secret-key': creds['secret-key'] });
    expect(readOut(r.out, 'secret.yaml')).toMatch(/^# Kubernetes secret 'replay-gcs-keys' in namespace 'replay-prod', which the Helm values read\./);
  });

  test('GCP: name and namespace are the metadata\'s, whatever the Helm values say', async () => {
    const outputs = deployedOutputs('gcp-openreplay');
    renameSecret(outputs, 'named-in-metadata', 'replay-staging');
    const r = await valuesFor(outputs, '--include-secrets');
    expect(r.code).toBe(0);
    expect(parse(readOut(r.out, 'secret.yaml')).metadata).toEqual({ name: 'named-in-metadata', namespace: 'replay-staging' });
    expect(modeOf(`${r.out}/secret.yaml`)).toBe(0o600);
  });

  test('Azure: the secret keys are the metadata\'s too', async () => {
    const outputs = deployedOutputs('azure-openreplay');
    editMetadata(outputs, (m) => ({ ...m, kubernetesSecret: { name: 'blob-key', namespace: 'replay-prod', keys: { 'account-key': 'AccountKey' } } }));
    const r = await valuesFor(outputs, '--include-secrets');
    expect(r.code).toBe(0);
    expect(parse(readOut(r.out, 'secret.yaml'))).toMatchObject({
      metadata: { name: 'blob-key', namespace: 'replay-prod' },
      stringData: { 'account-key': outputValue(outputs, 'openreplay_account_key') },
    });
  });

  test('AWS: the note names the metadata\'s secret', async () => {
    const outputs = deployedOutputs('aws-openreplay');
    renameSecret(outputs, 'replay-s3', 'replay-prod');
    const r = await valuesFor(outputs, '--include-secrets');
    expect(r.code).toBe(0);
    expect(listFiles(r.out)).not.toContain('secret.yaml');
    expect(r.stdout).toContain("the values of Kubernetes secret 'replay-prod/replay-s3' (access-key, secret-key) are not in the outputs file");
  });

  test('metadata that names no secret: the key material is not written, and the note says why', async () => {
    const outputs = deployedOutputs('gcp-openreplay');
    editMetadata(outputs, ({ kubernetesSecret: _, ...m }) => m);
    const r = await valuesFor(outputs, '--include-secrets');
    expect(r.code).toBe(0);
    expect(listFiles(r.out)).not.toContain('secret.yaml');
    expect(r.stdout).toContain('note: openreplay: metadata output openreplay_metadata names no Kubernetes secret, so openreplay_credentials was not written.');
  });
});

describe('which outputs there are', () => {
  test('legacy files only for the legacy outputs the metadata lists', async () => {
    const outputs = deployedOutputs('gcp-openreplay');
    editMetadata(outputs, (m) => {
      delete m.outputs.LegacyChalice;
    });
    const r = await valuesFor(outputs);
    expect(r.code).toBe(0);
    expect(listFiles(r.out)).toEqual(['legacy/assets.yaml', 'legacy/http.yaml', 'legacy/storage.yaml', 'legacy/vars.yaml', 'values.yaml']);
  });

  test('an output the metadata does not list is never read', async () => {
    const outputs = deployedOutputs('aws-logrocket');
    editMetadata(outputs, (m) => {
      delete m.outputs.HelmValues;
    });
    const r = await valuesFor(outputs);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "LogRocketStorage (replay-storage/lib/aws) 'LogRocketStorageExample/LogRocket' has no HelmValues output: its metadata (output 'LogRocketMetadata') lists " +
        'LogRocketMetadata, LogRocketReplayPrefix, LogRocketUserFilesBucket, LogRocketRegion, LogRocketSecretArn. ' +
        'Deploy the stack with a version of replay-storage that emits it, and pass the outputs of that deploy.',
    );
  });
});

describe('chart version from the metadata', () => {
  test.each([
    ['aws-openreplay', 'v1.23.0'],
    ['gcp-openreplay', 'v1.23.0'],
    ['azure-openreplay', 'v1.27.0'],
  ])('%s: values.yaml says which chart release it needs', (example, version) => {
    const file = deployedOutputs(example as Parameters<typeof deployedOutputs>[0]);
    const [instance] = findInstances(parseOutputs(JSON.stringify(file), example));
    const values = valuesFiles(instance, { includeSecrets: false }).files.find((f) => f.path === 'values.yaml')!;
    expect(values.content).toContain(`(chart ${version} and later)`);
  });
});

describe('the same deployment in all three outputs formats', () => {
  test.each(['gcp-openreplay', 'azure-openreplay', 'gcp-logrocket', 'azure-logrocket'] as const)(
    '%s: values.yaml is the same from terraform output -json and cdktf deploy --outputs-file',
    (example) => {
      const yamlOf = (file: unknown) => {
        const [instance] = findInstances(parseOutputs(JSON.stringify(file), example));
        return valuesFiles(instance, { includeSecrets: false }).files.find((f) => f.path === 'values.yaml')!.content.split('\n').slice(2).join('\n');
      };
      expect(yamlOf(outputsFile(example, 'cdktf --outputs-file'))).toBe(yamlOf(outputsFile(example, 'terraform output -json')));
    },
  );
});
