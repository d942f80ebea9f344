/**
 * `values` on outputs files with hostile names and values: whatever a name
 * or a value holds, each written file is exactly one YAML document of the
 * expected kind (as YAML 1.1 readers such as kubectl and Helm see it, and as
 * YAML 1.2 readers do), and nothing it printed can drive the terminal.
 */
import { parseAllDocuments } from 'yaml';
import { listFiles, readOut, valuesRunner } from './support/cli';
import { movePrefix, renameTerraformOutput, SMUGGLED_DOCUMENT } from './support/hostile-outputs';
import { deployedOutputs, editMetadata, outputValue } from './support/outputs-files';

const { valuesFor } = valuesRunner('values-injection');

/** The documents of a YAML text as both YAML versions read it; each must parse without errors. */
function documents(text: string): { v11: unknown[]; v12: unknown[] } {
  const read = (version: '1.1' | '1.2') => {
    const docs = parseAllDocuments(text, { version });
    if (!Array.isArray(docs)) return [];
    for (const d of docs) expect(d.errors).toEqual([]);
    return docs.map((d) => d.toJS());
  };
  return { v11: read('1.1'), v12: read('1.2') };
}

/** The one document of a file, the same to both YAML versions. */
function onlyDocument(text: string): any {
  const { v11, v12 } = documents(text);
  expect(v11).toHaveLength(1);
  expect(v12).toEqual(v11);
  return v11[0];
}

/** Characters YAML 1.1 (go-yaml) takes as line breaks besides \n and \r: none may be in a written file. */
const YAML11_BREAKS = /[\u0085\u2028\u2029]/;

/** The comment header: the lines before the first blank line, every one a comment. */
function header(text: string): string[] {
  return text.slice(0, text.indexOf('\n\n')).split('\n');
}

describe('names from the outputs file in the comment header', () => {
  test.each([
    ['a newline and a document marker', SMUGGLED_DOCUMENT],
    ['YAML 1.1 line breaks (U+2028, U+0085, U+2029)', '\u2028---\u2028apiVersion: rbac.authorization.k8s.io/v1\u0085kind: ClusterRoleBinding\u2029'],
    ['a carriage return and an escape sequence', '\r---\r\u001b[2Jkind: ClusterRoleBinding'],
  ])('output names holding %s: secret.yaml and values.yaml are one document each, of the expected kind', async (_what, smuggled) => {
    const outputs = deployedOutputs('gcp-openreplay');
    const helm = outputValue(outputs, 'openreplay_helm_values');
    renameTerraformOutput(outputs, 'openreplay_metadata', 'openreplay_helm_values', `openreplay_helm_values${smuggled}`);
    renameTerraformOutput(outputs, 'openreplay_metadata', 'openreplay_credentials', `openreplay_credentials${smuggled}`);
    const r = await valuesFor(outputs, '--include-secrets');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);

    const secretText = readOut(r.out, 'secret.yaml');
    const secret = onlyDocument(secretText);
    expect(secret).toMatchObject({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'openreplay-object-storage', namespace: 'app' } });
    expect(onlyDocument(readOut(r.out, 'values.yaml'))).toEqual(onlyDocument(helm));

    for (const file of ['secret.yaml', 'values.yaml']) {
      const text = readOut(r.out, file);
      expect(text).not.toMatch(YAML11_BREAKS);
      expect(text).not.toMatch(/[\r\u001b]/);
      expect(text).not.toMatch(/^(?:---|apiVersion: rbac|kind: ClusterRoleBinding)/m);
      expect(header(text).every((line) => line.startsWith('# '))).toBe(true);
    }
    // The name is still there to read, escaped.
    expect(header(secretText)[1]).toMatch(/^# From output openreplay_credentials\\[nrux]/);
  });

  test('a stack name holding a newline and a document: values.yaml is one document; the printed label is one line', async () => {
    const { OpenReplayStorageExample: stack } = deployedOutputs('aws-openreplay');
    const r = await valuesFor({ [`Example${SMUGGLED_DOCUMENT}`]: stack });
    expect(r.code).toBe(0);
    const text = readOut(r.out, 'values.yaml');
    expect(onlyDocument(text)).toEqual(onlyDocument(stack.OpenReplayHelmValues));
    expect(header(text)[1]).toBe("# From output OpenReplayHelmValues of stack Example\\n---\\napiVersion: rbac.authorization.k8s.io/v1\\nkind: ClusterRoleBinding; written by 'replay-storage values'.");
    expect(r.stdout.split('\n')[0]).toBe("OpenReplayStorage (replay-storage/lib/aws) 'Example\\n---\\napiVersion: rbac.authorization.k8s.io/v1\\nkind: ClusterRoleBinding/OpenReplay':");
  });
});

