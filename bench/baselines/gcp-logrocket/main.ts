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

function output(name: string, value: unknown, description: string): void {
  new TerraformOutput(storage, `Output_${name}`, { value, description }).overrideLogicalId(`logrocket_${name}`);
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

output('replay_prefix', `https://storage.googleapis.com/${BUCKET}/`, 'Browser prefix of async-uploaded assets, derived by the chart from fileStorage.buckets.userFiles');
output('helm_values', `fileStorage:\n  buckets:\n    userFiles: ${BUCKET}\nbackendIngest:\n  enabled: true\n`, 'Helm values for the LogRocket chart');
output('user_files_bucket', BUCKET, 'userFiles bucket (fileStorage.buckets.userFiles)');
output('service_account_email', serviceAccount.email, 'Service account the LogRocket backend runs as');

app.synth();
