/**
 * OpenReplay's defaults and ranges, the same on every cloud.
 */

/**
 * Days in the deletion tag unless told otherwise: the backend's own
 * `SCH_DELETE_DAYS` default (`api/env.default`, copied to `.env` by
 * `api/Dockerfile` in openreplay/openreplay).
 */
export const DEFAULT_DELETION_TAG_DAYS = 30;

/**
 * The tag OpenReplay puts on objects of deleted sessions, value = days
 * (`api/chalicelib/utils/storage/s3.py`, `tag_for_deletion`).
 */
export const OPENREPLAY_DELETE_TAG_KEY = 'to_delete_in_days';

/** Kubernetes secret the Helm values read, on every cloud. */
export const DEFAULT_OPENREPLAY_SECRET_NAME = 'openreplay-object-storage';

/** The namespace OpenReplay's install scripts put the application in (`helm ... -n app`). */
export const DEFAULT_OPENREPLAY_NAMESPACE = 'app';

/**
 * Oldest OpenReplay chart release the Helm values work with, per store
 * (checked in openreplay/openreplay release tags):
 * - S3 and GCS: v1.23.0, the first release where sourcemapreader reads the
 *   key pair from `global.s3.existingSecret` (before, it read
 *   `global.s3.accessKey`) and where the subcharts take `global.env`
 *   through the `openreplay.env` helper.
 * - Azure Blob: v1.27.0, the first release where `secretEnv` reaches the
 *   `utilities` cron jobs (the other subcharts from v1.26.0), which crash at
 *   start without `AZURE_ACCOUNT_KEY`.
 */
export const OPENREPLAY_MINIMUM_CHART: Readonly<Record<'s3' | 'gcs' | 'azure-blob', string>> = {
  's3': 'v1.23.0',
  'gcs': 'v1.23.0',
  'azure-blob': 'v1.27.0',
};

/** Example origin in messages. */
export const OPENREPLAY_EXAMPLE_ORIGIN = 'https://openreplay.example.com';
