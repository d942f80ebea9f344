import { App } from 'cdktf';
import { GcpLogRocketStack } from './stack';

const app = new App();
new GcpLogRocketStack(app, 'gcp-logrocket');
app.synth();
