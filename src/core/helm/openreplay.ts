import { trimTrailingSlash } from '../prefix';

/** Bucket names per OpenReplay role, as the chart keys want them. */
export interface OpenReplayBucketSet {
  readonly recordings: string;
  readonly assets: string;
  readonly sourcemaps: string;
  /** Absent when spots are turned off. */
  readonly spots?: string;
  /** Enterprise Assist records; absent unless turned on. */
  readonly records?: string;
}

/** Kubernetes secret keys the chart reads with `global.s3.existingSecret`. */
export const OPENREPLAY_SECRET_KEYS = { accessKey: 'access-key', secretKey: 'secret-key' } as const;

/** What the current chart (scripts/helmcharts) needs to reach external storage. */
export interface OpenReplayValuesInput {
  /** Region (empty string where the service has none). */
  readonly region: string;
  /** S3 API endpoint, https, no trailing slash. */
  readonly endpoint: string;
  readonly buckets: OpenReplayBucketSet;
  /** Browser URL of the assets bucket; the chart trims a trailing slash. */
  readonly assetsOrigin: string;
  /**
   * Kubernetes secret holding `access-key` and `secret-key`. Undefined means
   * workload identity (IRSA): the chart then gets empty keys.
   */
  readonly existingSecret?: string;
  /** Extra keys merged under `global` (e.g. `env` on GCS and Azure). */
  readonly globalExtras?: Record<string, unknown>;
  /** Extra top-level keys (e.g. per-subchart `secretEnv` on Azure). */
  readonly topLevelExtras?: Record<string, unknown>;
}

/**
 * Current chart values (`scripts/helmcharts/vars.yaml`): bundled MinIO off,
 * `global.s3.*` pointing at the external buckets, the key pair referenced
 * from an existing Kubernetes secret, never inline.
 */
export function openReplayChartValues(input: OpenReplayValuesInput): Record<string, unknown> {
  const s3: Record<string, unknown> = {
    region: input.region,
    endpoint: trimTrailingSlash(input.endpoint),
    recordingsBucket: input.buckets.recordings,
    assetsBucket: input.buckets.assets,
    sourcemapsBucket: input.buckets.sourcemaps,
  };
  if (input.buckets.spots !== undefined) s3.spotsBucket = input.buckets.spots;
  if (input.buckets.records !== undefined) s3.assistRecordsBucket = input.buckets.records;
  if (input.existingSecret !== undefined) {
    s3.existingSecret = input.existingSecret;
  } else {
    // Workload identity: the keys must be empty, not absent defaults.
    s3.accessKey = '';
    s3.secretKey = '';
  }
  return {
    minio: { enabled: false },
    global: {
      s3,
      assetsOrigin: trimTrailingSlash(input.assetsOrigin),
      ...(input.globalExtras ?? {}),
    },
    ...(input.topLevelExtras ?? {}),
  };
}

/** Inputs of the legacy installer's (v1.0.0 to v1.8.1) per-service layout. */
export interface OpenReplayLegacyInput {
  readonly region: string;
  readonly endpoint: string;
  readonly buckets: OpenReplayBucketSet;
  readonly assetsOrigin: string;
  /** The access key id (not secret). */
  readonly accessKeyId: string;
  /** Text standing where the secret key goes; the secret itself never does. */
  readonly secretKeyPlaceholder: string;
  /** The dashboard's URL (chalice `SITE_URL`), when one concrete origin is known. */
  readonly siteUrl?: string;
}

/**
 * Releases of the legacy installer (`scripts/helm`, `openreplay-cli -i`)
 * these documents were checked against in openreplay/openreplay.
 */
export const OPENREPLAY_LEGACY_RELEASES = 'v1.0.0 to v1.8.1';

/**
 * The template line that overrides chalice's `S3_HOST` in releases v1.0.0
 * to v1.3.5 (`scripts/helm/roles/openreplay/templates/chalice.yaml`, line
 * 15): comment it out there. From v1.3.6 the templates take the endpoint
 * from `s3_endpoint` in vars.yaml instead.
 */
export const OPENREPLAY_LEGACY_CHALICE_TEMPLATE_LINE = 'S3_HOST: "https://{{ domain_name }}"';

