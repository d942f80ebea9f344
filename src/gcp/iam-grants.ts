import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { Construct } from 'constructs';

/**
 * Bucket-level roles of the backend's service account, granted on each
 * replay bucket and nowhere else. Together they hold exactly:
 *
 * - `roles/storage.legacyBucketWriter`: `storage.buckets.get` (S3
 *   GetBucketLocation), `storage.objects.list` (ListBucket),
 *   `storage.objects.create` (PutObject) and `storage.objects.delete`.
 *   Cloud Storage needs create *and* delete to replace an existing object,
 *   and the backends do replace objects: OpenReplay's asset cache re-uploads
 *   expired entries under the same key, its API copies a recording onto
 *   itself when a session is deleted, sourcemaps and LogRocket assets can be
 *   uploaded twice. OpenReplay issues no other deletes.
 * - `roles/storage.legacyObjectReader`: `storage.objects.get` (GetObject)
 *   and nothing else.
 *
 * Narrower than `roles/storage.objectAdmin` (object IAM) or
 * `roles/storage.objectUser` (object metadata updates, restores, folders),
 * and both legacy roles can only be granted on a bucket, never on the
 * project.
 * @see https://cloud.google.com/storage/docs/access-control/iam-roles
 * @see https://cloud.google.com/storage/docs/access-control/iam-permissions
 */
export const GCS_BACKEND_ROLES = ['roles/storage.legacyBucketWriter', 'roles/storage.legacyObjectReader'] as const;

/**
 * Role that gives `allUsers` anonymous reads of the public bucket:
 * `roles/storage.legacyObjectReader` holds only `storage.objects.get`, so a
 * browser can fetch `https://storage.googleapis.com/<bucket>/<key>` but not
 * list the bucket. `roles/storage.objectViewer` would also grant
 * `storage.objects.list`, letting anyone enumerate every key.
 */
export const GCS_ANONYMOUS_READ_ROLE = 'roles/storage.legacyObjectReader';

/** The principal for anonymous access. */
export const ALL_USERS = 'allUsers';

/**
 * Role that lets the service account sign blobs (V4 signed URLs) as itself
 * through the IAM Credentials API. Granted on the service account itself,
 * never on the project: it can then mint credentials only for an identity
 * it already is, so it gains no access. No narrower predefined role holds
 * `iam.serviceAccounts.signBlob`.
 * @see https://cloud.google.com/storage/docs/access-control/signing-urls-with-helpers
 */
export const GCP_SIGN_AS_ITSELF_ROLE = 'roles/iam.serviceAccountTokenCreator';

/** Lets a Kubernetes service account act as a Google service account (GKE Workload Identity). */
export const GKE_WORKLOAD_IDENTITY_ROLE = 'roles/iam.workloadIdentityUser';

/** Grants the backend's roles on one bucket (one IAM member per role). */
export function grantBackendAccess(scope: Construct, idPrefix: string, bucket: StorageBucket, member: string): StorageBucketIamMember[] {
  return GCS_BACKEND_ROLES.map(
    (role) =>
      new StorageBucketIamMember(scope, `${idPrefix}${role.replace(/^roles\/storage\./, '').replace(/^./, (c) => c.toUpperCase())}`, {
        bucket: bucket.name,
        role,
        member,
      }),
  );
}

/** Lets anyone read objects of one bucket by URL, without listing. */
export function grantAnonymousRead(scope: Construct, id: string, bucket: StorageBucket): StorageBucketIamMember {
  return new StorageBucketIamMember(scope, id, { bucket: bucket.name, role: GCS_ANONYMOUS_READ_ROLE, member: ALL_USERS });
}
