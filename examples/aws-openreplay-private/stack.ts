import * as s3 from 'aws-cdk-lib/aws-s3';
import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib/core';
import type { Construct } from 'constructs';
import { BackendIdentity, OpenReplayStorage } from 'replay-storage/lib/aws';

/**
 * OpenReplay storage with no static key and no public bucket: the backend's
 * pods assume a role through EKS Pod Identity, and browsers load replay
 * assets from CloudFront, which alone may read the private assets bucket.
 */
export class PrivateOpenReplayExampleStack extends Stack {
  public readonly storage: OpenReplayStorage;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      bucketName: 'example-openreplay-private-access-logs',
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.storage = new OpenReplayStorage(this, 'OpenReplay', {
      bucketNamePrefix: 'example-openreplay-private',
      dashboardOrigins: ['https://openreplay.example.com'],
      // No access key: pods of the storage services assume a role (one association per service account).
      identity: BackendIdentity.podIdentity({ clusterName: 'replay' }),
      // No public bucket: CloudFront with an origin access control serves the assets.
      privateAssets: true,
      // Deleted sessions' tags are not dependable on S3 (see the README); age is.
      recordingsExpirationDays: 180,
      serverAccessLogsBucket: accessLogs,
    });
  }
}
