import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { StorageHmacKey } from '@cdktf/provider-google/lib/storage-hmac-key';
import { TerraformVariable } from 'cdktf';
import { parse } from 'yaml';
import { idByName, leakingOutputs, ref, resources, synthGcp, warnings } from './synth';
import { GCS_ENDPOINT, OPENREPLAY_SECRET_KEYS } from '../../src/core';
import { OpenReplayStorage, OpenReplayStorageProps } from '../../src/gcp';

const BASE: OpenReplayStorageProps = {
  bucketNamePrefix: 'acme-replay',
  location: 'EUROPE-WEST1',
  dashboardOrigins: ['https://openreplay.example.com'],
};
const NAMES = {
  recordings: 'acme-replay-recordings',
  assets: 'acme-replay-assets',
  sourcemaps: 'acme-replay-sourcemaps',
  spots: 'acme-replay-spots',
};

function synthOpenReplay(overrides: Partial<OpenReplayStorageProps> = {}, id = 'OpenReplay') {
  return synthGcp((stack) => new OpenReplayStorage(stack, id, { ...BASE, ...overrides }));
}

const { json, tf, stack } = synthOpenReplay();
const buckets = (t: any = tf) => Object.values<any>(resources(t, 'google_storage_bucket'));
const bucketByName = (name: string, t: any = tf) => buckets(t).find((b) => b.name === name);
const outputs: Record<string, any> = tf.output;
const helm = parse(outputs.openreplay_helm_values.value);
const saId = Object.keys(resources(tf, 'google_service_account'))[0];
const hmacId = Object.keys(resources(tf, 'google_storage_hmac_key'))[0];

describe('buckets', () => {
  test('one bucket per role, named <prefix>-<role>, in the given location', () => {
    expect(buckets().map((b) => b.name).sort()).toEqual(Object.values(NAMES).sort());
    expect(buckets().every((b) => b.location === 'EUROPE-WEST1')).toBe(true);
  });

  test('uniform bucket-level access on every bucket', () => {
    expect(buckets().every((b) => b.uniform_bucket_level_access === true)).toBe(true);
  });

  test('public access prevention is enforced everywhere but on assets', () => {
    const pap = Object.fromEntries(buckets().map((b) => [b.name, b.public_access_prevention]));
    expect(pap).toEqual({
      [NAMES.recordings]: 'enforced',
      [NAMES.assets]: 'inherited',
      [NAMES.sourcemaps]: 'enforced',
      [NAMES.spots]: 'enforced',
    });
  });

  test('force_destroy is off unless asked for', () => {
    expect(buckets().every((b) => b.force_destroy === false)).toBe(true);
    expect(buckets(synthOpenReplay({ forceDestroy: true }).tf).every((b) => b.force_destroy === true)).toBe(true);
  });

  test('explicit names win over the prefix, role by role', () => {
    const mixed = synthOpenReplay({ bucketNames: { recordings: 'acme-mobs', assets: 'acme-static' } });
    expect(buckets(mixed.tf).map((b) => b.name).sort()).toEqual(['acme-mobs', 'acme-replay-sourcemaps', 'acme-replay-spots', 'acme-static']);
    const values = parse(mixed.tf.output.openreplay_helm_values.value);
    expect(values.global.s3.recordingsBucket).toBe('acme-mobs');
    expect(values.global.assetsOrigin).toBe(`${GCS_ENDPOINT}/acme-static`);
  });

  test('spots: false leaves out the bucket, its bindings, the Helm key and the output', () => {
    const noSpots = synthOpenReplay({ spots: false });
    expect(buckets(noSpots.tf).map((b) => b.name)).not.toContain(NAMES.spots);
    expect(Object.values<any>(resources(noSpots.tf, 'google_storage_bucket_iam_member'))).toHaveLength(3 * 2 + 1);
    expect(parse(noSpots.tf.output.openreplay_helm_values.value).global.s3.spotsBucket).toBeUndefined();
    expect(noSpots.tf.output.openreplay_spots_bucket).toBeUndefined();
  });

  test('a KMS key and labels reach every bucket', () => {
    const key = 'projects/p/locations/europe-west1/keyRings/r/cryptoKeys/k';
    const { json: j } = synthOpenReplay({ kmsKeyName: key, labels: { team: 'replay' } });
    for (const name of Object.values(NAMES)) {
      expect(j).toHaveResourceWithProperties(StorageBucket, { name, encryption: { default_kms_key_name: key }, labels: { team: 'replay' } });
    }
  });
});

