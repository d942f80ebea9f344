import { App } from 'aws-cdk-lib/core';
import { OpenReplayExampleStack } from './stack';

const app = new App();
new OpenReplayExampleStack(app, 'OpenReplayStorageExample', {
  // A concrete region makes every output a readable value at synth.
  env: { region: 'eu-central-1' },
});
app.synth();
