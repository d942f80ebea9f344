/** Scale app: N OpenReplay storage sets (one per tenant) in one cdktf stack on Azure. `BENCH_SETS` gives N. */
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { OpenReplayStorage } from 'replay-storage/lib/azure';

const sets = Number(process.env.BENCH_SETS ?? '1');
const app = new App();
const stack = new TerraformStack(app, 'scale-azure');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
for (let i = 0; i < sets; i++) {
  new OpenReplayStorage(stack, `Tenant${i}`, {
    storageAccountName: `benchtenant${i}`,
    location: 'westeurope',
    dashboardOrigins: [`https://t${i}.openreplay.example.com`],
  });
}
app.synth();
