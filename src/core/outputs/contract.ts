import type { Cloud } from '../backends/storage-backend';

/** The two products. */
export type Product = 'openreplay' | 'logrocket';

/**
 * Every output a construct can emit, by its cloud-neutral name. CloudFormation
 * spells it `<prefix><Name>`, Terraform `<prefix>_<snake_name>`.
 */
export type OutputName =
  | 'Metadata'
  | 'RecordingsBucket'
  | 'AssetsBucket'
  | 'SourcemapsBucket'
  | 'SpotsBucket'
  | 'RecordsBucket'
  | 'UserFilesBucket'
  | 'Region'
  | 'Endpoint'
  | 'AssetsOrigin'
  | 'ReplayPrefix'
  | 'HelmValues'
  | 'LegacyVars'
  | 'LegacyHttp'
  | 'LegacyStorage'
  | 'LegacyAssets'
  | 'LegacyChalice'
  | 'CreateSecretCommand'
  | 'ExternalSecretManifest'
  | 'SecretArn'
  | 'RoleArn'
  | 'ServiceAccountEmail'
  | 'Credentials'
  | 'StorageAccountName'
  | 'BlobEndpoint'
  | 'BlobEndpointSuffix'
  | 'AccountKey';

/** One row of the output contract. */
export interface OutputSpec {
  readonly name: OutputName;
  /** What it is; the description every cloud writes. */
  readonly description: string;
  /** The Helm key, file or command it feeds. */
  readonly feeds: string;
  /** Holds key material: a sensitive Terraform output, never a CloudFormation one. */
  readonly sensitive: boolean;
}

/** The output contract: one row per output, in the order constructs emit them. */
export const OUTPUT_CONTRACT: Readonly<Record<OutputName, OutputSpec>> = {
  Metadata: {
    name: 'Metadata',
    description: 'replay-storage metadata (product, cloud, output names, Kubernetes secret), read by the replay-storage command',
    feeds: 'replay-storage values and verify',
    sensitive: false,
  },
  RecordingsBucket: { name: 'RecordingsBucket', description: 'OpenReplay recordings bucket', feeds: 'global.s3.recordingsBucket', sensitive: false },
  AssetsBucket: { name: 'AssetsBucket', description: 'OpenReplay assets bucket, readable anonymously', feeds: 'global.s3.assetsBucket', sensitive: false },
  SourcemapsBucket: { name: 'SourcemapsBucket', description: 'OpenReplay sourcemaps bucket', feeds: 'global.s3.sourcemapsBucket', sensitive: false },
  SpotsBucket: { name: 'SpotsBucket', description: 'OpenReplay spots bucket', feeds: 'global.s3.spotsBucket', sensitive: false },
  RecordsBucket: { name: 'RecordsBucket', description: 'OpenReplay Assist call recordings bucket (enterprise)', feeds: 'global.s3.assistRecordsBucket', sensitive: false },
  UserFilesBucket: { name: 'UserFilesBucket', description: 'LogRocket userFiles bucket', feeds: 'fileStorage.buckets.userFiles', sensitive: false },
  Region: { name: 'Region', description: 'Region the backend signs requests for', feeds: 'global.s3.region / aws.region', sensitive: false },
  Endpoint: { name: 'Endpoint', description: 'Storage endpoint the backend calls', feeds: 'global.s3.endpoint', sensitive: false },
  AssetsOrigin: { name: 'AssetsOrigin', description: 'Browser URL of the assets bucket', feeds: 'global.assetsOrigin', sensitive: false },
  ReplayPrefix: {
    name: 'ReplayPrefix',
    description: 'Replay asset prefix the chart derives (browser URL before the asset hash)',
    feeds: 'nothing: the chart derives it; never list it in cachedAssetPrefixes',
    sensitive: false,
  },
  HelmValues: { name: 'HelmValues', description: 'Helm values for the chart, as YAML', feeds: 'helm upgrade -f values.yaml', sensitive: false },
  LegacyVars: {
    name: 'LegacyVars',
    description: 'Legacy installer (OpenReplay v1.0.0 to v1.8.1): top-level variables',
    feeds: 'scripts/helm/vars.yaml (merge them in)',
    sensitive: false,
  },
  LegacyHttp: { name: 'LegacyHttp', description: 'Legacy installer: env block of the http service', feeds: 'scripts/helm/app/http.yaml', sensitive: false },
  LegacyStorage: { name: 'LegacyStorage', description: 'Legacy installer: env block of the storage service', feeds: 'scripts/helm/app/storage.yaml', sensitive: false },
  LegacyAssets: { name: 'LegacyAssets', description: 'Legacy installer: env block of the assets service', feeds: 'scripts/helm/app/assets.yaml', sensitive: false },
  LegacyChalice: { name: 'LegacyChalice', description: 'Legacy installer: env block of chalice', feeds: 'scripts/helm/app/chalice.yaml', sensitive: false },
  CreateSecretCommand: {
    name: 'CreateSecretCommand',
    description: 'Creates the Kubernetes secret the Helm values read; the line holds no key itself',
    feeds: 'the Kubernetes secret (run once per cluster)',
    sensitive: false,
  },
  ExternalSecretManifest: {
    name: 'ExternalSecretManifest',
    description: 'External Secrets Operator ExternalSecret that keeps the Kubernetes secret in sync with Secrets Manager (instead of CreateSecretCommand)',
    feeds: 'kubectl apply -f - (needs the operator and a ClusterSecretStore for AWS Secrets Manager)',
    sensitive: false,
  },
  SecretArn: {
    name: 'SecretArn',
    description: 'Secrets Manager secret with the access key pair (JSON keys access-key, secret-key)',
    feeds: 'CreateSecretCommand',
    sensitive: false,
  },
  RoleArn: { name: 'RoleArn', description: 'IAM role the backend pods assume (no key exists)', feeds: 'the service accounts of the storage services', sensitive: false },
  ServiceAccountEmail: { name: 'ServiceAccountEmail', description: 'Service account the backend uses', feeds: 'workload identity annotation', sensitive: false },
  Credentials: { name: 'Credentials', description: 'Key material for the backend', feeds: 'Kubernetes secret', sensitive: true },
  StorageAccountName: { name: 'StorageAccountName', description: 'Storage account name', feeds: 'AZURE_ACCOUNT_NAME (OpenReplay)', sensitive: false },
  BlobEndpoint: { name: 'BlobEndpoint', description: "The storage account's primary Blob endpoint", feeds: 'global.s3.endpoint (OpenReplay)', sensitive: false },
  BlobEndpointSuffix: { name: 'BlobEndpointSuffix', description: "Blob endpoint suffix of the storage account's cloud", feeds: 'sovereign-cloud URL checks', sensitive: false },
  AccountKey: { name: 'AccountKey', description: 'Storage account key', feeds: 'Kubernetes secret (AZURE_ACCOUNT_KEY for OpenReplay)', sensitive: true },
};

