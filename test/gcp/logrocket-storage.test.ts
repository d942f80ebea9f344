import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import { ServiceAccountKey } from '@cdktf/provider-google/lib/service-account-key';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { TerraformVariable } from 'cdktf';
import { parse } from 'yaml';
import { leakingOutputs, ref, resources, synthGcp, warnings } from './synth';
import { LogRocketStorage, LogRocketStorageProps } from '../../src/gcp';

const BUCKET = 'acme-logrocket-user-files';
const BASE: LogRocketStorageProps = {
  userFilesBucketName: BUCKET,
  location: 'US-CENTRAL1',
  dashboardOrigins: ['https://logrocket.example.com'],
};

function synthLogRocket(overrides: Partial<LogRocketStorageProps> = {}) {
  return synthGcp((stack) => new LogRocketStorage(stack, 'LogRocket', { ...BASE, ...overrides }));
}

const { json, tf, stack } = synthLogRocket();
const outputs: Record<string, any> = tf.output;
const bucketId = Object.keys(resources(tf, 'google_storage_bucket'))[0];
const saId = Object.keys(resources(tf, 'google_service_account'))[0];
const saIam = (t: any = tf) => Object.values<any>(resources(t, 'google_service_account_iam_member'));

describe('userFiles bucket', () => {
  test('one bucket: uniform access, public access prevention inherited for anonymous reads, kept on destroy', () => {
    expect(Object.keys(resources(tf, 'google_storage_bucket'))).toHaveLength(1);
    expect(json).toHaveResourceWithProperties(StorageBucket, {
      name: BUCKET,
      location: 'US-CENTRAL1',
      uniform_bucket_level_access: true,
      public_access_prevention: 'inherited',
      force_destroy: false,
    });
  });

  test('CORS GET and HEAD from the dashboard origin', () => {
    expect(json).toHaveResourceWithProperties(StorageBucket, {
      name: BUCKET,
      cors: [
        {
          origin: ['https://logrocket.example.com'],
          method: ['GET', 'HEAD'],
          response_header: expect.arrayContaining(['ETag', 'Content-Type']),
          max_age_seconds: 3600,
        },
      ],
    });
    expect(warnings(stack)).toEqual([]);
  });

  test("'*' origins are accepted with a warning that names dashboardOrigins", () => {
    expect(warnings(synthLogRocket({ dashboardOrigins: ['*'] }).stack)).toEqual([expect.stringMatching(/^'dashboardOrigins'/)]);
  });

  test('versioned turns on versioning and a noncurrent-version rule', () => {
    const b = Object.values<any>(resources(synthLogRocket({ versioned: true }).tf, 'google_storage_bucket'))[0];
    expect(b.versioning).toEqual({ enabled: true });
    expect(b.lifecycle_rule).toEqual([{ action: { type: 'Delete' }, condition: { days_since_noncurrent_time: 30 } }]);
  });
});

