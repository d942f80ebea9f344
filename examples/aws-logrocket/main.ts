import { App } from 'aws-cdk-lib/core';
import { LogRocketExampleStack } from './stack';

const app = new App();
new LogRocketExampleStack(app, 'LogRocketStorageExample', {
  // A concrete region makes every output a readable value at synth.
  env: { region: 'eu-central-1' },
});
app.synth();
