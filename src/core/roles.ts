/**
 * How a browser (the replay player) reaches a bucket.
 */
export enum BrowserAccess {
  /** Anonymous GET of objects by unsigned URL; never listing. */
  PUBLIC_READ = 'public-read',
  /** Only through URLs the backend signs; anonymous access refused. */
  PRESIGNED = 'presigned',
}

/** One bucket a product needs, and what the chart calls it. */
export interface BucketRoleProfile {
  /** Role id, used in construct ids and output names. */
  readonly role: string;
  /** Chart key that names the bucket. */
  readonly chartKey: string;
  /** The chart's default bucket name (documentation only). */
  readonly chartDefaultName: string;
  /** Browser access class. */
  readonly access: BrowserAccess;
  /** Whether recordings-like data lives here (kept on delete by default). */
  readonly holdsRecordings: boolean;
  /** One line for docs and outputs. */
  readonly description: string;
  /** Whether browsers upload into it with presigned PUT URLs (CORS PUT). */
  readonly browserUploads?: boolean;
}

/** OpenReplay's bucket roles: chart keys and default names from `scripts/helmcharts/vars.yaml` (`global.s3.*`). */
export const OPENREPLAY_ROLES = {
  recordings: {
    role: 'recordings',
    chartKey: 'recordingsBucket',
    chartDefaultName: 'mobs',
    access: BrowserAccess.PRESIGNED,
    holdsRecordings: true,
    description: 'Session recordings, fetched by the player through presigned GET URLs',
  },
  assets: {
    role: 'assets',
    chartKey: 'assetsBucket',
    chartDefaultName: 'sessions-assets',
    access: BrowserAccess.PUBLIC_READ,
    holdsRecordings: false,
    description: 'CSS, fonts and images copied from the recorded site, read anonymously by browsers',
  },
  sourcemaps: {
    role: 'sourcemaps',
    chartKey: 'sourcemapsBucket',
    chartDefaultName: 'sourcemaps',
    access: BrowserAccess.PRESIGNED,
    holdsRecordings: false,
    description: 'Uploaded source maps (presigned PUT from the API)',
  },
  spots: {
    role: 'spots',
    chartKey: 'spotsBucket',
    chartDefaultName: 'spots',
    access: BrowserAccess.PRESIGNED,
    holdsRecordings: true,
    description: 'Spot recordings, fetched through presigned GET URLs',
  },
  records: {
    role: 'records',
    // scripts/helmcharts/vars.yaml: global.s3.assistRecordsBucket (default 'records'), enterprise Assist.
    chartKey: 'assistRecordsBucket',
    chartDefaultName: 'records',
    access: BrowserAccess.PRESIGNED,
    holdsRecordings: true,
    browserUploads: true,
    description: 'Assist call recordings (enterprise), uploaded by the browser with presigned PUT URLs',
  },
} as const satisfies Record<string, BucketRoleProfile>;

/** An OpenReplay role name. */
export type OpenReplayRole = keyof typeof OPENREPLAY_ROLES;

/** LogRocket self-hosted's one bucket/container (`fileStorage.buckets.userFiles`). */
export const LOGROCKET_USER_FILES: BucketRoleProfile = {
  role: 'userFiles',
  chartKey: 'fileStorage.buckets.userFiles',
  chartDefaultName: 'userFiles',
  access: BrowserAccess.PUBLIC_READ,
  holdsRecordings: true,
  description: 'Mobile image assets uploaded with signed URLs and read anonymously by the replay player',
};

/** The OpenReplay roles in use: the three core ones, spots and the enterprise records when on. */
export function openReplayRoles(spots: boolean, records = false): BucketRoleProfile[] {
  const roles: BucketRoleProfile[] = [OPENREPLAY_ROLES.recordings, OPENREPLAY_ROLES.assets, OPENREPLAY_ROLES.sourcemaps];
  if (spots) roles.push(OPENREPLAY_ROLES.spots);
  if (records) roles.push(OPENREPLAY_ROLES.records);
  return roles;
}

/**
 * Object-level S3 actions the OpenReplay backend needs: the documented list,
 * plus AbortMultipartUpload for the Go uploader's failed multipart uploads
 * (`backend/pkg/objectstorage/s3/s3.go` uses the SDK's upload manager).
 * No DeleteObject: deletion happens through the lifecycle rules.
 */
export const OPENREPLAY_S3_OBJECT_ACTIONS = [
  's3:PutObject',
  's3:AbortMultipartUpload',
  's3:GetObject',
  's3:GetObjectAcl',
  's3:GetObjectTagging',
  's3:PutObjectTagging',
] as const;

/** Bucket-level S3 actions the OpenReplay backend needs. */
export const OPENREPLAY_S3_BUCKET_ACTIONS = ['s3:ListBucket', 's3:GetBucketLocation'] as const;

/** S3 actions LogRocket's backend needs on userFiles: read, write, sign PUT. */
export const LOGROCKET_S3_OBJECT_ACTIONS = ['s3:PutObject', 's3:GetObject'] as const;

/** Bucket-level S3 actions LogRocket's backend needs on userFiles. */
export const LOGROCKET_S3_BUCKET_ACTIONS = ['s3:ListBucket', 's3:GetBucketLocation'] as const;

