/**
 * What AWS DataSync needs and does in a MinIO -> S3 move, each with the AWS
 * page it comes from. Internal to the AWS migration construct.
 */

/**
 * S3 actions of the role DataSync assumes for an S3 location: the
 * "more restrictive policy than AmazonS3FullAccess" AWS documents, on the
 * one bucket of that location and nothing else. `s3:DeleteObject` is in the
 * documented list; the tasks here never delete (`PreserveDeletedFiles:
 * PRESERVE`).
 * @see https://docs.aws.amazon.com/datasync/latest/userguide/create-s3-location.html#create-role-manually
 */
export const DATASYNC_S3_BUCKET_ACTIONS = ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'] as const;

/** Object-level half of {@link DATASYNC_S3_BUCKET_ACTIONS}'s documented policy. */
export const DATASYNC_S3_OBJECT_ACTIONS = [
  's3:AbortMultipartUpload',
  's3:DeleteObject',
  's3:GetObject',
  's3:ListMultipartUploadParts',
  's3:GetObjectTagging',
  's3:PutObjectTagging',
  's3:PutObject',
] as const;

/** The service principal that assumes the location role and writes the task logs. */
export const DATASYNC_SERVICE = 'datasync.amazonaws.com';

/**
 * Task options of every migration task:
 * - `TransferMode: CHANGED`: after the first full copy, a run copies only
 *   what differs, so re-runs before the cut-over are short.
 * - `OverwriteMode: ALWAYS`: an object changed at the source replaces the copy.
 * - `PreserveDeletedFiles: PRESERVE`: nothing is ever deleted in the new
 *   bucket (objects OpenReplay writes there after the cut-over stay).
 * - `ObjectTags: PRESERVE`: the `retention` and `to_delete_in_days` tags move.
 * - `VerifyMode: ONLY_FILES_TRANSFERRED`: checksums of what was copied, data
 *   and metadata, compared at the end of each run.
 * - `LogLevel: BASIC`: transfer errors in CloudWatch Logs, not one line per
 *   object (millions of recordings).
 * @see https://docs.aws.amazon.com/datasync/latest/userguide/configure-metadata.html
 * @see https://docs.aws.amazon.com/datasync/latest/userguide/configure-data-verification-options.html
 */
export const DATASYNC_TASK_OPTIONS = {
  transferMode: 'CHANGED',
  overwriteMode: 'ALWAYS',
  preserveDeletedFiles: 'PRESERVE',
  objectTags: 'PRESERVE',
  verifyMode: 'ONLY_FILES_TRANSFERRED',
  logLevel: 'BASIC',
} as const;

/**
 * What DataSync copies between another object store and S3, as AWS
 * documents it (the "Between Amazon S3 and other object storage" table):
 * user-defined metadata, object tags, and the system-defined
 * Content-Disposition, Content-Encoding, Content-Language and Content-Type.
 * Not copied: ACLs, prior versions, Last-Modified. Cache-Control is not in
 * that list (the page on task options only names it for best-effort copies
 * from Google Cloud Storage and IBM COS). With `TransferMode: CHANGED`,
 * system metadata is copied on the first run and afterwards only with a
 * change of content or user metadata.
 * @see https://docs.aws.amazon.com/datasync/latest/userguide/metadata-copied.html#metadata-copied-between-object-s3
 * @see https://docs.aws.amazon.com/datasync/latest/userguide/configure-metadata.html
 */
export const DATASYNC_PRESERVES = {
  kept: ['user-defined metadata', 'object tags', 'Content-Disposition', 'Content-Encoding', 'Content-Language', 'Content-Type'],
  notDocumented: ['Cache-Control'],
  lost: ['ACLs', 'prior object versions', 'Last-Modified (copies get the time of the copy)'],
} as const;

/** Most agents one object storage location takes (CreateLocationObjectStorage `AgentArns`). */
export const MAX_AGENTS = 4;

/**
 * A DataSync agent ARN, as CreateLocationObjectStorage validates it.
 * @see https://docs.aws.amazon.com/datasync/latest/userguide/API_CreateLocationObjectStorage.html
 */
export const AGENT_ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):datasync:[a-z\-0-9]+:[0-9]{12}:agent\/agent-[0-9a-z]{17}$/;

/** A DataSync schedule: `rate(...)` or `cron(...)` (EventBridge syntax). */
export const SCHEDULE_EXPRESSION = /^(rate|cron)\([^()]+\)$/;
