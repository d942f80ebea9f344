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
const ASSETS_ORIGIN = `${ENDPOINT}/${NAMES.assets}`;
const SECRET = 'openreplay-object-storage';

const app = new App();
const stack = new TerraformStack(app, 'gcp-openreplay');
new GoogleProvider(stack, 'google', { project: 'replay-demo-4711', region: REGION });
const storage = new Construct(stack, 'OpenReplay');

/** Output `Name` becomes `openreplay_name` (construct id `Output_name`). */
const outputs: Record<string, string> = {};
function output(name: string, value: unknown, description: string, sensitive = false): void {
  const snake = name.replace(/[A-Z]/g, (c, i: number) => `${i ? '_' : ''}${c.toLowerCase()}`);
  new TerraformOutput(storage, `Output_${snake}`, { value, description, ...(sensitive ? { sensitive: true } : {}) }).overrideLogicalId(`openreplay_${snake}`);
  outputs[name] = `openreplay_${snake}`;
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
    lifecycleRule: [
      ...(holdsRecordings ? [{ action: { type: 'Delete' }, condition: { age: 180 } }] : []),
      { action: { type: 'AbortIncompleteMultipartUpload' }, condition: { age: 7 } },
    ],
  });
  for (const [suffix, role2] of [['LegacyBucketWriter', 'roles/storage.legacyBucketWriter'], ['LegacyObjectReader', 'roles/storage.legacyObjectReader']]) {
    new StorageBucketIamMember(storage, `${id}Backend${suffix}`, { bucket: bucket.name, role: role2, member: serviceAccount.member });
  }
  if (isPublic) new StorageBucketIamMember(storage, `${id}AnonymousRead`, { bucket: bucket.name, role: 'roles/storage.legacyObjectReader', member: 'allUsers' });
}

const manifest = `{apiVersion: "v1", kind: "Secret", type: "Opaque", metadata: {name: "${SECRET}", namespace: "app"}, stringData: (.)}`;
output('RecordingsBucket', NAMES.recordings, 'OpenReplay recordings bucket; feeds global.s3.recordingsBucket');
output('AssetsBucket', NAMES.assets, 'OpenReplay assets bucket, readable anonymously; feeds global.s3.assetsBucket');
output('SourcemapsBucket', NAMES.sourcemaps, 'OpenReplay sourcemaps bucket; feeds global.s3.sourcemapsBucket');
output('SpotsBucket', NAMES.spots, 'OpenReplay spots bucket; feeds global.s3.spotsBucket');
output('Region', REGION, 'Region the backend signs requests for; feeds global.s3.region / aws.region');
output('Endpoint', ENDPOINT, 'Storage endpoint the backend calls; feeds global.s3.endpoint');
output('AssetsOrigin', ASSETS_ORIGIN, 'Browser URL of the assets bucket; feeds global.assetsOrigin');
output(
  'HelmValues',
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
    existingSecret: ${SECRET}
  assetsOrigin: ${ASSETS_ORIGIN}
  env:
    SCH_DELETE_DAYS: "30"
    USE_S3_TAGS: "false"
`,
  'Helm values for the chart, as YAML; feeds helm upgrade -f values.yaml. For chart v1.23.0 and later; create the Kubernetes secret first (output openreplay_create_secret_command)',
);
const legacy = (service: string, file: string) => `Legacy installer: env block of ${service}; feeds scripts/helm/app/${file}`;
output(
  'LegacyVars',
  `minio_access_key: ${hmacKey.accessId}\nminio_secret_key: "<the secret-key of: terraform output -json 'openreplay_credentials'>"\n` +
    `s3_endpoint: ${ENDPOINT}\naws_region: ${REGION}\nassets_bucket: ${NAMES.assets}\nrecordings_bucket: ${NAMES.recordings}\nsourcemaps_bucket: ${NAMES.sourcemaps}\n`,
  'Legacy installer (OpenReplay v1.0.0 to v1.8.1): top-level variables; feeds scripts/helm/vars.yaml (merge them in). Checked against v1.0.0 to v1.8.1; put the secret key of the key pair in minio_secret_key',
);
output('LegacyHttp', `env:\n  ASSETS_ORIGIN: ${ASSETS_ORIGIN}\n  AWS_REGION: ${REGION}\n`, legacy('the http service', 'http.yaml'));
output(
  'LegacyStorage',
  `env:\n  AWS_ENDPOINT: ${ENDPOINT}\n  AWS_REGION_WEB: ${REGION}\n  S3_BUCKET_WEB: ${NAMES.recordings}\n`,
  legacy('the storage service', 'storage.yaml'),
);
output(
  'LegacyAssets',
  `env:\n  AWS_ENDPOINT: ${ENDPOINT}\n  AWS_REGION: ${REGION}\n  S3_BUCKET_ASSETS: ${NAMES.assets}\n  ASSETS_ORIGIN: ${ASSETS_ORIGIN}\n`,
  legacy('the assets service', 'assets.yaml'),
);
output(
  'LegacyChalice',
  `env:\n  AWS_DEFAULT_REGION: ${REGION}\n  sessions_bucket: ${NAMES.recordings}\n  sessions_region: ${REGION}\n  sourcemaps_bucket: ${NAMES.sourcemaps}\n  js_cache_bucket: ${NAMES.assets}\n  S3_HOST: ${ENDPOINT}\n  SITE_URL: https://openreplay.example.com\n`,
  `${legacy('chalice', 'chalice.yaml')}. In v1.0.0 to v1.3.5 also comment out 'S3_HOST: "https://{{ domain_name }}"' in scripts/helm/roles/openreplay/templates/chalice.yaml, which otherwise overrides S3_HOST`,
);
output(
  'CreateSecretCommand',
  `terraform output -json 'openreplay_credentials' | jq '${manifest}' | kubectl apply -f -`,
  'Creates the Kubernetes secret the Helm values read; the line holds no key itself; feeds the Kubernetes secret (run once per cluster)',
);
output('ServiceAccountEmail', serviceAccount.email, 'Service account the backend uses; feeds workload identity annotation');
output(
  'Credentials',
  { 'access-key': hmacKey.accessId, 'secret-key': hmacKey.secret },
  'Key material for the backend; feeds Kubernetes secret. HMAC key pair (access-key, secret-key)',
  true,
);
// The Metadata output names every output (itself first) and the Kubernetes secret.
output(
  'Metadata',
  JSON.stringify({
    schema: 'replay-storage/v1',
    product: 'openreplay',
    cloud: 'gcp',
    outputs: { Metadata: 'openreplay_metadata', ...outputs },
    minimumChartVersion: 'v1.23.0',
    kubernetesSecret: { name: SECRET, namespace: 'app', keys: { 'access-key': 'Credentials', 'secret-key': 'Credentials' } },
  }),
  'replay-storage metadata (product, cloud, output names, Kubernetes secret), read by the replay-storage command; feeds replay-storage values and verify',
);

app.synth();
