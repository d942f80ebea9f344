import * as s3 from 'aws-cdk-lib/aws-s3';
import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib/core';
import type { Construct } from 'constructs';
import { OpenReplayStorage } from 'replay-storage/lib/aws';

/**
 * Storage for a self-hosted OpenReplay whose dashboard is served from
 * https://openreplay.example.com, with S3 server access logs.
 */
export class OpenReplayExampleStack extends Stack {
  public readonly storage: OpenReplayStorage;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      bucketName: 'example-openreplay-access-logs',
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.storage = new OpenReplayStorage(this, 'OpenReplay', {
      bucketNames: {
        recordings: 'example-openreplay-mobs',
        assets: 'example-openreplay-sessions-assets',
        sourcemaps: 'example-openreplay-sourcemaps',
        spots: 'example-openreplay-spots',
      },
      dashboardOrigins: ['https://openreplay.example.com'],
      serverAccessLogsBucket: accessLogs,
    });
  }
}
