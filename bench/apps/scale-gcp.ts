/** Scale app: N OpenReplay storage sets (one per tenant) in one cdktf stack on Google Cloud. `BENCH_SETS` gives N. */
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { OpenReplayStorage } from 'replay-storage/lib/gcp';

const sets = Number(process.env.BENCH_SETS ?? '1');
const app = new App();
const stack = new TerraformStack(app, 'scale-gcp');
new GoogleProvider(stack, 'google', { project: 'replay-bench-4711', region: 'europe-west1' });
for (let i = 0; i < sets; i++) {
  new OpenReplayStorage(stack, `Tenant${i}`, {
    bucketNamePrefix: `replay-bench-t${i}-openreplay`,
    location: 'EUROPE-WEST1',
    dashboardOrigins: [`https://t${i}.openreplay.example.com`],
    recordingsExpirationDays: 180,
  });
}
app.synth();
