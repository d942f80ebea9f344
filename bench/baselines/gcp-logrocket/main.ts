/**
 * Baseline for examples/gcp-logrocket: the same cdk.tf.json written with
 * plain cdktf and @cdktf/provider-google resources (deep imports) and literal
 * output values, no replay-storage code. Construct ids match the example.
 */
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

const BUCKET = 'replay-demo-4711-logrocket-user-files';

const app = new App();
const stack = new TerraformStack(app, 'gcp-logrocket');
new GoogleProvider(stack, 'google', { project: 'replay-demo-4711', region: 'us-central1' });
const storage = new Construct(stack, 'LogRocket');

/** Output `Name` becomes `logrocket_name` (construct id `Output_name`). */
const outputs: Record<string, string> = {};
function output(name: string, value: unknown, description: string): void {
  const snake = name.replace(/[A-Z]/g, (c, i: number) => `${i ? '_' : ''}${c.toLowerCase()}`);
  new TerraformOutput(storage, `Output_${snake}`, { value, description }).overrideLogicalId(`logrocket_${snake}`);
  outputs[name] = `logrocket_${snake}`;
}

const serviceAccount = new ServiceAccount(storage, 'ServiceAccount', {
  accountId: 'logrocket-storage',
  displayName: 'LogRocket userFiles',
  description: 'LogRocket backend: reads and writes userFiles and signs upload URLs for it',
});
const bucket = new StorageBucket(storage, 'UserFilesBucket', {
  name: BUCKET,
  location: 'US-CENTRAL1',
  uniformBucketLevelAccess: true,
  publicAccessPrevention: 'inherited',
  forceDestroy: false,
  cors: [{ origin: ['https://logrocket.example.com'], method: ['GET', 'HEAD'], responseHeader: ['ETag', 'Content-Length', 'Content-Type', 'Content-Range'], maxAgeSeconds: 3600 }],
});
new StorageBucketIamMember(storage, 'UserFilesBackendLegacyBucketWriter', { bucket: bucket.name, role: 'roles/storage.legacyBucketWriter', member: serviceAccount.member });
new StorageBucketIamMember(storage, 'UserFilesBackendLegacyObjectReader', { bucket: bucket.name, role: 'roles/storage.legacyObjectReader', member: serviceAccount.member });
new StorageBucketIamMember(storage, 'UserFilesAnonymousRead', { bucket: bucket.name, role: 'roles/storage.legacyObjectReader', member: 'allUsers' });
new ServiceAccountIamMember(storage, 'SignAsItself', { serviceAccountId: serviceAccount.name, role: 'roles/iam.serviceAccountTokenCreator', member: serviceAccount.member });
new ServiceAccountIamMember(storage, 'WorkloadIdentity', {
  serviceAccountId: serviceAccount.name,
  role: 'roles/iam.workloadIdentityUser',
  member: `serviceAccount:${serviceAccount.project}.svc.id.goog[logrocket/logrocket]`,
});

output(
  'ReplayPrefix',
  `https://storage.googleapis.com/${BUCKET}/`,
  'Replay asset prefix the chart derives (browser URL before the asset hash); feeds nothing: the chart derives it; never list it in cachedAssetPrefixes',
);
output('HelmValues', `fileStorage:\n  buckets:\n    userFiles: ${BUCKET}\nbackendIngest:\n  enabled: true\n`, 'Helm values for the chart, as YAML; feeds helm upgrade -f values.yaml');
output('UserFilesBucket', BUCKET, 'LogRocket userFiles bucket; feeds fileStorage.buckets.userFiles');
output('ServiceAccountEmail', serviceAccount.email, 'Service account the backend uses; feeds workload identity annotation');
// The Metadata output names every output, itself first.
output(
  'Metadata',
  JSON.stringify({ schema: 'replay-storage/v1', product: 'logrocket', cloud: 'gcp', outputs: { Metadata: 'logrocket_metadata', ...outputs } }),
  'replay-storage metadata (product, cloud, output names, Kubernetes secret), read by the replay-storage command; feeds replay-storage values and verify',
);

app.synth();
