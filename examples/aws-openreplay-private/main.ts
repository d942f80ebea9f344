import { App } from 'aws-cdk-lib/core';
import { PrivateOpenReplayExampleStack } from './stack';

const app = new App();
new PrivateOpenReplayExampleStack(app, 'OpenReplayPrivateStorageExample', {
  // A concrete region makes every output a readable value at synth.
  env: { region: 'eu-central-1' },
});
app.synth();
