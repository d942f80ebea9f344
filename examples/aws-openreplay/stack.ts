import * as s3 from 'aws-cdk-lib/aws-s3';
import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib/core';
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

    // cdk-nag AwsSolutions findings that are the design, not a defect.
    Validations.of(this.storage.assetsBucket).acknowledge({
      id: 'AwsSolutions-S2',
      reason: 'Browsers load replay assets (CSS, fonts, images) by unsigned URL: a bucket policy grants anonymous s3:GetObject on objects only; ACLs stay blocked and listing is never allowed.',
    });
    const buckets = [this.storage.recordingsBucket, this.storage.assetsBucket, this.storage.sourcemapsBucket, this.storage.spotsBucket];
    for (const bucket of buckets) {
      if (!bucket) continue;
      const logicalId = this.resolve(this.getLogicalId(bucket.node.defaultChild as s3.CfnBucket));
      Validations.of(this.storage).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/*]`,
        reason: 'Object-level actions (Get/PutObject and tagging) must name the objects of this one bucket; the actions are listed one by one, with no wildcard.',
      });
    }
    Validations.of(this.storage.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: "The secret holds a static IAM access key that the chart reads from a Kubernetes secret; rotate it by raising 'accessKeySerial' and re-creating the Kubernetes secret.",
    });
  }
}
