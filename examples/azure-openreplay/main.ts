import { App } from 'cdktf';
import { AzureOpenReplayStack } from './stack';

const app = new App();
new AzureOpenReplayStack(app, 'azure-openreplay');
app.synth();