describe('access', () => {
  const members = Object.values<any>(resources(tf, 'google_storage_bucket_iam_member'));
  const bucketName = ref('google_storage_bucket', bucketId, 'name');
  const saMember = ref('google_service_account', saId, 'member');

  test('anyone may get objects (replay hydration), nobody may list', () => {
    expect(members.filter((m) => m.member === 'allUsers')).toEqual([{ bucket: bucketName, member: 'allUsers', role: 'roles/storage.legacyObjectReader' }]);
  });

  test('the service account reads and writes userFiles and nothing else', () => {
    const grants = members.filter((m) => m.member !== 'allUsers');
    expect(grants.map((m) => [m.bucket, m.member, m.role]).sort()).toEqual([
      [bucketName, saMember, 'roles/storage.legacyBucketWriter'],
      [bucketName, saMember, 'roles/storage.legacyObjectReader'],
    ]);
    expect(Object.keys(tf.resource).filter((t) => /project_iam/.test(t))).toEqual([]);
  });

  test('keyless by default: it may sign as itself, and only on itself', () => {
    expect(saIam()).toEqual([
      { service_account_id: ref('google_service_account', saId, 'name'), role: 'roles/iam.serviceAccountTokenCreator', member: saMember },
    ]);
    expect(json).not.toHaveResourceWithProperties(ServiceAccountKey, {});
    expect(outputs.logrocket_credentials).toBeUndefined();
  });

  test('createServiceAccountKey: a JSON key in a sensitive output, no token creator binding', () => {
    const keyed = synthLogRocket({ createServiceAccountKey: true });
    const keyId = Object.keys(resources(keyed.tf, 'google_service_account_key'))[0];
    expect(keyed.json).toHaveResourceWithProperties(ServiceAccountKey, { service_account_id: ref('google_service_account', saId, 'name') });
    expect(saIam(keyed.tf)).toEqual([]);
    expect(keyed.tf.output.logrocket_credentials).toEqual(expect.objectContaining({ sensitive: true, value: ref('google_service_account_key', keyId, 'private_key') }));
    expect(leakingOutputs(keyed.tf, /google_service_account_key\./)).toEqual([]);
  });

  test('workloadIdentity binds the Kubernetes service account to the service account', () => {
    const wi = synthLogRocket({ workloadIdentity: { namespace: 'logrocket', serviceAccounts: ['backend', 'ingest'] } });
    for (const sa of ['backend', 'ingest']) {
      expect(wi.json).toHaveResourceWithProperties(ServiceAccountIamMember, {
        service_account_id: ref('google_service_account', saId, 'name'),
        role: 'roles/iam.workloadIdentityUser',
        member: `serviceAccount:${ref('google_service_account', saId, 'project')}.svc.id.goog[logrocket/${sa}]`,
      });
    }
  });
});

describe('outputs and Helm values', () => {
  test('every output, named <prefix>_<name>; no key material without a key', () => {
    expect(Object.keys(outputs).sort()).toEqual(['logrocket_helm_values', 'logrocket_metadata', 'logrocket_replay_prefix', 'logrocket_service_account_email', 'logrocket_user_files_bucket']);
    expect(Object.values<any>(outputs).some((o) => o.sensitive)).toBe(false);
  });

  test('the derived prefix, the bucket and the service account email', () => {
    expect(outputs.logrocket_replay_prefix.value).toBe(`https://storage.googleapis.com/${BUCKET}/`);
    expect(outputs.logrocket_user_files_bucket.value).toBe(BUCKET);
    expect(outputs.logrocket_service_account_email.value).toBe(ref('google_service_account', saId, 'email'));
  });

  test('Helm values name only documented keys: userFiles and backendIngest, no aws block', () => {
    expect(parse(outputs.logrocket_helm_values.value)).toEqual({ fileStorage: { buckets: { userFiles: BUCKET } }, backendIngest: { enabled: true } });
  });

  test('additional prefixes and the backendIngest rollback reach the values', () => {
    const extra = ['https://cdn.example.com/logrocket-user-files/', 'https://storage.googleapis.com/acme-legacy-user-files/'];
    const values = parse(synthLogRocket({ cachedAssetPrefixes: extra, backendIngest: false }).tf.output.logrocket_helm_values.value);
    expect(values).toEqual({ fileStorage: { buckets: { userFiles: BUCKET } }, backendIngest: { enabled: false }, cachedAssetPrefixes: extra });
  });
});

describe('tokens', () => {
  test('an unresolved bucket name is not validated and flows into the prefix and values', () => {
    const withVar = synthGcp((s) => {
      const bucket = new TerraformVariable(s, 'bucket', { type: 'string' });
      new LogRocketStorage(s, 'LogRocket', { ...BASE, userFilesBucketName: bucket.stringValue, cachedAssetPrefixes: ['https://cdn.example.com/files/'] });
    });
    expect(withVar.json).toHaveResourceWithProperties(StorageBucket, { name: '${var.bucket}' });
    expect(withVar.tf.output.logrocket_replay_prefix.value).toBe('https://storage.googleapis.com/${var.bucket}/');
    expect(parse(withVar.tf.output.logrocket_helm_values.value).fileStorage.buckets.userFiles).toBe('${var.bucket}');
  });
});