describe('CORS', () => {
  test('every bucket allows GET from the dashboard origin, with response headers and max age', () => {
    for (const name of Object.values(NAMES)) {
      expect(json).toHaveResourceWithProperties(StorageBucket, {
        name,
        cors: [
          {
            origin: ['https://openreplay.example.com'],
            method: ['GET'],
            response_header: expect.arrayContaining(['ETag', 'Content-Length', 'Content-Type', 'Content-Range']),
            max_age_seconds: 3600,
          },
        ],
      });
    }
  });

  test('the max age can be changed', () => {
    const { tf: t } = synthOpenReplay({ corsMaxAgeSeconds: 600 });
    expect(buckets(t).every((b) => b.cors[0].max_age_seconds === 600)).toBe(true);
  });

  test("origins default to '*' with a warning that names dashboardOrigins", () => {
    const open = synthGcp((s) => new OpenReplayStorage(s, 'OpenReplay', { bucketNamePrefix: 'acme-replay' }));
    expect(buckets(open.tf).every((b) => JSON.stringify(b.cors[0].origin) === '["*"]')).toBe(true);
    expect(warnings(open.stack)).toEqual([expect.stringMatching(/'dashboardOrigins'.*'\*'/)]);
    expect(warnings(stack)).toEqual([]);
  });
});

describe('access', () => {
  const members = Object.values<any>(resources(tf, 'google_storage_bucket_iam_member'));
  const bucketRef = (name: string) => ref('google_storage_bucket', idByName(tf, 'google_storage_bucket', name), 'name');

  test('allUsers may only get objects, and only on assets', () => {
    const anonymous = members.filter((m) => m.member === 'allUsers');
    expect(anonymous).toEqual([{ bucket: bucketRef(NAMES.assets), member: 'allUsers', role: 'roles/storage.legacyObjectReader' }]);
    expect(json).not.toMatch(/roles\/storage\.objectViewer|allAuthenticatedUsers/);
  });

  test('the service account holds exactly the two bucket roles on each of these buckets', () => {
    const backend = members.filter((m) => m.member !== 'allUsers');
    expect(backend.every((m) => m.member === ref('google_service_account', saId, 'member'))).toBe(true);
    const grants = backend.map((m) => `${m.bucket} ${m.role}`).sort();
    const expected = Object.values(NAMES)
      .flatMap((n) => ['roles/storage.legacyBucketWriter', 'roles/storage.legacyObjectReader'].map((r) => `${bucketRef(n)} ${r}`))
      .sort();
    expect(grants).toEqual(expected);
  });

  test('no project-wide or bucket-authoritative IAM', () => {
    const types = Object.keys(tf.resource);
    expect(types.filter((t) => /project_iam|iam_binding|iam_policy/.test(t))).toEqual([]);
  });

  test('an HMAC key of that service account for the S3-compatible API', () => {
    expect(json).toHaveResourceWithProperties(ServiceAccount, { account_id: 'openreplay-storage' });
    expect(json).toHaveResourceWithProperties(StorageHmacKey, { service_account_email: ref('google_service_account', saId, 'email') });
  });

  test('a custom service account id', () => {
    expect(synthOpenReplay({ serviceAccountId: 'acme-openreplay' }).json).toHaveResourceWithProperties(ServiceAccount, { account_id: 'acme-openreplay' });
  });
});

const ABORT = { action: { type: 'AbortIncompleteMultipartUpload' }, condition: { age: 7 } };