/**
 * Legacy layout, one document per file, as the legacy installer reads them
 * (checked against openreplay/openreplay v1.0.0 to v1.8.1):
 *
 * - `vars.yaml`: top-level Ansible variables (`kube-install.sh` passes the
 *   file with `-e @vars.yaml`; there is no `env:` block). The `minio_*` keys
 *   are the credentials every service's template uses; `s3_endpoint`,
 *   `aws_region` and the `*_bucket` keys are what the templates read from
 *   v1.3.6 (`scripts/helm/vars.yaml@v1.3.6`). Merge them into your vars.yaml.
 * - `app/<service>.yaml`: `env:` blocks (the app chart loops over
 *   `.Values.env`); the role templates are applied after them and win where
 *   they set a key, which up to v1.3.5 is only credentials and chalice's
 *   `S3_HOST` (see {@link OPENREPLAY_LEGACY_CHALICE_TEMPLATE_LINE}).
 *
 * `ASSETS_ORIGIN` has no trailing slash: the asset rewriter appends a cache
 * path that starts with `/` (`backend/pkg/url/assets/url.go`), so a trailing
 * slash yields `//` and a key that does not exist.
 */
export function openReplayLegacyValues(input: OpenReplayLegacyInput): Record<string, Record<string, unknown>> {
  const endpoint = trimTrailingSlash(input.endpoint);
  const origin = trimTrailingSlash(input.assetsOrigin);
  const b = input.buckets;
  return {
    'vars.yaml': {
      minio_access_key: input.accessKeyId,
      minio_secret_key: input.secretKeyPlaceholder,
      s3_endpoint: endpoint,
      aws_region: input.region,
      assets_bucket: b.assets,
      recordings_bucket: b.recordings,
      sourcemaps_bucket: b.sourcemaps,
    },
    'http.yaml': { env: { ASSETS_ORIGIN: origin, AWS_REGION: input.region } },
    'storage.yaml': { env: { AWS_ENDPOINT: endpoint, AWS_REGION_WEB: input.region, S3_BUCKET_WEB: b.recordings } },
    'assets.yaml': { env: { AWS_ENDPOINT: endpoint, AWS_REGION: input.region, S3_BUCKET_ASSETS: b.assets, ASSETS_ORIGIN: origin } },
    'chalice.yaml': {
      env: {
        AWS_DEFAULT_REGION: input.region,
        sessions_bucket: b.recordings,
        sessions_region: input.region,
        sourcemaps_bucket: b.sourcemaps,
        js_cache_bucket: b.assets,
        S3_HOST: endpoint,
        // Up to v1.2.0 chalice falls back to S3_HOST for its own links when SITE_URL is empty (api/env_handler.py).
        ...(input.siteUrl !== undefined ? { SITE_URL: input.siteUrl } : {}),
      },
    },
  };
}

/**
 * Subcharts that open object storage and render `secretEnv` (the chart's
 * `openreplay.secretEnv` helper in
 * `scripts/helmcharts/openreplay/templates/_helpers.tpl`, v1.27.0): each gets
 * the Azure key from its own `existingSecret`. `utilities` runs the
 * enterprise cron jobs, which open storage at start; `http` gets bucket
 * settings but never opens storage (`backend/cmd/http/main.go`).
 */
export const OPENREPLAY_STORAGE_SUBCHARTS = [
  'alerts',
  'api',
  'assets',
  'canvases',
  'chalice',
  'images',
  'integrations',
  'sourcemapreader',
  'spot',
  'storage',
  'utilities',
] as const;

/** Azure Blob settings of OpenReplay's enterprise build. */
export interface OpenReplayAzureEnvInput {
  readonly accountName: string;
  /** Kubernetes secret holding the account key. */
  readonly secretName: string;
  /** Key inside that secret. */
  readonly secretKey: string;
}

/**
 * Values that switch the enterprise build to Azure Blob: `CLOUD` and
 * `AZURE_ACCOUNT_NAME` through `global.env`, `AZURE_ACCOUNT_KEY` through
 * each storage subchart's `secretEnv` from a Kubernetes secret.
 */
export function openReplayAzureEnvValues(input: OpenReplayAzureEnvInput): { global: Record<string, unknown>; subcharts: Record<string, unknown> } {
  const subcharts: Record<string, unknown> = {};
  for (const chart of OPENREPLAY_STORAGE_SUBCHARTS) {
    subcharts[chart] = { existingSecret: input.secretName, secretEnv: { AZURE_ACCOUNT_KEY: input.secretKey } };
  }
  return { global: { env: { CLOUD: 'azure', AZURE_ACCOUNT_NAME: input.accountName } }, subcharts };
}
