/**
 * Baseline for examples/gcp-openreplay: the same cdk.tf.json written with
 * plain cdktf and @cdktf/provider-google resources (deep imports) and literal
 * output values, no replay-storage code. Construct ids match the example.
 */
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { StorageHmacKey } from '@cdktf/provider-google/lib/storage-hmac-key';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

const PREFIX = 'replay-demo-4711-openreplay';
const REGION = 'europe-west1';
const ENDPOINT = 'https://storage.googleapis.com';
const NAMES = { recordings: `${PREFIX}-recordings`, assets: `${PREFIX}-assets`, sourcemaps: `${PREFIX}-sourcemaps`, spots: `${PREFIX}-spots` };
const ASSETS_ORIGIN = `${ENDPOINT}/${NAMES.assets}/`;

const app = new App();
const stack = new TerraformStack(app, 'gcp-openreplay');
new GoogleProvider(stack, 'google', { project: 'replay-demo-4711', region: REGION });
const storage = new Construct(stack, 'OpenReplay');

function output(name: string, value: unknown, description: string, sensitive = false): void {
  new TerraformOutput(storage, `Output_${name}`, { value, description, ...(sensitive ? { sensitive: true } : {}) }).overrideLogicalId(`openreplay_${name}`);
}

const serviceAccount = new ServiceAccount(storage, 'ServiceAccount', {
  accountId: 'openreplay-storage',
  displayName: 'OpenReplay object storage',
  description: 'OpenReplay backend: reads and writes the OpenReplay buckets through the S3-compatible API',
});
const hmacKey = new StorageHmacKey(storage, 'HmacKey', { serviceAccountEmail: serviceAccount.email });

for (const [id, role] of [['Recordings', 'recordings'], ['Assets', 'assets'], ['Sourcemaps', 'sourcemaps'], ['Spots', 'spots']] as const) {
  const isPublic = role === 'assets';
  const holdsRecordings = role === 'recordings' || role === 'spots';
  const bucket = new StorageBucket(storage, `${id}Bucket`, {
    name: NAMES[role],
    location: 'EUROPE-WEST1',
    uniformBucketLevelAccess: true,
    publicAccessPrevention: isPublic ? 'inherited' : 'enforced',
    forceDestroy: false,
    cors: [{ origin: ['https://openreplay.example.com'], method: ['GET'], responseHeader: ['ETag', 'Content-Length', 'Content-Type', 'Content-Range'], maxAgeSeconds: 3600 }],
    ...(holdsRecordings ? { lifecycleRule: [{ action: { type: 'Delete' }, condition: { age: 180 } }] } : {}),
  });
  for (const [suffix, role2] of [['LegacyBucketWriter', 'roles/storage.legacyBucketWriter'], ['LegacyObjectReader', 'roles/storage.legacyObjectReader']]) {
    new StorageBucketIamMember(storage, `${id}Backend${suffix}`, { bucket: bucket.name, role: role2, member: serviceAccount.member });
  }
  if (isPublic) new StorageBucketIamMember(storage, `${id}AnonymousRead`, { bucket: bucket.name, role: 'roles/storage.legacyObjectReader', member: 'allUsers' });
}

const readKey = (key: string) => `terraform output -json openreplay_credentials | jq -r '.["${key}"]'`;
output('recordings_bucket', NAMES.recordings, 'Recordings bucket (global.s3.recordingsBucket)');
output('assets_bucket', NAMES.assets, 'Assets bucket (global.s3.assetsBucket), readable anonymously');
output('sourcemaps_bucket', NAMES.sourcemaps, 'Sourcemaps bucket (global.s3.sourcemapsBucket)');
output('spots_bucket', NAMES.spots, 'Spots bucket (global.s3.spotsBucket)');
output('region', REGION, 'Region for the S3-compatible API (global.s3.region): the bucket location, lowercased');
output('endpoint', ENDPOINT, 'S3-compatible endpoint (global.s3.endpoint)');
output('assets_origin', ASSETS_ORIGIN, 'Browser URL of the assets bucket (global.assetsOrigin)');
output(
  'helm_values',
  `minio:
  enabled: false
global:
  s3:
    region: ${REGION}
    endpoint: ${ENDPOINT}
    recordingsBucket: ${NAMES.recordings}
    assetsBucket: ${NAMES.assets}
    sourcemapsBucket: ${NAMES.sourcemaps}
    spotsBucket: ${NAMES.spots}
    existingSecret: openreplay-object-storage
  assetsOrigin: ${ENDPOINT}/${NAMES.assets}
  env:
    USE_S3_TAGS: "false"
`,
  'Helm values for the current OpenReplay chart (v1.9 and later)',
);
output(
  'legacy_vars',
  `env:\n  minio_access_key: ${hmacKey.accessId}\n  minio_secret_key: <${readKey('secret-key')}>\n`,
  'Legacy layout (v1.8 and earlier): vars.yaml; the secret key comes from the credentials output',
);
output('legacy_http', `env:\n  ASSETS_ORIGIN: ${ASSETS_ORIGIN}\n  AWS_REGION: ${REGION}\n`, 'Legacy layout: http.yaml env');
output('legacy_storage', `env:\n  AWS_ENDPOINT: ${ENDPOINT}\n  AWS_REGION_WEB: ${REGION}\n  S3_BUCKET_WEB: ${NAMES.recordings}\n`, 'Legacy layout: storage.yaml env');
output(
  'legacy_assets',
  `env:\n  AWS_ENDPOINT: ${ENDPOINT}\n  AWS_REGION: ${REGION}\n  S3_BUCKET_ASSETS: ${NAMES.assets}\n  ASSETS_ORIGIN: ${ASSETS_ORIGIN}\n`,
  'Legacy layout: assets.yaml env',
);
output(
  'legacy_chalice',
  `env:\n  AWS_DEFAULT_REGION: ${REGION}\n  sessions_bucket: ${NAMES.recordings}\n  sessions_region: ${REGION}\n  sourcemaps_bucket: ${NAMES.sourcemaps}\n  js_cache_bucket: ${NAMES.assets}\n  S3_HOST: ${ENDPOINT}\n`,
  'Legacy layout: chalice.yaml env',
);
output('service_account_email', serviceAccount.email, 'Service account that owns the HMAC key');
output('credentials', { 'access-key': hmacKey.accessId, 'secret-key': hmacKey.secret }, 'HMAC key pair for the S3-compatible API (access-key, secret-key)', true);
output(
  'create_secret_command',
  `kubectl create secret generic openreplay-object-storage --namespace app --from-literal=access-key="$(${readKey('access-key')})" --from-literal=secret-key="$(${readKey('secret-key')})"`,
  'Creates the Kubernetes secret from the credentials output; run it in the Terraform working directory (needs jq)',
);

app.synth();