describe('deletion and data protection', () => {
  test('by default only unfinished multipart uploads are cleaned up; no versioning or retention', () => {
    for (const b of buckets()) {
      expect(b.lifecycle_rule).toEqual([ABORT]);
      expect(b.versioning).toBeUndefined();
      expect(b.retention_policy).toBeUndefined();
    }
  });

  test('recordingsExpirationDays deletes recordings and spots by age, nothing else', () => {
    const { tf: t } = synthOpenReplay({ recordingsExpirationDays: 90 });
    const rule = [{ action: { type: 'Delete' }, condition: { age: 90 } }, ABORT];
    expect(bucketByName(NAMES.recordings, t).lifecycle_rule).toEqual(rule);
    expect(bucketByName(NAMES.spots, t).lifecycle_rule).toEqual(rule);
    expect(bucketByName(NAMES.assets, t).lifecycle_rule).toEqual([ABORT]);
    expect(bucketByName(NAMES.sourcemaps, t).lifecycle_rule).toEqual([ABORT]);
  });

  test('versioned keeps noncurrent versions of recordings for 30 days', () => {
    const { tf: t } = synthOpenReplay({ versioned: true, recordingsExpirationDays: 90 });
    for (const name of [NAMES.recordings, NAMES.spots]) {
      expect(bucketByName(name, t).versioning).toEqual({ enabled: true });
      expect(bucketByName(name, t).lifecycle_rule).toEqual([
        { action: { type: 'Delete' }, condition: { age: 90 } },
        { action: { type: 'Delete' }, condition: { days_since_noncurrent_time: 30 } },
        ABORT,
      ]);
    }
    expect(bucketByName(NAMES.assets, t).versioning).toBeUndefined();
    const longer = synthOpenReplay({ versioned: true, noncurrentVersionExpirationDays: 7 });
    expect(bucketByName(NAMES.recordings, longer.tf).lifecycle_rule).toEqual([{ action: { type: 'Delete' }, condition: { days_since_noncurrent_time: 7 } }, ABORT]);
  });

  test('retentionPeriodDays sets a retention policy in seconds on recordings and spots', () => {
    const { tf: t } = synthOpenReplay({ retentionPeriodDays: 30, recordingsExpirationDays: 30 });
    expect(bucketByName(NAMES.recordings, t).retention_policy).toEqual({ retention_period: 30 * 86400 });
    expect(bucketByName(NAMES.spots, t).retention_policy).toEqual({ retention_period: 30 * 86400 });
    expect(bucketByName(NAMES.sourcemaps, t).retention_policy).toBeUndefined();
  });
});

describe('Helm values', () => {
  test('point the current chart at Cloud Storage through its S3-compatible API', () => {
    expect(helm).toEqual({
      minio: { enabled: false },
      global: {
        s3: {
          region: 'europe-west1',
          endpoint: GCS_ENDPOINT,
          recordingsBucket: NAMES.recordings,
          assetsBucket: NAMES.assets,
          sourcemapsBucket: NAMES.sourcemaps,
          spotsBucket: NAMES.spots,
          existingSecret: 'openreplay-object-storage',
        },
        assetsOrigin: `${GCS_ENDPOINT}/${NAMES.assets}`,
        // Deleted sessions' days reach the backend; Cloud Storage keeps no tags.
        env: { SCH_DELETE_DAYS: '30', USE_S3_TAGS: 'false' },
      },
    });
  });

  test('USE_S3_TAGS stays a string once Helm parses the YAML', () => {
    expect(outputs.openreplay_helm_values.value).toMatch(/USE_S3_TAGS: "false"/);
  });

  test('the secret name follows kubernetesSecretName', () => {
    const { tf: t } = synthOpenReplay({ kubernetesSecretName: 'gcs-keys', kubernetesNamespace: 'openreplay' });
    expect(parse(t.output.openreplay_helm_values.value).global.s3.existingSecret).toBe('gcs-keys');
    expect(t.output.openreplay_create_secret_command.value).toContain('metadata: {name: "gcs-keys", namespace: "openreplay"}');
  });

  test('a location token becomes a lowercased region at apply time', () => {
    const withVar = synthGcp((s) => {
      const location = new TerraformVariable(s, 'location', { type: 'string' });
      new OpenReplayStorage(s, 'OpenReplay', { ...BASE, location: location.stringValue });
    });
    expect(withVar.tf.output.openreplay_region.value).toBe('${lower(var.location)}');
    expect(parse(withVar.tf.output.openreplay_helm_values.value).global.s3.region).toBe('${lower(var.location)}');
  });
});

