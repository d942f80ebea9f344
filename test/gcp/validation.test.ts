import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { TerraformStack, Testing } from 'cdktf';
import { synthGcp, warnings } from './synth';
import { ReplayStorageValidationError } from '../../src/core';
import { LogRocketStorage, LogRocketStorageProps, OpenReplayStorage, OpenReplayStorageProps } from '../../src/gcp';

const OPENREPLAY: OpenReplayStorageProps = { bucketNamePrefix: 'acme-replay', dashboardOrigins: ['https://openreplay.example.com'] };
const LOGROCKET: LogRocketStorageProps = { userFilesBucketName: 'acme-user-files', dashboardOrigins: ['https://logrocket.example.com'] };

const openReplay = (props: Partial<OpenReplayStorageProps>) => () =>
  new OpenReplayStorage(new TerraformStack(Testing.app(), 'test'), 'OpenReplay', { ...OPENREPLAY, ...props });
const logRocket = (props: Partial<LogRocketStorageProps>) => () =>
  new LogRocketStorage(new TerraformStack(Testing.app(), 'test'), 'LogRocket', { ...LOGROCKET, ...props });

/** Fails with the project's error, naming the property and the rule. */
function expectRule(fn: () => unknown, prop: string, rule: RegExp): void {
  expect(fn).toThrow(ReplayStorageValidationError);
  expect(fn).toThrow(`'${prop}' must be `);
  expect(fn).toThrow(rule);
}

describe('bucket names (Cloud Storage naming rules, through the props)', () => {
  test('length', () => {
    expectRule(openReplay({ bucketNames: { recordings: 'ab' } }), 'bucketNames.recordings', /between 3 and 63 characters long/);
  });

  test('characters', () => {
    expectRule(logRocket({ userFilesBucketName: 'Acme-User-Files' }), 'userFilesBucketName', /lowercase letters, digits, hyphens, underscores and dots only/);
  });

  test('first and last character', () => {
    expectRule(openReplay({ bucketNames: { assets: 'acme-assets-' } }), 'bucketNames.assets', /starts and ends with a letter or digit/);
  });

  test("no 'goog' prefix", () => {
    expectRule(openReplay({ bucketNamePrefix: 'googly' }), 'bucketNamePrefix', /does not start with 'goog'/);
  });

  test("no 'google' in the name", () => {
    expectRule(logRocket({ userFilesBucketName: 'acme-google-files' }), 'userFilesBucketName', /does not contain 'google'/);
  });

  test('not an IP address', () => {
    expectRule(logRocket({ userFilesBucketName: '10.0.0.1' }), 'userFilesBucketName', /not formatted as an IP address/);
  });

  test('dotted names: 222 characters at most', () => {
    const name = Array.from({ length: 4 }, () => 'a'.repeat(60)).join('.');
    expectRule(logRocket({ userFilesBucketName: name }), 'userFilesBucketName', /between 3 and 222 characters long when it contains dots/);
  });

  test('dotted names: parts of 63 characters at most', () => {
    expectRule(logRocket({ userFilesBucketName: `${'a'.repeat(64)}.example.com` }), 'userFilesBucketName', /dot-separated parts of at most 63 characters/);
  });

  test.each(['files..example.com', 'files-.example.com', 'files.-example.com', 'user_files.example.com'])('dotted names: DNS labels only (%s)', (name) => {
    expectRule(logRocket({ userFilesBucketName: name }), 'userFilesBucketName', /dotted name whose parts are DNS labels/);
  });

  test('a valid dotted name is accepted with a warning about domain verification', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new LogRocketStorage(stack, 'LogRocket', { ...LOGROCKET, userFilesBucketName: 'files.replay.example.com' });
    expect(warnings(stack)).toEqual([expect.stringMatching(/^'userFilesBucketName' \(files\.replay\.example\.com\) contains dots: .*verify/)]);
  });

  test('every role its own bucket', () => {
    expectRule(openReplay({ bucketNames: { recordings: 'acme-one', assets: 'acme-one' } }), 'bucketNames.assets', /different from 'bucketNames.recordings'/);
  });

  test('a name or a prefix for every role', () => {
    expectRule(openReplay({ bucketNamePrefix: undefined, bucketNames: { recordings: 'acme-mobs' } }), 'bucketNamePrefix', /set when 'bucketNames.assets' is not given/);
  });

  test('no spots name while spots are off', () => {
    expectRule(openReplay({ spots: false, bucketNames: { spots: 'acme-spots' } }), 'bucketNames.spots', /'bucketNames.spots' must be unset while 'spots' is false/);
  });
});

