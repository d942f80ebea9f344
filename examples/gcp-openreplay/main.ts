import { App } from 'cdktf';
import { GcpOpenReplayStack } from './stack';

const app = new App();
new GcpOpenReplayStack(app, 'gcp-openreplay');
app.synth();
