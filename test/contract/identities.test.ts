/**
 * Stateful resources keep their identity: a bucket's CloudFormation logical
 * id, and a bucket's, container's or account's Terraform address, is part of
 * the API. Changing one replaces the resource and loses recordings, so these
 * are pinned; change one only deliberately.
 */
import { Template } from 'aws-cdk-lib/assertions';
import * as aws from '../../src/aws';
import * as azure from '../../src/azure';
import * as gcp from '../../src/gcp';
import { testStack } from '../aws/util';
import { synthAzure } from '../azure/synth';
import { synthGcp } from '../gcp/synth';
import { resources } from '../terraform/synth';

const ORIGINS = ['https://replay.example.com'];

test('AWS: bucket, user and secret logical ids', () => {
  const stack = testStack();
  new aws.OpenReplayStorage(stack, 'OpenReplay', { dashboardOrigins: ORIGINS });
  new aws.LogRocketStorage(stack, 'LogRocket', { userFilesBucketName: 'acme-user-files', dashboardOrigins: ORIGINS });
  const ids = Object.entries<any>(Template.fromStack(stack).toJSON().Resources)
    .filter(([, r]) => ['AWS::S3::Bucket', 'AWS::IAM::User', 'AWS::SecretsManager::Secret'].includes(r.Type))
    .map(([id]) => id)
    .sort();
  expect(ids).toEqual(
    [
      'OpenReplayRecordings2938D1A5',
      'OpenReplayAssetsDFDB3080',
      'OpenReplaySourcemapsE7E529C7',
      'OpenReplaySpotsF59E3F73',
      'OpenReplayCredentialsUserEE73B855',
      'OpenReplayCredentialsSecret93B43E0C',
      'LogRocketUserFilesA583EF3A',
      'LogRocketCredentialsUser85BD3653',
      'LogRocketCredentialsSecretEE3F3A9E',
    ].sort(),
  );
});

test('Google Cloud: bucket addresses', () => {
  const { tf } = synthGcp((s) => {
    new gcp.OpenReplayStorage(s, 'OpenReplay', { bucketNamePrefix: 'acme-or', dashboardOrigins: ORIGINS });
    new gcp.LogRocketStorage(s, 'LogRocket', { userFilesBucketName: 'acme-user-files', dashboardOrigins: ORIGINS });
  });
  expect(Object.keys(resources(tf, 'google_storage_bucket')).sort()).toEqual([
    'LogRocket_UserFilesBucket_B11F7124',
    'OpenReplay_AssetsBucket_95F0AF2C',
    'OpenReplay_RecordingsBucket_5F10F561',
    'OpenReplay_SourcemapsBucket_ED74BD64',
    'OpenReplay_SpotsBucket_D5EEC4B4',
  ]);
});

test('Azure: account and container addresses', () => {
  const { tf } = synthAzure((s) => {
    new azure.OpenReplayStorage(s, 'OpenReplay', { storageAccountName: 'acmeopenreplay', location: 'westeurope', dashboardOrigins: ORIGINS, spots: true });
    new azure.LogRocketStorage(s, 'LogRocket', { storageAccountName: 'acmelogrocket', location: 'westeurope', userFilesBucketName: 'user-files', dashboardOrigins: ORIGINS });
  });
  expect(Object.keys(resources(tf, 'azurerm_storage_account')).sort()).toEqual(['LogRocket_Storage_Account_B4ECDD11', 'OpenReplay_Storage_Account_BFA7443F']);
  expect(Object.keys(resources(tf, 'azurerm_storage_container')).sort()).toEqual(
    [
      'LogRocket_Storage_userFilesContainer_4FD3EF24',
      'OpenReplay_Storage_assetsContainer_F7880491',
      'OpenReplay_Storage_recordingsContainer_48D42454',
      'OpenReplay_Storage_sourcemapsContainer_921D65C8',
      'OpenReplay_Storage_spotsContainer_9D7F3D93',
    ].sort(),
  );
});
