/**
 * Baseline for examples/aws-logrocket: the same template written with plain
 * aws-cdk-lib resources (submodule imports) and literal output values, no
 * replay-storage code. Construct ids match the example.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { App, CfnOutput, Duration, RemovalPolicy, SecretValue, Stack, Validations } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';

const REGION = 'eu-central-1';
const BUCKET = 'example-logrocket-user-files';

const app = new App();
const stack = new Stack(app, 'LogRocketStorageExample', { env: { region: REGION } });

const accessLogs = new s3.Bucket(stack, 'AccessLogs', {
  bucketName: 'example-logrocket-access-logs',
  encryption: s3.BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
  lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(90) }],
  removalPolicy: RemovalPolicy.RETAIN,
});

const storage = new Construct(stack, 'LogRocket');
const bucket = new s3.Bucket(storage, 'UserFiles', {
  bucketName: BUCKET,
  encryption: s3.BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  minimumTLSVersion: 1.2,
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
  blockPublicAccess: new s3.BlockPublicAccess({
    blockPublicAcls: true,
    ignorePublicAcls: true,
    blockPublicPolicy: false,
    restrictPublicBuckets: false,
  }),
  versioned: false,
  removalPolicy: RemovalPolicy.RETAIN,
  cors: [
    {
      allowedOrigins: ['https://logrocket.example.com'],
      allowedMethods: [s3.HttpMethods.GET, s3.HttpMethods.HEAD],
      allowedHeaders: ['*'],
      exposedHeaders: ['ETag', 'Content-Length', 'Content-Type', 'Content-Range'],
      maxAge: 3600,
    },
  ],
  serverAccessLogsBucket: accessLogs,
  serverAccessLogsPrefix: 'LogRocket/userFiles/',
});
bucket.addToResourcePolicy(
  new iam.PolicyStatement({ sid: 'AnonymousObjectRead', principals: [new iam.StarPrincipal()], actions: ['s3:GetObject'], resources: [bucket.arnForObjects('*')] }),
);

const credentials = new Construct(storage, 'Credentials');
const user = new iam.User(credentials, 'User');
new iam.Policy(credentials, 'AccessPolicy', {
  users: [user],
  statements: [
    new iam.PolicyStatement({ sid: 'ObjectAccess', actions: ['s3:PutObject', 's3:GetObject'], resources: [bucket.arnForObjects('*')] }),
    new iam.PolicyStatement({ sid: 'BucketAccess', actions: ['s3:ListBucket', 's3:GetBucketLocation'], resources: [bucket.bucketArn] }),
  ],
});
const accessKey = new iam.AccessKey(credentials, 'AccessKey', { user });
const secret = new secretsmanager.Secret(credentials, 'Secret', {
  description: 'Access key pair for the LogRocket backend (LogRocketStorageExample/LogRocket)',
  secretObjectValue: {
    'access-key': SecretValue.resourceAttribute(accessKey.accessKeyId),
    'secret-key': accessKey.secretAccessKey,
  },
});

const outputs: string[] = [];
function output(name: string, value: string, description: string): void {
  new CfnOutput(storage, name, { value, description }).overrideLogicalId(`LogRocket${name}`);
  outputs.push(name);
}
output(
  'ReplayPrefix',
  `https://${BUCKET}.s3.${REGION}.amazonaws.com/`,
  'Replay asset prefix the chart derives (browser URL before the asset hash); feeds nothing: the chart derives it; never list it in cachedAssetPrefixes',
);
output(
  'HelmValues',
  `fileStorage:\n  buckets:\n    userFiles: ${BUCKET}\naws:\n  region: ${REGION}\n  useVirtualHostS3: true\nbackendIngest:\n  enabled: true\n`,
  'Helm values for the chart, as YAML; feeds helm upgrade -f values.yaml',
);
output('UserFilesBucket', BUCKET, 'LogRocket userFiles bucket; feeds fileStorage.buckets.userFiles');
output('Region', REGION, 'Region the backend signs requests for; feeds global.s3.region / aws.region');
output('SecretArn', secret.secretArn, 'Secrets Manager secret with the access key pair (JSON keys access-key, secret-key); feeds CreateSecretCommand');
// The Metadata output names every output, itself first.
const metadata = {
  schema: 'replay-storage/v1',
  product: 'logrocket',
  cloud: 'aws',
  outputs: Object.fromEntries(['Metadata', ...outputs].map((name) => [name, `LogRocket${name}`])),
};
output(
  'Metadata',
  JSON.stringify(metadata),
  'replay-storage metadata (product, cloud, output names, Kubernetes secret), read by the replay-storage command; feeds replay-storage values and verify',
);

// The same cdk-nag acknowledgements as the library (its reasons, as literals).
const PUBLIC_ASSETS =
  'Browsers load replay assets by unsigned URL: a bucket policy grants anonymous s3:GetObject on objects only; ACLs stay blocked and listing is never allowed.';
Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S2', reason: PUBLIC_ASSETS });
Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S5', reason: PUBLIC_ASSETS });
const logicalId = stack.resolve(stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket));
Validations.of(credentials).acknowledge({
  id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/*]`,
  reason: 'Object-level actions must name the objects of this one bucket (<bucket arn>/*); the actions are listed one by one, with no action wildcard.',
});
Validations.of(secret).acknowledge({
  id: 'AwsSolutions-SMG4',
  reason:
    "The secret holds a static IAM access key that the chart reads from a Kubernetes secret; Secrets Manager cannot rotate an IAM user's key. Rotate it by raising 'accessKeySerial' and re-creating the Kubernetes secret.",
});

app.synth();
