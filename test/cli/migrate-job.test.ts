/**
 * `migrate --job-manifest`: a Kubernetes Job running the same migration in
 * the cluster. Every key by secretKeyRef, none in the file; the outputs it
 * carries read back to the same plan; nothing sensitive from the outputs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { runCli, tempDir, writeJson } from './support/cli';
import { ExampleName } from './support/examples';
import { deployedOutputs, outputValue, setOutput } from './support/outputs-files';
import { planMigration } from '../../src/cli/migrate-plan';
import { findInstances, parseOutputs } from '../../src/cli/outputs';

const dir = tempDir('migrate-job');
const MINIO = 'http://minio.db.svc.cluster.local:9000';
let n = 0;

async function manifest(example: ExampleName, ...flags: string[]) {
  const outputs = deployedOutputs(example);
  const file = writeJson(dir, `${example}-${++n}.json`, outputs);
  const out = join(dir, `job-${n}.yaml`);
  const r = await runCli(['migrate', '--outputs', file, '--source-endpoint', MINIO, '--job-manifest', out, ...flags]);
  if (r.code !== 0) return { ...r, outputs, file, out, text: '', docs: [] as any[] };
  const text = readFileSync(out, 'utf8');
  const docs = parseAllDocuments(text).map((d) => d.toJS());
  return { ...r, outputs, file, out, text, docs };
}

const container = (job: any) => job.spec.template.spec.containers[0];
const envOf = (job: any) => Object.fromEntries(container(job).env.map((e: any) => [e.name, e.value ?? e.valueFrom.secretKeyRef]));

test('AWS: a ConfigMap with the outputs and a Job; rclone from its official image; keys from Secrets', async () => {
  const m = await manifest('aws-openreplay', '--transfers', '16', '--max-age-days', '30');
  expect(m.code).toBe(0);
  expect(m.stdout).toContain('a Kubernetes Job that migrates');
  const [configMap, job] = m.docs;
  expect(configMap).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'replay-storage-migrate-outputs', namespace: 'app' } });
  expect(job).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'replay-storage-migrate', namespace: 'app' } });
  const spec = job.spec.template.spec;
  expect(spec.initContainers[0]).toMatchObject({ image: 'rclone/rclone:1.60.1', command: ['cp', '/usr/local/bin/rclone', '/tools/rclone'] });
  expect(spec.securityContext).toMatchObject({ runAsNonRoot: true });
  const command: string[] = container(job).command;
  // One package: the SDKs of the tag step are bundled in it.
  expect(command.slice(0, 5)).toEqual(['npx', '--yes', '--package', expect.stringMatching(/^replay-storage@/), 'replay-storage']);
  expect(command.slice(command.indexOf('migrate'))).toEqual([
    'migrate', '--outputs', '/etc/replay-storage/outputs.json', '--source-endpoint', MINIO, '--transfers', '16', '--max-age-days', '30',
  ]);
  expect(envOf(job)).toMatchObject({
    PATH: '/tools:/usr/local/bin:/usr/bin:/bin',
    MINIO_ACCESS_KEY: { name: 'replay-storage-minio', key: 'access-key' },
    MINIO_SECRET_KEY: { name: 'replay-storage-minio', key: 'secret-key' },
    AWS_ACCESS_KEY_ID: { name: 'openreplay-object-storage', key: 'access-key' },
    AWS_SECRET_ACCESS_KEY: { name: 'openreplay-object-storage', key: 'secret-key' },
  });
  // The header says how to bring MinIO's Secret over, with no key on a command line.
  expect(m.text).toContain("# Before applying, copy the chart's MinIO key pair into namespace app");
  expect(m.text).toMatch(/# +kubectl -n db get secret minio -o json \| jq .* \| kubectl -n app apply -f -/);
});

test('the outputs in the ConfigMap read back to the same plan, and hold nothing but what migrate reads', async () => {
  for (const example of ['aws-openreplay', 'gcp-openreplay', 'azure-openreplay'] as const) {
    const m = await manifest(example);
    const inCluster = m.docs[0].data['outputs.json'];
    const plan = (text: string) => {
      const [instance] = findInstances(parseOutputs(text, 'x'));
      const p = planMigration(instance, { sourceEndpoint: MINIO });
      return { moves: p.moves, target: p.target };
    };
    expect(plan(inCluster)).toEqual(plan(readFileSync(m.file, 'utf8')));
    const keys = Object.keys(JSON.parse(inCluster));
    expect(keys.every((k) => /(Metadata|metadata|Bucket|bucket|Region|region|storage_account_name|blob_endpoint)$/.test(k))).toBe(true);
    expect(keys.length).toBeGreaterThanOrEqual(4);
  }
});

test('Azure: the account key comes from the Secret the Helm values read; its value is nowhere in the file', async () => {
  const m = await manifest('azure-openreplay');
  const key = outputValue(m.outputs, 'openreplay_account_key');
  expect(typeof key).toBe('string');
  expect(m.text).not.toContain(key);
  expect(envOf(m.docs[1])).toMatchObject({ AZURE_STORAGE_KEY: { name: 'openreplay-object-storage', key: 'azure-account-key' } });
  expect(container(m.docs[1]).command.filter((a: string) => a === '--package')).toHaveLength(1);
});

test('GCP: the HMAC key from the Secret', async () => {
  const m = await manifest('gcp-openreplay', '--job-namespace', 'db', '--dry-run');
  const job = m.docs[1];
  expect(envOf(job)).toMatchObject({
    MINIO_ACCESS_KEY: { name: 'minio', key: 'access-key' },
    GCS_HMAC_ACCESS_ID: { name: 'openreplay-object-storage', key: 'access-key' },
    GCS_HMAC_SECRET: { name: 'openreplay-object-storage', key: 'secret-key' },
  });
  expect(container(job).command).toContain('--dry-run');
  expect(m.text).not.toContain('Before applying');
});

test('AWS without a key (IRSA): needs --job-service-account, then runs as it with no key variable', async () => {
  // A construct whose backend assumes a role: its metadata names no Kubernetes Secret.
  const outputs = deployedOutputs('aws-openreplay');
  const metadata = JSON.parse(outputValue(outputs, 'OpenReplayMetadata'));
  delete metadata.kubernetesSecret;
  setOutput(outputs, 'OpenReplayMetadata', JSON.stringify(metadata));
  const file = writeJson(dir, 'irsa.json', outputs);
  const out = join(dir, 'irsa.yaml');
  const args = ['migrate', '--outputs', file, '--source-endpoint', MINIO, '--job-manifest', out];
  const refused = await runCli(args);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('Pass --job-service-account');
  expect((await runCli([...args, '--job-service-account', 'openreplay-storage'])).code).toBe(0);
  const job = parseAllDocuments(readFileSync(out, 'utf8'))[1].toJS();
  expect(job.spec.template.spec.serviceAccountName).toBe('openreplay-storage');
  expect(Object.keys(envOf(job))).not.toContain('AWS_ACCESS_KEY_ID');
});

test('an existing file is replaced only with --force', async () => {
  const file = writeJson(dir, 'force.json', deployedOutputs('aws-openreplay'));
  const out = join(dir, 'existing.yaml');
  writeFileSync(out, 'mine');
  const args = ['migrate', '--outputs', file, '--source-endpoint', MINIO, '--job-manifest', out];
  expect((await runCli(args)).stderr).toContain('refusing to overwrite');
  expect(readFileSync(out, 'utf8')).toBe('mine');
  expect((await runCli([...args, '--force'])).code).toBe(0);
});
