import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { OpenReplayStorage } from 'replay-storage/lib/gcp';

/** Cloud Storage for a self-hosted OpenReplay, through the S3-compatible API. */
export class GcpOpenReplayStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Credentials come from the environment (gcloud auth application-default login).
    new GoogleProvider(this, 'google', { project: 'replay-demo-4711', region: 'europe-west1' });

    new OpenReplayStorage(this, 'OpenReplay', {
      // Bucket names are global: pick your own prefix.
      bucketNamePrefix: 'replay-demo-4711-openreplay',
      location: 'EUROPE-WEST1',
      dashboardOrigins: ['https://openreplay.example.com'],
      recordingsExpirationDays: 180,
    });
  }
}
