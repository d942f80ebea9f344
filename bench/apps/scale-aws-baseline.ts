/**
 * Floor for the AWS scale figure: the same N OpenReplay sets and stack split
 * as scale-aws.ts, written with plain aws-cdk-lib resources (no library).
 */
import { App, Stack } from 'aws-cdk-lib/core';
import { openReplaySet } from '../baselines/aws-openreplay/openreplay-set';

const sets = Number(process.env.BENCH_SETS ?? '1');
const perStack = Number(process.env.BENCH_SETS_PER_STACK ?? String(sets));
const app = new App();
let stack: Stack | undefined;
for (let i = 0; i < sets; i++) {
  if (i % perStack === 0) stack = new Stack(app, `ScaleAws${i / perStack}`, { env: { region: 'eu-central-1' } });
  openReplaySet(stack!, `Tenant${i}`, {
    names: {
      recordings: `bench-t${i}-openreplay-mobs`,
      assets: `bench-t${i}-openreplay-assets`,
      sourcemaps: `bench-t${i}-openreplay-sourcemaps`,
      spots: `bench-t${i}-openreplay-spots`,
    },
    origin: `https://t${i}.openreplay.example.com`,
  });
}
app.synth();