describe('values from the outputs file', () => {
  test('key material holding YAML 1.1 line breaks and a document stays one double-quoted string', async () => {
    const outputs = deployedOutputs('gcp-openreplay');
    const secretKey = `s3cr3t\u2028---\u2028${SMUGGLED_DOCUMENT}\u0085end`;
    outputs.openreplay_credentials.value = { ...outputs.openreplay_credentials.value, 'secret-key': secretKey };
    const r = await valuesFor(outputs, '--include-secrets');
    expect(r.code).toBe(0);
    const text = readOut(r.out, 'secret.yaml');
    expect(onlyDocument(text).stringData['secret-key']).toBe(secretKey);
    expect(text).not.toMatch(YAML11_BREAKS);
    expect(text).toContain('secret-key: "s3cr3t\\L---\\L');
    expect(onlyDocument(readOut(r.out, 'legacy/vars.yaml')).minio_secret_key).toBe(secretKey);
  });

  test("Helm values with a '<<' key and YAML 1.1 booleans read back the same to Helm (YAML 1.1) and to YAML 1.2", async () => {
    const outputs = deployedOutputs('gcp-logrocket');
    outputs.logrocket_helm_values.value = "fileStorage:\n  '<<': {merged: 'no'}\n  flag: 'on'\n  octal: '0777'\n  empty: ''\n";
    const r = await valuesFor(outputs);
    expect(r.code).toBe(0);
    const text = readOut(r.out, 'values.yaml');
    expect(onlyDocument(text)).toEqual({ fileStorage: { '<<': { merged: 'no' }, 'flag': 'on', 'octal': '0777', 'empty': '' } });
    expect(text).toContain('!!str "<<":');
  });

  test('Helm values that expand without bound (an alias bomb) are refused, not expanded', async () => {
    const outputs = deployedOutputs('gcp-logrocket');
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    outputs.logrocket_helm_values.value = levels.join('\n');
    const r = await valuesFor(outputs);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("output 'logrocket_helm_values' is not valid YAML (");
  });

  test('aliases in the Helm values are written out in full, not as aliases', async () => {
    const outputs = deployedOutputs('gcp-logrocket');
    outputs.logrocket_helm_values.value = 'base: &b {region: eu}\nfileStorage: *b\n';
    const r = await valuesFor(outputs);
    expect(r.code).toBe(0);
    const text = readOut(r.out, 'values.yaml');
    expect(text).not.toMatch(/[&*]/);
    expect(onlyDocument(text)).toEqual({ base: { region: 'eu' }, fileStorage: { region: 'eu' } });
  });

  test('an escape sequence in a stack name never reaches the terminal', async () => {
    const { LogRocketStorageExample: stack } = deployedOutputs('aws-logrocket');
    const evil = '\u001b]0;owned\u0007\u001b[2J\u009b31mStack';
    const broken = { ...stack };
    delete broken.LogRocketHelmValues;
    const r = await valuesFor({ [evil]: broken });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("output 'LogRocketHelmValues' of stack 'Stack' is missing");
    expect(r.stderr + r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  test('a Kubernetes secret namespace from the metadata must be a namespace', async () => {
    const outputs = deployedOutputs('gcp-openreplay');
    editMetadata(outputs, (m) => ({ ...m, kubernetesSecret: { ...m.kubernetesSecret, namespace: `app${SMUGGLED_DOCUMENT}` } }));
    const r = await valuesFor(outputs, '--include-secrets');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("field 'kubernetesSecret.namespace' must be a Kubernetes namespace (lower-case letters, digits and '-', at most 63) (got: app\\n---\\napiVersion");
  });
});

describe('prefixes that are not names', () => {
  test('several constructs: each prefix becomes a safe directory name', async () => {
    const { LogRocketStorageExample: stack } = deployedOutputs('aws-logrocket');
    const r = await valuesFor({ S: { ...movePrefix(stack, 'LogRocket', '\u001b[31m'), ...movePrefix(stack, 'LogRocket', 'ok') } });
    expect(r.code).toBe(0);
    // The escape sequence is dropped from what is printed; the directory name keeps only safe characters.
    expect(r.stdout).toContain("LogRocketStorage (replay-storage/lib/aws) 'S/':");
    expect(r.stdout).not.toContain('\u001b');
    expect(listFiles(r.out)).toEqual(['__31m/values.yaml', 'ok/values.yaml']);
  });
});
