/** Deployed-footprint app: each AWS construct with only its required props (the defaults). */
import { App, Stack } from 'aws-cdk-lib/core';
import { LogRocketStorage, OpenReplayStorage } from 'replay-storage/lib/aws';

const app = new App();
const stack = new Stack(app, 'DefaultsAws', { env: { region: 'eu-central-1' } });
new OpenReplayStorage(stack, 'OpenReplay', { dashboardOrigins: ['https://openreplay.example.com'] });
new LogRocketStorage(stack, 'LogRocket', { userFilesBucketName: 'logrocket-bench-user-files', dashboardOrigins: ['https://logrocket.example.com'] });
app.synth();
