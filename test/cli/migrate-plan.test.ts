/**
 * `migrate`'s plan: the refusals of src/cli/migrate-plan.ts not reached
 * through the remotes and command tests, one test per message.
 */
import { ExampleName } from './support/examples';
import { deployedOutputs } from './support/outputs-files';
import { parseSourceBuckets, planMigration, type PlanOptions } from '../../src/cli/migrate-plan';
import { findInstances, parseOutputs } from '../../src/cli/outputs';

const MINIO = 'http://minio.db.svc.cluster.local:9000';

/** The example's deployed outputs with every output whose key ends with `suffix` (any case, `_` ignored) set to `value`. */
function outputsWith(example: ExampleName, suffix: string, value: string): any {
  const file = deployedOutputs(example);
  const norm = (k: string) => k.toLowerCase().replace(/_/g, '');
  const visit = (o: any): void => {
    for (const [k, v] of Object.entries<any>(o)) {
      if (!norm(k).endsWith(norm(suffix))) {
        if (v && typeof v === 'object') visit(v);
      } else if (v && typeof v === 'object' && 'value' in v) {
        v.value = value;
      } else {
        o[k] = value;
      }
    }
  };
  visit(file);
  return file;
}

function plan(file: any, options: Partial<PlanOptions> = {}) {
  const [instance] = findInstances(parseOutputs(JSON.stringify(file), 'outputs.json'));
  return planMigration(instance, { sourceEndpoint: MINIO, ...options });
}

test('a role named twice in --source-buckets is refused', () => {
  expect(() => parseSourceBuckets('recordings=a-mobs,recordings=b-mobs')).toThrow("migrate: '--source-buckets' names role 'recordings' twice.");
});

test('a Region output that is no region name is refused', () => {
  expect(() => plan(outputsWith('aws-openreplay', 'Region', 'eu-central-1/../x'))).toThrow(/output .*Region.* must be a region name \(got: eu-central-1\/\.\.\/x\)/);
});

test('an Azure account name that is no storage account name is refused', () => {
  expect(() => plan(deployedOutputs('azure-openreplay'), { azureAccount: 'Not_An_Account', targetEndpoint: 'http://127.0.0.1:10000/x' })).toThrow(
    /the storage account name must be 3 to 24 lower-case letters and digits \(got: Not_An_Account\); set AZURE_STORAGE_ACCOUNT/,
  );
});

test("an Azure account's own endpoint over plain http is refused", () => {
  const file = deployedOutputs('azure-openreplay');
  const account = plan(file).target as { account: string };
  expect(() => plan(file, { targetEndpoint: `http://${account.account}.blob.core.windows.net` })).toThrow(/rclone reaches an Azure account over https only/);
});

test('a path-style (emulator) endpoint for an account other than the emulator account is refused', () => {
  const file = outputsWith('azure-openreplay', 'StorageAccountName', 'acmereplay01');
  expect(() => plan(file, { targetEndpoint: 'http://127.0.0.1:10000/acmereplay01' })).toThrow(
    /rclone 1\.60 reaches a path-style \(emulator\) endpoint only as Azurite's published account 'devstoreaccount1' \(got account 'acmereplay01'\)/,
  );
});

test('LogRocket outputs give no plan: migrate moves the OpenReplay chart\'s buckets only', () => {
  expect(() => plan(deployedOutputs('aws-logrocket'))).toThrow(/is not an OpenReplayStorage: migrate moves the OpenReplay chart's MinIO buckets only/);
});
