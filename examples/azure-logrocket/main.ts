import { App } from 'cdktf';
import { AzureLogRocketStack } from './stack';

const app = new App();
new AzureLogRocketStack(app, 'azure-logrocket');
app.synth();
