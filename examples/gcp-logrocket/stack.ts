import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { LogRocketStorage } from 'replay-storage/lib/gcp';

/** The userFiles bucket of a self-hosted LogRocket on Google Cloud. */
export class GcpLogRocketStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Credentials come from the environment (gcloud auth application-default login).
    new GoogleProvider(this, 'google', { project: 'replay-demo-4711', region: 'us-central1' });

    new LogRocketStorage(this, 'LogRocket', {
      // Globally unique: pick your own.
      userFilesBucketName: 'replay-demo-4711-logrocket-user-files',
      location: 'US-CENTRAL1',
      dashboardOrigins: ['https://logrocket.example.com'],
      // The backend pods run as the service account (GKE Workload Identity)
      // and sign upload URLs without a key.
      workloadIdentity: { namespace: 'logrocket', serviceAccounts: ['logrocket'] },
    });
  }
}
