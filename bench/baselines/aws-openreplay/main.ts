/**
 * Baseline for examples/aws-openreplay: the same template written with plain
 * aws-cdk-lib resources (submodule imports) and literal output values, no
 * replay-storage code. Construct ids match the example so the two templates
 * can be compared resource by resource.
 */
import * as s3 from 'aws-cdk-lib/aws-s3';
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib/core';
import { openReplaySet } from './openreplay-set';

const app = new App();
const stack = new Stack(app, 'OpenReplayStorageExample', { env: { region: 'eu-central-1' } });

const accessLogs = new s3.Bucket(stack, 'AccessLogs', {
  bucketName: 'example-openreplay-access-logs',
  encryption: s3.BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
  lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(90) }],
  removalPolicy: RemovalPolicy.RETAIN,
});

openReplaySet(stack, 'OpenReplay', {
  names: {
    recordings: 'example-openreplay-mobs',
    assets: 'example-openreplay-sessions-assets',
    sourcemaps: 'example-openreplay-sourcemaps',
    spots: 'example-openreplay-spots',
  },
  origin: 'https://openreplay.example.com',
  accessLogs,
});

app.synth();
