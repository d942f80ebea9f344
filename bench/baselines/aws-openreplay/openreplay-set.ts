/**
 * One OpenReplay storage set written with plain aws-cdk-lib resources and
 * literal output values: what the library's OpenReplayStorage synthesizes,
 * without the library. Used by the example baseline and the scale floor.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { CfnOutput, Duration, RemovalPolicy, SecretValue, Stack, Validations } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';

const SECRET = 'openreplay-object-storage';
/** The library's cdk-nag acknowledgement reasons (src/aws/nag-acknowledgements.ts), as literals. */
const PUBLIC_ASSETS =
  'Browsers load replay assets by unsigned URL: a bucket policy grants anonymous s3:GetObject on objects only; ACLs stay blocked and listing is never allowed.';
const OBJECT_ACTIONS =
  'Object-level actions must name the objects of this one bucket (<bucket arn>/*); the actions are listed one by one, with no action wildcard.';
const STATIC_KEY =
  "The secret holds a static IAM access key that the chart reads from a Kubernetes secret; Secrets Manager cannot rotate an IAM user's key. Rotate it by raising 'accessKeySerial' and re-creating the Kubernetes secret.";

export interface OpenReplaySetOptions {
  readonly names: { readonly recordings: string; readonly assets: string; readonly sourcemaps: string; readonly spots: string };
  readonly origin: string;
  readonly accessLogs?: s3.IBucket;
}

export interface OpenReplaySet {
  readonly scope: Construct;
  readonly buckets: s3.Bucket[];
  readonly secret: secretsmanager.Secret;
}