/** One output a construct emits: the contract row and the value. */
export interface RenderedOutput {
  readonly name: OutputName;
  readonly value: unknown;
  readonly description: string;
  readonly sensitive: boolean;
}

/** How the toolkit spells output names. */
export type OutputStyle = 'cloudformation' | 'terraform';

/** `BlobEndpointSuffix` -> `blob_endpoint_suffix`. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c, i: number) => (i === 0 ? '' : '_') + c.toLowerCase());
}

/** The key an output has in the toolkit's outputs: `<prefix><Name>` or `<prefix>_<snake_name>`. */
export function outputKey(style: OutputStyle, prefix: string, name: OutputName): string {
  return style === 'terraform' ? `${prefix}_${snakeCase(name)}` : `${prefix}${name}`;
}

/** Metadata schema id, bumped only on an incompatible change. */
export const METADATA_SCHEMA = 'replay-storage/v1';

/**
 * The machine-readable `Metadata` output (a JSON string): what the command
 * line reads instead of guessing from output names.
 */
export interface ReplayMetadata {
  readonly schema: typeof METADATA_SCHEMA;
  readonly product: Product;
  readonly cloud: Cloud;
  /** Neutral output name -> the key it has in the outputs file. */
  readonly outputs: Partial<Record<OutputName, string>>;
  /** Oldest chart release the Helm values work with. */
  readonly minimumChartVersion?: string;
  /** The Kubernetes secret the Helm values read, when there is one. */
  readonly kubernetesSecret?: {
    readonly name: string;
    readonly namespace: string;
    /** Secret key -> the output holding its value (or `SecretArn` on AWS). */
    readonly keys: Record<string, OutputName>;
  };
}

/** Adds the contract's description and sensitivity to a value. */
export function output(name: OutputName, value: unknown, detail?: string): RenderedOutput {
  const spec = OUTPUT_CONTRACT[name];
  const text = `${spec.description}; feeds ${spec.feeds}${detail ? `. ${detail.charAt(0).toUpperCase()}${detail.slice(1)}` : ''}`;
  return { name, value, description: text, sensitive: spec.sensitive };
}

/** The metadata output for a list of outputs. */
export function metadataOutput(
  style: OutputStyle,
  prefix: string,
  product: Product,
  cloud: Cloud,
  outputs: readonly RenderedOutput[],
  kubernetesSecret?: ReplayMetadata['kubernetesSecret'],
  minimumChartVersion?: string,
): RenderedOutput {
  const names: Partial<Record<OutputName, string>> = { Metadata: outputKey(style, prefix, 'Metadata') };
  for (const o of outputs) names[o.name] = outputKey(style, prefix, o.name);
  const metadata: ReplayMetadata = {
    schema: METADATA_SCHEMA,
    product,
    cloud,
    outputs: names,
    ...(minimumChartVersion ? { minimumChartVersion } : {}),
    ...(kubernetesSecret ? { kubernetesSecret } : {}),
  };
  return output('Metadata', JSON.stringify(metadata));
}
