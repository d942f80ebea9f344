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

function output(name: string, value: string, description: string): void {
  new CfnOutput(storage, name, { value, description }).overrideLogicalId(`LogRocket${name}`);
}
output('ReplayPrefix', `https://${BUCKET}.s3.${REGION}.amazonaws.com/`, 'Replay asset prefix the chart derives (browser URL before the asset hash)');
output(
  'HelmValues',
  `fileStorage:\n  buckets:\n    userFiles: ${BUCKET}\naws:\n  region: ${REGION}\n  useVirtualHostS3: true\nbackendIngest:\n  enabled: true\n`,
  'LogRocket chart values for userFiles storage and async mobile upload',
);
output('UserFilesBucket', BUCKET, 'userFiles bucket (fileStorage.buckets.userFiles)');
output('Region', REGION, 'Region of the bucket (aws.region)');
output('SecretArn', secret.secretArn, 'Secrets Manager secret with the access key pair (JSON keys access-key, secret-key)');

// The same cdk-nag acknowledgements as the example.
Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S2', reason: 'The replay player loads async-uploaded images by unsigned URL.' });
const logicalId = stack.resolve(stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket));
Validations.of(storage).acknowledge({ id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/*]`, reason: 'Object-level actions on the userFiles bucket.' });
Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: 'Static IAM access key for the LogRocket backend.' });

app.synth();
