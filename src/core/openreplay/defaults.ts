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

/** Example origin in messages. */
export const OPENREPLAY_EXAMPLE_ORIGIN = 'https://openreplay.example.com';
