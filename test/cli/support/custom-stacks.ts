/**
 * Stacks beyond the examples, for what the examples keep at defaults (the
 * Kubernetes secret's name and namespace).
 */
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { terraformOutputJson } from './deployed-outputs';
import { OpenReplayStorage, type OpenReplayStorageProps } from '../../../src/gcp';

/** `terraform output -json` of a GCP OpenReplayStorage with the given props. */
export function gcpOpenReplayOutputs(props: Partial<OpenReplayStorageProps>): any {
  const stack = new TerraformStack(Testing.app(), 'custom');
  new GoogleProvider(stack, 'google', { project: 'replay-demo-4711', region: 'europe-west1' });
  new OpenReplayStorage(stack, 'OpenReplay', {
    bucketNamePrefix: 'replay-demo-4711-custom',
    location: 'EUROPE-WEST1',
    dashboardOrigins: ['https://openreplay.example.com'],
    ...props,
  });
  return terraformOutputJson(JSON.parse(Testing.synth(stack)));
}