describe('outputs', () => {
  const expected = [
    'recordings_bucket',
    'assets_bucket',
    'sourcemaps_bucket',
    'spots_bucket',
    'region',
    'endpoint',
    'assets_origin',
    'helm_values',
    'legacy_vars',
    'legacy_http',
    'legacy_storage',
    'legacy_assets',
    'legacy_chalice',
    'service_account_email',
    'credentials',
    'create_secret_command',
    'metadata',
  ];

  test('every output, named <prefix>_<name>', () => {
    expect(Object.keys(outputs).sort()).toEqual(expected.map((n) => `openreplay_${n}`).sort());
  });

  test('values a person pastes', () => {
    expect(outputs.openreplay_recordings_bucket.value).toBe(NAMES.recordings);
    expect(outputs.openreplay_endpoint.value).toBe(GCS_ENDPOINT);
    expect(outputs.openreplay_region.value).toBe('europe-west1');
    expect(outputs.openreplay_assets_origin.value).toBe(`${GCS_ENDPOINT}/${NAMES.assets}`);
    expect(outputs.openreplay_service_account_email.value).toBe(ref('google_service_account', saId, 'email'));
  });

  test('the key pair only in the sensitive credentials output', () => {
    expect(outputs.openreplay_credentials).toEqual(
      expect.objectContaining({
        sensitive: true,
        value: {
          [OPENREPLAY_SECRET_KEYS.accessKey]: ref('google_storage_hmac_key', hmacId, 'access_id'),
          [OPENREPLAY_SECRET_KEYS.secretKey]: ref('google_storage_hmac_key', hmacId, 'secret'),
        },
      }),
    );
    expect(leakingOutputs(tf, /google_storage_hmac_key\.[^."]+\.secret\b/)).toEqual([]);
    expect(Object.entries<any>(outputs).filter(([, o]) => o.sensitive).map(([n]) => n)).toEqual(['openreplay_credentials']);
  });

  test('the create-secret command reads both keys from the credentials output', () => {
    const command: string = outputs.openreplay_create_secret_command.value;
    expect(command).toBe(
      "terraform output -json 'openreplay_credentials' | " +
        'jq \'{apiVersion: "v1", kind: "Secret", type: "Opaque", metadata: {name: "openreplay-object-storage", namespace: "app"}, stringData: (.)}\' | kubectl apply -f -',
    );
    expect(command).not.toMatch(/google_storage_hmac_key/);
  });

  test('legacy layout: the access id, and a pointer instead of the secret', () => {
    const vars = parse(outputs.openreplay_legacy_vars.value);
    expect(vars.minio_access_key).toBe(ref('google_storage_hmac_key', hmacId, 'access_id'));
    expect(vars.minio_secret_key).toMatch(/terraform output -json 'openreplay_credentials'/);
    expect(parse(outputs.openreplay_legacy_storage.value).env).toEqual({ AWS_ENDPOINT: GCS_ENDPOINT, AWS_REGION_WEB: 'europe-west1', S3_BUCKET_WEB: NAMES.recordings });
    expect(parse(outputs.openreplay_legacy_assets.value).env.ASSETS_ORIGIN).toBe(`${GCS_ENDPOINT}/${NAMES.assets}`);
    expect(parse(outputs.openreplay_legacy_chalice.value).env.S3_HOST).toBe(GCS_ENDPOINT);
    expect(parse(outputs.openreplay_legacy_http.value).env.AWS_REGION).toBe('europe-west1');
  });

  test('the prefix follows outputPrefix, else the construct id', () => {
    expect(Object.keys(synthOpenReplay({ outputPrefix: 'replay' }).tf.output)).toContain('replay_helm_values');
    expect(Object.keys(synthOpenReplay({}, 'Open-Replay2').tf.output)).toContain('open_replay2_helm_values');
  });
});

describe('tokens', () => {
  test('unresolved names, origins and numbers are not validated and reach the resources', () => {
    const withVars = synthGcp((s) => {
      const prefix = new TerraformVariable(s, 'prefix', { type: 'string' });
      const origin = new TerraformVariable(s, 'origin', { type: 'string' });
      const days = new TerraformVariable(s, 'days', { type: 'number' });
      new OpenReplayStorage(s, 'OpenReplay', {
        bucketNamePrefix: prefix.stringValue,
        dashboardOrigins: [origin.stringValue],
        recordingsExpirationDays: days.numberValue,
      });
    });
    expect(withVars.json).toHaveResourceWithProperties(StorageBucket, {
      name: '${var.prefix}-recordings',
      cors: [expect.objectContaining({ origin: ['${var.origin}'] })],
      lifecycle_rule: [{ action: { type: 'Delete' }, condition: { age: '${var.days}' } }, ABORT],
    });
    expect(withVars.json).toHaveResourceWithProperties(StorageBucketIamMember, { member: 'allUsers' });
  });
});
