/**
 * Finding replay-storage constructs in outputs files by their Metadata
 * output, in every shape the command reads, and the messages when the
 * metadata is broken or missing.
 */
import { runCli, tempDir, writeJson } from './support/cli';
import { ExampleName, onlyStack, synthExample } from './support/examples';
import { deleteOutput, deployedOutputs, editMetadata, metadataKey, metadataOf, outputsFile, OutputsFileFormat, outputValue, setOutput } from './support/outputs-files';
import { findInstances, parseOutputs } from '../../src/cli/outputs';
import { outputKey } from '../../src/core/outputs/contract';

const find = (file: unknown) => findInstances(parseOutputs(JSON.stringify(file), 'outputs.json'));

const dir = tempDir('outputs');
let n = 0;
/** `values` on a document; what it prints and its exit status. */
async function values(file: unknown) {
  const path = writeJson(dir, `outputs-${++n}.json`, file);
  return runCli(['values', '--outputs', path, '--out', `${dir}/run-${n}`]);
}

interface Expected {
  readonly stack?: string;
  readonly prefix: string;
  readonly style: 'cloudformation' | 'terraform';
}

const CDK = 'cdk --outputs-file';
const CDKTF = 'cdktf --outputs-file';
const TERRAFORM = 'terraform output -json';

describe.each<[ExampleName, OutputsFileFormat, Expected]>([
  ['aws-openreplay', CDK, { stack: 'OpenReplayStorageExample', prefix: 'OpenReplay', style: 'cloudformation' }],
  ['aws-logrocket', CDK, { stack: 'LogRocketStorageExample', prefix: 'LogRocket', style: 'cloudformation' }],
  ['gcp-openreplay', CDKTF, { stack: 'gcp-openreplay', prefix: 'openreplay', style: 'terraform' }],
  ['gcp-openreplay', TERRAFORM, { prefix: 'openreplay', style: 'terraform' }],
  ['gcp-logrocket', CDKTF, { stack: 'gcp-logrocket', prefix: 'logrocket', style: 'terraform' }],
  ['gcp-logrocket', TERRAFORM, { prefix: 'logrocket', style: 'terraform' }],
  ['azure-openreplay', CDKTF, { stack: 'azure-openreplay', prefix: 'openreplay', style: 'terraform' }],
  ['azure-openreplay', TERRAFORM, { prefix: 'openreplay', style: 'terraform' }],
  ['azure-logrocket', CDKTF, { stack: 'azure-logrocket', prefix: 'logrocket', style: 'terraform' }],
  ['azure-logrocket', TERRAFORM, { prefix: 'logrocket', style: 'terraform' }],
])('examples/%s, %s', (name, format, expected) => {
  const file = outputsFile(name, format);
  const [cloud, product] = name.split('-');

  test('one construct, found by its Metadata output; product, cloud and keys from the metadata', () => {
    const found = find(file);
    expect(found).toHaveLength(1);
    const [instance] = found;
    expect(instance.stack.name).toBe(expected.stack);
    expect({ prefix: instance.prefix, style: instance.style, product: instance.product, cloud: instance.cloud }).toEqual({
      prefix: expected.prefix,
      style: expected.style,
      product,
      cloud,
    });
    expect(instance.metadataKey).toBe(outputKey(expected.style, expected.prefix, 'Metadata'));
    expect(instance.keyOf('HelmValues')).toBe(outputKey(expected.style, expected.prefix, 'HelmValues'));
    expect(instance.require('HelmValues')).toBe(outputValue(file, instance.keyOf('HelmValues')));
  });

  test('the Metadata output alone is enough to find it (nothing is guessed from the other outputs)', () => {
    const key = metadataKey(file);
    const only = format === TERRAFORM ? { [key]: file[key] } : { [expected.stack!]: { [key]: outputValue(file, key) } };
    const [instance] = find(only);
    expect(instance).toMatchObject({ prefix: expected.prefix, product, cloud });
  });
});

