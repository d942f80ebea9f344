/**
 * Backend environment for OpenReplay on Cloud Storage, set through the
 * chart's `global.env`.
 *
 * OpenReplay's enterprise backend sends an `x-amz-tagging` header
 * (`retention=<RETENTION>`) with every upload unless `USE_S3_TAGS` is false
 * (it defaults to true; see `backend/internal/config/objectstorage/config.go`
 * and `ee/backend/pkg/objectstorage/s3/tags.go` in the OpenReplay
 * repository); the open-source backend never tags and ignores the setting.
 * Cloud Storage's S3-compatible API keeps no object tags, and its lifecycle
 * conditions (age, prefix, suffix, storage class, versions) cannot match
 * one, so tag-driven deletion cannot work there. The tags are turned off and
 * deletion is left to an age-based lifecycle rule instead.
 */
export const OPENREPLAY_GCS_ENV = { USE_S3_TAGS: 'false' } as const;