export function openReplaySet(parent: Construct, id: string, options: OpenReplaySetOptions): OpenReplaySet {
  const { names, origin, accessLogs } = options;
  const region = Stack.of(parent).region;
  const endpoint = `https://s3.${region}.amazonaws.com`;
  const assetsOrigin = `https://${names.assets}.s3.${region}.amazonaws.com`;
  const storage = new Construct(parent, id);

  const buckets: s3.Bucket[] = [];
  for (const [bucketId, role] of [['Recordings', 'recordings'], ['Assets', 'assets'], ['Sourcemaps', 'sourcemaps'], ['Spots', 'spots']] as const) {
    const isPublic = role === 'assets';
    const bucket = new s3.Bucket(storage, bucketId, {
      bucketName: names[role],
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      blockPublicAccess: isPublic
        ? new s3.BlockPublicAccess({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false })
        : s3.BlockPublicAccess.BLOCK_ALL,
      versioned: false,
      removalPolicy: RemovalPolicy.RETAIN,
      cors: [
        {
          allowedOrigins: [origin],
          allowedMethods: [s3.HttpMethods.GET],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag', 'Content-Length', 'Content-Type', 'Content-Range'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        { id: 'expire-tagged-to_delete_in_days', tagFilters: { to_delete_in_days: '30' }, expiration: Duration.days(30) },
        { id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: accessLogs ? `${id}/${role}/` : undefined,
    });
    if (isPublic) {
      Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S2', reason: PUBLIC_ASSETS });
      Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S5', reason: PUBLIC_ASSETS });
      bucket.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'AnonymousObjectRead',
          principals: [new iam.StarPrincipal()],
          actions: ['s3:GetObject'],
          resources: [bucket.arnForObjects('*')],
        }),
      );
    }
    buckets.push(bucket);
  }

  const credentials = new Construct(storage, 'Credentials');
  const user = new iam.User(credentials, 'User');
  new iam.Policy(credentials, 'AccessPolicy', {
    users: [user],
    statements: [
      new iam.PolicyStatement({
        sid: 'ObjectAccess',
        actions: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:GetObject', 's3:GetObjectAcl', 's3:GetObjectTagging', 's3:PutObjectTagging'],
        resources: buckets.map((b) => b.arnForObjects('*')),
      }),
      new iam.PolicyStatement({ sid: 'BucketAccess', actions: ['s3:ListBucket', 's3:GetBucketLocation'], resources: buckets.map((b) => b.bucketArn) }),
    ],
  });
  const accessKey = new iam.AccessKey(credentials, 'AccessKey', { user });
  const secret = new secretsmanager.Secret(credentials, 'Secret', {
    description: `Access key pair for the OpenReplay backend (${storage.node.path})`,
    secretObjectValue: {
      'access-key': SecretValue.resourceAttribute(accessKey.accessKeyId),
      'secret-key': accessKey.secretAccessKey,
    },
  });

  const outputs: string[] = [];
  const output = (name: string, value: string, description: string): void => {
    new CfnOutput(storage, name, { value, description }).overrideLogicalId(`${id}${name}`);
    outputs.push(name);
  };
  // The same cdk-nag acknowledgements as the library.
  const stack = Stack.of(storage);
  for (const bucket of buckets) {
    const logicalId = stack.resolve(stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket));
    Validations.of(credentials).acknowledge({ id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/*]`, reason: OBJECT_ACTIONS });
  }
  Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: STATIC_KEY });

  const manifest = `{apiVersion: "v1", kind: "Secret", type: "Opaque", metadata: {name: "${SECRET}", namespace: "app"}, stringData: (.)}`;
  const legacy = (service: string, file: string) => `Legacy installer: env block of ${service}; feeds scripts/helm/app/${file}`;
  output('RecordingsBucket', names.recordings, 'OpenReplay recordings bucket; feeds global.s3.recordingsBucket');
  output('AssetsBucket', names.assets, 'OpenReplay assets bucket, readable anonymously; feeds global.s3.assetsBucket');
  output('SourcemapsBucket', names.sourcemaps, 'OpenReplay sourcemaps bucket; feeds global.s3.sourcemapsBucket');
  output('SpotsBucket', names.spots, 'OpenReplay spots bucket; feeds global.s3.spotsBucket');
  output('Region', region, 'Region the backend signs requests for; feeds global.s3.region / aws.region');
  output('Endpoint', endpoint, 'Storage endpoint the backend calls; feeds global.s3.endpoint');
  output('AssetsOrigin', assetsOrigin, 'Browser URL of the assets bucket; feeds global.assetsOrigin');
  output(
    'HelmValues',
    `minio:
  enabled: false
global:
  s3:
    region: ${region}
    endpoint: ${endpoint}
    recordingsBucket: ${names.recordings}
    assetsBucket: ${names.assets}
    sourcemapsBucket: ${names.sourcemaps}
    spotsBucket: ${names.spots}
    existingSecret: ${SECRET}
  assetsOrigin: ${assetsOrigin}
  env:
    SCH_DELETE_DAYS: "30"
`,
    `Helm values for the chart, as YAML; feeds helm upgrade -f values.yaml. For chart v1.23.0 and later; create the Kubernetes secret first (output ${id}CreateSecretCommand)`,
  );
  output(
    'LegacyVars',
    `minio_access_key: ${accessKey.accessKeyId}\nminio_secret_key: <secret-key of the Secrets Manager secret in output ${id}SecretArn>\n` +
      `s3_endpoint: ${endpoint}\naws_region: ${region}\nassets_bucket: ${names.assets}\nrecordings_bucket: ${names.recordings}\nsourcemaps_bucket: ${names.sourcemaps}\n`,
    'Legacy installer (OpenReplay v1.0.0 to v1.8.1): top-level variables; feeds scripts/helm/vars.yaml (merge them in). Checked against v1.0.0 to v1.8.1; put the secret key of the key pair in minio_secret_key',
  );
  output('LegacyHttp', `env:\n  ASSETS_ORIGIN: ${assetsOrigin}\n  AWS_REGION: ${region}\n`, legacy('the http service', 'http.yaml'));
  output(
    'LegacyStorage',
    `env:\n  AWS_ENDPOINT: ${endpoint}\n  AWS_REGION_WEB: ${region}\n  S3_BUCKET_WEB: ${names.recordings}\n`,
    legacy('the storage service', 'storage.yaml'),
  );
  output(
    'LegacyAssets',
    `env:\n  AWS_ENDPOINT: ${endpoint}\n  AWS_REGION: ${region}\n  S3_BUCKET_ASSETS: ${names.assets}\n  ASSETS_ORIGIN: ${assetsOrigin}\n`,
    legacy('the assets service', 'assets.yaml'),
  );
  output(
    'LegacyChalice',
    `env:\n  AWS_DEFAULT_REGION: ${region}\n  sessions_bucket: ${names.recordings}\n  sessions_region: ${region}\n  sourcemaps_bucket: ${names.sourcemaps}\n  js_cache_bucket: ${names.assets}\n  S3_HOST: ${endpoint}\n  SITE_URL: ${origin}\n`,
    `${legacy('chalice', 'chalice.yaml')}. In v1.0.0 to v1.3.5 also comment out 'S3_HOST: "https://{{ domain_name }}"' in scripts/helm/roles/openreplay/templates/chalice.yaml, which otherwise overrides S3_HOST`,
  );
  output(
    'CreateSecretCommand',
    `aws secretsmanager get-secret-value --region '${region}' --secret-id '${secret.secretArn}' --query SecretString --output text | jq '${manifest}' | kubectl apply -f -`,
    'Creates the Kubernetes secret the Helm values read; the line holds no key itself; feeds the Kubernetes secret (run once per cluster)',
  );
  output(
    'ExternalSecretManifest',
    `apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: ${SECRET}
  namespace: app
spec:
  refreshInterval: 1h
  secretStoreRef:
    kind: ClusterSecretStore
    name: aws-secrets-manager
  target:
    name: ${SECRET}
    creationPolicy: Owner
  dataFrom:
    - extract:
        key: ${secret.secretArn}
`,
    'External Secrets Operator ExternalSecret that keeps the Kubernetes secret in sync with Secrets Manager (instead of CreateSecretCommand); ' +
      'feeds kubectl apply -f - (needs the operator and a ClusterSecretStore for AWS Secrets Manager)',
  );
  output('SecretArn', secret.secretArn, 'Secrets Manager secret with the access key pair (JSON keys access-key, secret-key); feeds CreateSecretCommand');
  // The Metadata output names every output (itself first) and the Kubernetes secret.
  const metadata = {
    schema: 'replay-storage/v1',
    product: 'openreplay',
    cloud: 'aws',
    outputs: Object.fromEntries(['Metadata', ...outputs].map((name) => [name, `${id}${name}`])),
    minimumChartVersion: 'v1.23.0',
    kubernetesSecret: { name: SECRET, namespace: 'app', keys: { 'access-key': 'SecretArn', 'secret-key': 'SecretArn' } },
  };
  output(
    'Metadata',
    JSON.stringify(metadata),
    'replay-storage metadata (product, cloud, output names, Kubernetes secret), read by the replay-storage command; feeds replay-storage values and verify',
  );
  return { scope: storage, buckets, secret };
}