describe('which outputs are metadata', () => {
  test("other tools' ...Metadata outputs are left alone", () => {
    const file = { ...deployedOutputs('aws-openreplay'), Other: { ClusterMetadata: 'not json', AppMetadata: '{"schema":"other/v1"}' } };
    expect(find(file).map((i) => i.label)).toEqual(['OpenReplayStorageExample/OpenReplay']);
    const tf = { ...deployedOutputs('gcp-logrocket'), cluster_metadata: { value: '{"schema":1}', type: 'string', sensitive: false } };
    expect(find(tf).map((i) => i.label)).toEqual(['logrocket']);
  });

  test('output keys come from the metadata, not from the prefix', async () => {
    const file = deployedOutputs('gcp-logrocket');
    setOutput(file, 'chart_values', outputValue(file, 'logrocket_helm_values'));
    deleteOutput(file, 'logrocket_helm_values');
    editMetadata(file, (m) => {
      m.outputs.HelmValues = 'chart_values';
    });
    const [instance] = find(file);
    expect(instance.keyOf('HelmValues')).toBe('chart_values');
    const r = await values(file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("LogRocketStorage (replay-storage/lib/gcp) 'logrocket':");
  });

  test('output names this version does not know are skipped (a newer construct may add outputs)', () => {
    const file = deployedOutputs('aws-logrocket');
    editMetadata(file, (m) => {
      m.outputs.SomethingNew = 'LogRocketSomethingNew';
    });
    const [instance] = find(file);
    expect(Object.keys(instance.metadata.outputs)).not.toContain('SomethingNew');
  });

  test('two constructs in one stack, each by its own metadata', () => {
    const aws = deployedOutputs('aws-openreplay');
    const logRocket = deployedOutputs('aws-logrocket').LogRocketStorageExample;
    const file = { OpenReplayStorageExample: { ...aws.OpenReplayStorageExample, ...logRocket } };
    expect(find(file).map((i) => [i.prefix, i.product])).toEqual([
      ['OpenReplay', 'openreplay'],
      ['LogRocket', 'logrocket'],
    ]);
  });
});

describe('broken metadata: an error naming the output', () => {
  test.each<[ExampleName, string]>([
    ['aws-openreplay', "output 'OpenReplayMetadata' of stack 'OpenReplayStorageExample'"],
    ['gcp-openreplay', "output 'openreplay_metadata'"],
  ])('%s: not valid JSON', async (name, output) => {
    const file = deployedOutputs(name);
    setOutput(file, metadataKey(file), outputValue(file, metadataKey(file)).slice(0, -1));
    const r = await values(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^replay-storage values: ${output} is replay-storage metadata and must be valid JSON \\(.+\\) \\(got: \\{"schema":"replay-storage/v1",`));
    expect(r.stderr).toContain("Pass the outputs file as the deploy wrote it ('cdk deploy --outputs-file <file>', 'cdktf deploy --outputs-file <file>' or 'terraform output -json > <file>'), without editing this output.\n");
  });

  test('text that names no schema is still ours when the prefix has Helm values', async () => {
    const file = deployedOutputs('azure-logrocket');
    setOutput(file, 'logrocket_metadata', 'oops');
    const r = await values(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("output 'logrocket_metadata' is replay-storage metadata and must be valid JSON (");
  });

  test.each<[ExampleName, string]>([
    ['aws-logrocket', "output 'LogRocketMetadata' of stack 'LogRocketStorageExample'"],
    ['azure-openreplay', "output 'openreplay_metadata'"],
  ])('%s: an unknown schema', async (name, output) => {
    const file = deployedOutputs(name);
    editMetadata(file, (m) => ({ ...m, schema: 'replay-storage/v2' }));
    const r = await values(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `replay-storage values: ${output} must have metadata schema 'replay-storage/v1', the only one this replay-storage command reads (got: replay-storage/v2). ` +
        'Use the replay-storage command of the version that deployed the stack, or deploy the stack with this version and pass the outputs of that deploy.\n',
    );
  });

  test.each<[string, (m: any) => any, string]>([
    ['product', (m) => ({ ...m, product: 'fullstory' }), "field 'product' must be one of 'openreplay', 'logrocket' (got: fullstory)"],
    ['cloud', (m) => ({ ...m, cloud: 'oci' }), "field 'cloud' must be one of 'aws', 'gcp', 'azure' (got: oci)"],
    ['outputs', (m) => ({ ...m, outputs: ['x'] }), "field 'outputs' must be an object of output name -> key (got: [\"x\"])"],
    ['an output key', (m) => ({ ...m, outputs: { ...m.outputs, HelmValues: 7 } }), "field 'outputs.HelmValues' must be a non-empty string (got: 7)"],
    ['the secret namespace', (m) => ({ ...m, kubernetesSecret: { ...m.kubernetesSecret, namespace: '' } }), "field 'kubernetesSecret.namespace' must be a Kubernetes namespace (lower-case letters, digits and '-', at most 63) (got: \"\")"],
    ['a secret namespace with a line break', (m) => ({ ...m, kubernetesSecret: { ...m.kubernetesSecret, namespace: 'app\nkind: Role' } }), "field 'kubernetesSecret.namespace' must be a Kubernetes namespace (lower-case letters, digits and '-', at most 63) (got: app\\nkind: Role)"],
    ['a secret name that Kubernetes refuses', (m) => ({ ...m, kubernetesSecret: { ...m.kubernetesSecret, name: '../Keys' } }), "field 'kubernetesSecret.name' must be a Kubernetes object name (lower-case letters, digits, '-' and '.', at most 253) (got: ../Keys)"],
    ['a secret key with a slash', (m) => ({ ...m, kubernetesSecret: { ...m.kubernetesSecret, keys: { 'a/b': 'Credentials' } } }), "field 'kubernetesSecret.keys.a/b' must be a Kubernetes secret key (letters, digits, '-', '_' and '.') (got: a/b)"],
    ['a secret key source', (m) => ({ ...m, kubernetesSecret: { ...m.kubernetesSecret, keys: { 'access-key': 'Vault' } } }), "field 'kubernetesSecret.keys.access-key' must be one of 'Metadata', "],
  ])('a bad field: %s', async (_what, edit, message) => {
    const file = deployedOutputs('gcp-openreplay');
    editMetadata(file, edit);
    const r = await values(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`replay-storage values: output 'openreplay_metadata' is replay-storage metadata whose ${message}`);
  });

  test('a metadata value that is not a string', async () => {
    const file = deployedOutputs('gcp-logrocket');
    setOutput(file, 'logrocket_metadata', metadataOf(file));
    const r = await values(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("output 'logrocket_metadata' is replay-storage metadata and must be a JSON string (got: {\"schema\":\"replay-storage/v1\"");
  });
});

describe('no metadata', () => {
  test.each<[ExampleName, OutputsFileFormat, string]>([
    ['aws-openreplay', CDK, "outputs OpenReplayRecordingsBucket, OpenReplayAssetsBucket, OpenReplaySourcemapsBucket, ... of stack 'OpenReplayStorageExample' look like a replay-storage construct's but have no Metadata output ('OpenReplayMetadata')"],
    ['gcp-logrocket', CDKTF, "outputs LogRocket.Output_helm_values, LogRocket.Output_replay_prefix, LogRocket.Output_service_account_email, ... of stack 'gcp-logrocket' look like a replay-storage construct's but have no Metadata output ('LogRocket.Output_metadata')"],
    ['azure-openreplay', TERRAFORM, "outputs openreplay_account_key, openreplay_assets_bucket, openreplay_assets_origin, ... look like a replay-storage construct's but have no Metadata output ('openreplay_metadata')"],
  ])('%s, %s: outputs of an older version say so', async (name, format, found) => {
    const file = outputsFile(name, format);
    deleteOutput(file, metadataKey(file));
    const r = await values(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^replay-storage values: \S+\.json has no replay-storage metadata: /);
    expect(r.stderr).toContain(found);
    expect(r.stderr).toContain(
      'The stack was deployed with an older version of replay-storage, which wrote no metadata, and this command reads constructs only by their metadata. ' +
        "Deploy the stack with this version and pass the outputs of that deploy ('cdk deploy --outputs-file <file>', 'cdktf deploy --outputs-file <file>' or 'terraform output -json > <file>').\n",
    );
  });

  test('--prefix naming a construct without metadata next to one with it', async () => {
    const old = deployedOutputs('aws-logrocket');
    deleteOutput(old, 'LogRocketMetadata');
    const file = { ...deployedOutputs('aws-openreplay'), ...old };
    const path = writeJson(dir, 'mixed.json', file);
    const r = await runCli(['values', '--outputs', path, '--out', `${dir}/mixed`, '--prefix', 'LogRocket']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('matches --prefix LogRocket; found: OpenReplayStorageExample/OpenReplay. Matching outputs LogRocketReplayPrefix, LogRocketHelmValues, LogRocketUserFilesBucket, ... ');
    expect(r.stderr).toContain("have no Metadata output ('LogRocketMetadata'). The stack was deployed with an older version of replay-storage");
  });

  test('outputs of some other stack', async () => {
    const r = await values({ Other: { ApiUrl: 'https://api.example.com', ApiEndpoint: 'https://x', ApiRegion: 'eu-west-1' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "has no replay-storage outputs: no output named '<prefix>Metadata' (CloudFormation) or '<prefix>_metadata' (Terraform) holds replay-storage metadata (schema 'replay-storage/v1'). " +
        "OpenReplayStorage and LogRocketStorage write it; pass the outputs of the stack that holds one ('cdk deploy --outputs-file <file>', 'cdktf deploy --outputs-file <file>' or 'terraform output -json > <file>').\n",
    );
  });
});

describe('a synthesized template passed by mistake', () => {
  test('a CloudFormation template (cdk.out/<stack>.template.json) is named as such, not read as a stack called Outputs', async () => {
    const { doc } = onlyStack(synthExample('aws-openreplay'));
    const r = await values(doc);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^replay-storage values: \S+\.json is a synthesized CloudFormation template \(like cdk\.out\/<stack>\.template\.json\), not deploy outputs/);
    expect(r.stderr).toContain("Deploy with 'cdk deploy --outputs-file <file>' and pass that file to --outputs.");
    expect(r.stderr).not.toMatch(/stack '(?:Outputs|Resources)'/);
  });

  test('a template with nothing but Outputs', async () => {
    const { doc } = onlyStack(synthExample('aws-logrocket'));
    const r = await values({ Outputs: doc.Outputs });
    expect(r.stderr).toContain('is a synthesized CloudFormation template');
  });

  test('a cdk.tf.json (cdktf.out/stacks/<stack>/cdk.tf.json) is named as such, not read as stacks called resource and output', async () => {
    const { doc } = onlyStack(synthExample('gcp-openreplay'));
    const r = await values(doc);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is a synthesized Terraform configuration \(like cdktf\.out\/stacks\/<stack>\/cdk\.tf\.json\), not deploy outputs/);
    expect(r.stderr).toContain("run 'cdktf deploy --outputs-file <file>' or 'terraform output -json > <file>' and pass that file to --outputs");
  });

  test('verify says the same', async () => {
    const { doc } = onlyStack(synthExample('azure-logrocket'));
    const r = await runCli(['verify', '--origin', 'https://a.example.com', '--outputs', writeJson(dir, 'cdk.tf.json', doc)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cdk.tf.json is a synthesized Terraform configuration');
  });

  test('outputs of stacks whose names look like template sections are still outputs', () => {
    const file = { Outputs: { ApiUrl: 'https://x' }, resource: { Other: 'y' } };
    expect(parseOutputs(JSON.stringify(file), 'outputs.json').stacks.map((s) => s.name)).toEqual(['Outputs', 'resource']);
  });
});
