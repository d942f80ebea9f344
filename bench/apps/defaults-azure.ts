/** Deployed-footprint app: each Azure construct with only its required props (the defaults). */
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { LogRocketStorage, OpenReplayStorage } from 'replay-storage/lib/azure';

const app = new App();
const stack = new TerraformStack(app, 'defaults-azure');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
new OpenReplayStorage(stack, 'OpenReplay', { storageAccountName: 'openreplaybench4711', location: 'westeurope', dashboardOrigins: ['https://openreplay.example.com'] });
new LogRocketStorage(stack, 'LogRocket', { storageAccountName: 'logrocketbench4711', location: 'westeurope', userFilesBucketName: 'user-files', dashboardOrigins: ['https://logrocket.example.com'] });
app.synth();