describe('other properties', () => {
  test('location', () => {
    expectRule(openReplay({ location: 'europe west1' }), 'location', /a Cloud Storage location/);
  });

  test('service account id', () => {
    expectRule(logRocket({ serviceAccountId: 'lr' }), 'serviceAccountId', /service account id of 6-30 lowercase letters/);
  });

  test.each([
    ['OpenReplay', 'openreplay-storage'],
    ['X', 'x-storage'],
    ['9 Lives', 'lives-storage'],
    ['Very_Long Construct Id For Replay Storage', 'very-long-construct-id-for-rep'],
  ])('the service account id derived from construct id %s is %s', (id, expected) => {
    const { json } = synthGcp((stack) => new OpenReplayStorage(stack, id, { ...OPENREPLAY, outputPrefix: 'replay' }));
    expect(json).toHaveResourceWithProperties(ServiceAccount, { account_id: expected });
  });

  test('output prefix', () => {
    expectRule(openReplay({ outputPrefix: 'open replay' }), 'outputPrefix', /a Terraform identifier/);
  });

  test('malformed dashboard origin', () => {
    expectRule(openReplay({ dashboardOrigins: ['https://openreplay.example.com/'] }), 'dashboardOrigins', /bare origins/);
  });

  test('LogRocket needs at least one dashboard origin', () => {
    expectRule(logRocket({ dashboardOrigins: [] }), 'dashboardOrigins', /a non-empty list/);
  });

  test('cachedAssetPrefixes never lists the primary prefix', () => {
    expectRule(logRocket({ cachedAssetPrefixes: ['https://storage.googleapis.com/acme-user-files/'] }), 'cachedAssetPrefixes', /never the primary derived prefix/);
  });

  test('cachedAssetPrefixes end with a slash', () => {
    expectRule(logRocket({ cachedAssetPrefixes: ['https://cdn.example.com/files'] }), 'cachedAssetPrefixes', /end with '\/'/);
  });

  test('day counts are whole and positive', () => {
    expectRule(openReplay({ recordingsExpirationDays: 0 }), 'recordingsExpirationDays', /a whole number from 1 to 3650/);
    expectRule(openReplay({ retentionPeriodDays: 1.5 }), 'retentionPeriodDays', /a whole number from 1 to 36524/);
    expectRule(logRocket({ noncurrentVersionExpirationDays: 0 }), 'noncurrentVersionExpirationDays', /a whole number/);
    expectRule(logRocket({ corsMaxAgeSeconds: -1 }), 'corsMaxAgeSeconds', /a whole number from 0 to 86400/);
  });

  test('retention and versioning exclude each other', () => {
    expectRule(openReplay({ retentionPeriodDays: 30, versioned: true }), 'retentionPeriodDays', /unset while 'versioned' is true/);
  });

  test('recordings do not expire before their retention ends', () => {
    expectRule(openReplay({ retentionPeriodDays: 30, recordingsExpirationDays: 7 }), 'recordingsExpirationDays', /at least 'retentionPeriodDays' \(30\)/);
  });

  test('Kubernetes names', () => {
    expectRule(openReplay({ kubernetesSecretName: 'GCS_Keys' }), 'kubernetesSecretName', /a Kubernetes object name/);
    expectRule(openReplay({ kubernetesNamespace: 'App' }), 'kubernetesNamespace', /a Kubernetes namespace name/);
    expectRule(logRocket({ workloadIdentity: { namespace: 'logrocket', serviceAccounts: ['Backend'] } }), 'workloadIdentity.serviceAccounts', /a Kubernetes object name/);
  });
});
