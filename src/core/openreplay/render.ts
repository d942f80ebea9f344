import {
  OPENREPLAY_LEGACY_CHALICE_TEMPLATE_LINE,
  OPENREPLAY_LEGACY_RELEASES,
  OPENREPLAY_SECRET_KEYS,
  type OpenReplayBucketSet,
  openReplayAzureEnvValues,
  openReplayChartValues,
  openReplayLegacyValues,
} from '../helm/openreplay';
import { kubectlCreateSecretCommand, shellQuote } from '../kubectl';
import { type OutputName, type RenderedOutput, metadataOutput, output, outputKey } from '../outputs/contract';
import { toYaml } from '../yaml';
import { OPENREPLAY_MINIMUM_CHART } from './defaults';
import type { OpenReplayModel } from './resolve';
import { IRSA_ROLE_ANNOTATION, OPENREPLAY_SERVICE_ACCOUNT_SUBCHARTS } from './service-accounts';

/** Legacy layout file -> output. */
export const OPENREPLAY_LEGACY_OUTPUTS: Readonly<Record<string, OutputName>> = {
  'vars.yaml': 'LegacyVars',
  'http.yaml': 'LegacyHttp',
  'storage.yaml': 'LegacyStorage',
  'assets.yaml': 'LegacyAssets',
  'chalice.yaml': 'LegacyChalice',
};

/** What a person must know about each legacy file (checked against the legacy installer). */
const LEGACY_NOTES: Readonly<Record<string, string | undefined>> = {
  'vars.yaml': `checked against ${OPENREPLAY_LEGACY_RELEASES}; put the secret key of the key pair in minio_secret_key`,
  'chalice.yaml':
    `in v1.0.0 to v1.3.5 also comment out '${OPENREPLAY_LEGACY_CHALICE_TEMPLATE_LINE}' ` +
    'in scripts/helm/roles/openreplay/templates/chalice.yaml, which otherwise overrides S3_HOST',
};

/**
 * An External Secrets Operator `ExternalSecret` (API `external-secrets.io/v1`)
 * that makes the Kubernetes secret from the Secrets Manager secret and keeps
 * it in sync: `dataFrom.extract` copies the secret's JSON keys, which are
 * already the ones the chart reads (`access-key`, `secret-key`).
 * @see https://external-secrets.io/latest/provider/aws-secrets-manager/
 */
export function externalSecretManifest(name: string, namespace: string, secretArn: string, store: string): string {
  return toYaml({
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name, namespace },
    spec: {
      refreshInterval: '1h',
      secretStoreRef: { kind: 'ClusterSecretStore', name: store },
      target: { name, creationPolicy: 'Owner' },
      dataFrom: [{ extract: { key: secretArn } }],
    },
  });
}

/** Key inside the Kubernetes secret that holds the Azure storage account key. */
export const AZURE_ACCOUNT_KEY_SECRET_KEY = 'azure-account-key';

/** How the backend authenticates, and where its secret lives. */
export type OpenReplayCredentials =
  /** An IAM access key whose pair is kept in Secrets Manager (AWS). */
  | {
    readonly kind: 'secrets-manager';
    readonly accessKeyId: string;
    readonly secretArn: string;
    readonly region: string;
    /** Name of the External Secrets Operator ClusterSecretStore for AWS Secrets Manager. */
    readonly externalSecretStore: string;
  }
  /** An HMAC key of a service account, for the S3-compatible API (Google Cloud). */
  | { readonly kind: 'hmac'; readonly accessKeyId: string; readonly secretKey: string; readonly serviceAccountEmail: string }
  /** The storage account name and key (Azure, enterprise build). */
  | { readonly kind: 'azure-account-key'; readonly accountName: string; readonly accountKey: string; readonly blobEndpoint: string }
  /**
   * An IAM role the pods assume (EKS Pod Identity or IRSA): no key at all.
   * OpenReplay's clients fall back to the AWS default credential chain only
   * with empty keys and an empty endpoint: with an endpoint set, chalice and
   * sourcemapreader sign with the empty keys and get 403
   * (`api/chalicelib/utils/storage/s3.py` builds a default client only when
   * `S3_HOST` is unset; the chart sets it from `global.s3.endpoint`).
   */
  | {
    readonly kind: 'iam-role';
    readonly roleArn: string;
    /** IRSA: annotate each storage subchart's service account with the role. Pod Identity needs no annotation. */
    readonly annotateServiceAccounts: boolean;
  };

