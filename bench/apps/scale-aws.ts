/**
 * Scale app: N OpenReplay storage sets (one per tenant) in one AWS app.
 * `BENCH_SETS` gives N; `BENCH_SETS_PER_STACK` how many share a stack
 * (CloudFormation allows 500 resources and 200 outputs per stack, and a set
 * has 12 resources and 17 outputs, so at most 11 fit in one stack).
 * Run the way the CDK CLI runs an app (the bench sets CDK_CONTEXT_JSON and
 * CDK_OUTDIR like `cdk synth` does).
 */
import { App, Stack } from 'aws-cdk-lib/core';
import { OpenReplayStorage } from 'replay-storage/lib/aws';

const sets = Number(process.env.BENCH_SETS ?? '1');
const perStack = Number(process.env.BENCH_SETS_PER_STACK ?? String(sets));
const app = new App();
let stack: Stack | undefined;
for (let i = 0; i < sets; i++) {
  if (i % perStack === 0) stack = new Stack(app, `ScaleAws${i / perStack}`, { env: { region: 'eu-central-1' } });
  new OpenReplayStorage(stack!, `Tenant${i}`, {
    bucketNames: {
      recordings: `bench-t${i}-openreplay-mobs`,
      assets: `bench-t${i}-openreplay-assets`,
      sourcemaps: `bench-t${i}-openreplay-sourcemaps`,
      spots: `bench-t${i}-openreplay-spots`,
    },
    dashboardOrigins: [`https://t${i}.openreplay.example.com`],
  });
}
app.synth();
