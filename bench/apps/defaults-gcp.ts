/** Deployed-footprint app: each GCP construct with only its required props (the defaults). */
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { LogRocketStorage, OpenReplayStorage } from 'replay-storage/lib/gcp';

const app = new App();
const stack = new TerraformStack(app, 'defaults-gcp');
new GoogleProvider(stack, 'google', { project: 'replay-bench-4711' });
new OpenReplayStorage(stack, 'OpenReplay', { bucketNamePrefix: 'replay-bench-4711-openreplay', dashboardOrigins: ['https://openreplay.example.com'] });
new LogRocketStorage(stack, 'LogRocket', { userFilesBucketName: 'replay-bench-4711-logrocket-user-files', dashboardOrigins: ['https://logrocket.example.com'] });
app.synth();