/** What the cloud created, as values (tokens where only known at deploy). */
export interface OpenReplayDeployment {
  /** Final bucket names. */
  readonly buckets: OpenReplayBucketSet;
  /** `global.s3.region`. */
  readonly region: string;
  /** `global.s3.endpoint`, https, no trailing slash. */
  readonly endpoint: string;
  /** `global.assetsOrigin`, no trailing slash. */
  readonly assetsOrigin: string;
  readonly credentials: OpenReplayCredentials;
}

/** Helm documents and outputs of one OpenReplay construct. */
export interface OpenReplayRendering {
  /** Current chart values, YAML. */
  readonly helmValues: string;
  /** Legacy layout, file -> YAML; empty where the legacy chart cannot reach the store. */
  readonly legacy: Readonly<Record<string, string>>;
  /** The command that creates the Kubernetes secret (no key in it); none without a key. */
  readonly createSecretCommand?: string;
  /** Every output, in order, the metadata output last. */
  readonly outputs: readonly RenderedOutput[];
}

/**
 * Renders the Helm documents and the outputs of a resolved model. Only the
 * parts that depend on the cloud's credentials differ between clouds.
 */
export function renderOpenReplay(model: OpenReplayModel, deployed: OpenReplayDeployment): OpenReplayRendering {
  const key = (name: OutputName) => outputKey(model.outputStyle, model.outputPrefix, name);
  const creds = deployed.credentials;
  const { name: secretName, namespace } = model.kubernetesSecret;
  // `global.env` reaches every subchart's container env (`openreplay.env` helper of the chart).
  const env: Record<string, string> = { SCH_DELETE_DAYS: String(model.deletionTagDays) };
  if (!model.backend.hasObjectTags) {
    // The enterprise backend tags uploads unless USE_S3_TAGS=false
    // (backend/internal/config/objectstorage/config.go); the store keeps no tags.
    env.USE_S3_TAGS = 'false';
  }

  let topLevelExtras: Record<string, unknown> | undefined;
  let existingSecret: string | undefined = secretName;
  let secretKeys: Record<string, OutputName> | undefined;
  let createSecretCommand: string | undefined;
  let externalSecret: string | undefined;
  let endpoint = deployed.endpoint;
  const terraformJson = (name: OutputName) => `terraform output -json ${shellQuote(key(name))}`;

  switch (creds.kind) {
    case 'secrets-manager':
      // The secret's JSON already has the keys the chart reads (access-key, secret-key).
      secretKeys = { [OPENREPLAY_SECRET_KEYS.accessKey]: 'SecretArn', [OPENREPLAY_SECRET_KEYS.secretKey]: 'SecretArn' };
      createSecretCommand = kubectlCreateSecretCommand({
        name: secretName,
        namespace,
        source: `aws secretsmanager get-secret-value --region ${shellQuote(creds.region)} --secret-id ${shellQuote(creds.secretArn)} --query SecretString --output text`,
        stringData: '.',
      });
      externalSecret = externalSecretManifest(secretName, namespace, creds.secretArn, creds.externalSecretStore);
      break;
    case 'hmac':
      secretKeys = { [OPENREPLAY_SECRET_KEYS.accessKey]: 'Credentials', [OPENREPLAY_SECRET_KEYS.secretKey]: 'Credentials' };
      createSecretCommand = kubectlCreateSecretCommand({ name: secretName, namespace, source: terraformJson('Credentials'), stringData: '.' });
      break;
    case 'iam-role':
      existingSecret = undefined;
      endpoint = '';
      if (creds.annotateServiceAccounts) {
        topLevelExtras = Object.fromEntries(
          OPENREPLAY_SERVICE_ACCOUNT_SUBCHARTS.map((c) => [c, { serviceAccount: { annotations: { [IRSA_ROLE_ANNOTATION]: creds.roleArn } } }]),
        );
      }
      break;
    case 'azure-account-key': {
      const azure = openReplayAzureEnvValues({ accountName: creds.accountName, secretName, secretKey: AZURE_ACCOUNT_KEY_SECRET_KEY });
      Object.assign(env, azure.global.env as Record<string, string>);
      topLevelExtras = azure.subcharts;
      // The Azure build reads the key from each subchart's secretEnv, not global.s3.
      existingSecret = undefined;
      secretKeys = { [AZURE_ACCOUNT_KEY_SECRET_KEY]: 'AccountKey' };
      createSecretCommand = kubectlCreateSecretCommand({
        name: secretName,
        namespace,
        source: terraformJson('AccountKey'),
        stringData: `{${JSON.stringify(AZURE_ACCOUNT_KEY_SECRET_KEY)}: .}`,
      });
      break;
    }
  }

  const values = openReplayChartValues({
    region: deployed.region,
    endpoint,
    buckets: deployed.buckets,
    assetsOrigin: deployed.assetsOrigin,
    existingSecret,
    globalExtras: { env },
    topLevelExtras,
  });
  const helmValues = toYaml(values);

  // The legacy installer (v1.0.0 to v1.8.1) has no Azure Blob support and reads keys only.
  const legacy: Record<string, string> = {};
  if (creds.kind === 'secrets-manager' || creds.kind === 'hmac') {
    const secretKeyPlaceholder =
      creds.kind === 'secrets-manager'
        ? `<secret-key of the Secrets Manager secret in output ${key('SecretArn')}>`
        : `<the secret-key of: ${terraformJson('Credentials')}>`;
    const docs = openReplayLegacyValues({
      region: deployed.region,
      endpoint: deployed.endpoint,
      buckets: deployed.buckets,
      assetsOrigin: deployed.assetsOrigin,
      accessKeyId: creds.accessKeyId,
      secretKeyPlaceholder,
      siteUrl: model.siteUrl,
    });
    for (const [file, doc] of Object.entries(docs)) legacy[file] = toYaml(doc);
  }

  const outputs: RenderedOutput[] = [];
  const b = deployed.buckets;
  outputs.push(output('RecordingsBucket', b.recordings), output('AssetsBucket', b.assets), output('SourcemapsBucket', b.sourcemaps));
  if (b.spots !== undefined) outputs.push(output('SpotsBucket', b.spots));
  if (b.records !== undefined) outputs.push(output('RecordsBucket', b.records));
  outputs.push(
    output('Region', deployed.region),
    output('Endpoint', deployed.endpoint),
    output('AssetsOrigin', deployed.assetsOrigin),
    output(
      'HelmValues',
      helmValues,
      `for chart ${OPENREPLAY_MINIMUM_CHART[model.backend.kind]} and later` +
        (createSecretCommand !== undefined ? `; create the Kubernetes secret first (output ${key('CreateSecretCommand')})` : ''),
    ),
  );
  for (const [file, yaml] of Object.entries(legacy)) outputs.push(output(OPENREPLAY_LEGACY_OUTPUTS[file], yaml, LEGACY_NOTES[file]));
  if (createSecretCommand !== undefined) outputs.push(output('CreateSecretCommand', createSecretCommand));
  if (externalSecret !== undefined) outputs.push(output('ExternalSecretManifest', externalSecret));
  switch (creds.kind) {
    case 'secrets-manager':
      outputs.push(output('SecretArn', creds.secretArn));
      break;
    case 'hmac':
      outputs.push(
        output('ServiceAccountEmail', creds.serviceAccountEmail),
        output('Credentials', { [OPENREPLAY_SECRET_KEYS.accessKey]: creds.accessKeyId, [OPENREPLAY_SECRET_KEYS.secretKey]: creds.secretKey }, 'HMAC key pair (access-key, secret-key)'),
      );
      break;
    case 'azure-account-key':
      outputs.push(output('StorageAccountName', creds.accountName), output('BlobEndpoint', creds.blobEndpoint), output('AccountKey', creds.accountKey));
      break;
    case 'iam-role':
      outputs.push(output('RoleArn', creds.roleArn));
      break;
  }
  const secret = secretKeys ? { name: secretName, namespace, keys: secretKeys } : undefined;
  const minimum = OPENREPLAY_MINIMUM_CHART[model.backend.kind];
  outputs.push(metadataOutput(model.outputStyle, model.outputPrefix, 'openreplay', model.backend.cloud, outputs, secret, minimum));
  return { helmValues, legacy, createSecretCommand, outputs };
}
