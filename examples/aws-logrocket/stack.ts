import * as s3 from 'aws-cdk-lib/aws-s3';
import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib/core';
import type { Construct } from 'constructs';
import { LogRocketStorage } from 'replay-storage/lib/aws';

/**
 * Storage for LogRocket self-hosted whose dashboard is served from
 * https://logrocket.example.com, with async mobile image upload on and S3
 * server access logs.
 */
export class LogRocketExampleStack extends Stack {
  public readonly storage: LogRocketStorage;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      bucketName: 'example-logrocket-access-logs',
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.storage = new LogRocketStorage(this, 'LogRocket', {
      userFilesBucketName: 'example-logrocket-user-files',
      dashboardOrigins: ['https://logrocket.example.com'],
      serverAccessLogsBucket: accessLogs,
    });
  }
}
