import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { StorageManagementPolicy } from '@cdktf/provider-azurerm/lib/storage-management-policy';
import { TerraformVariable } from 'cdktf';
import { parse } from 'yaml';
import { renderWithAccount, resources, synthAzure, warnings } from './synth';
import { OpenReplayStorage, OpenReplayStorageProps } from '../../src/azure/openreplay-storage';
import { OPENREPLAY_STORAGE_SUBCHARTS } from '../../src/core';

const BASE: OpenReplayStorageProps = {
  storageAccountName: 'openreplaytest01',
  location: 'westeurope',
  dashboardOrigins: ['https://openreplay.example.com'],
  // Off by default on Azure (see 'spots on Azure'); the four-role layout is tested here.
  spots: true,
};

function synthOpenReplay(overrides: Partial<OpenReplayStorageProps> = {}, id = 'OpenReplay') {
  return synthAzure((stack) => new OpenReplayStorage(stack, id, { ...BASE, ...overrides }));
}

const DEPLOYED = {
  primary_blob_endpoint: 'https://openreplaytest01.blob.core.windows.net/',
  primary_blob_host: 'openreplaytest01.blob.core.windows.net',
};

/** Storage account attributes that carry key material. */
const KEY_ATTRIBUTE = /\.(primary|secondary)_(access_key|connection_string|blob_connection_string)\b/;

const { json, tf } = synthOpenReplay();
const outputs: Record<string, any> = tf.output;
const helm = parse(renderWithAccount(outputs.openreplay_helm_values.value, DEPLOYED));

describe('containers', () => {
  test('the four roles with the chart names; only assets is public', () => {
    const access = Object.fromEntries(Object.values(resources(tf, 'azurerm_storage_container')).map((c: any) => [c.name, c.container_access_type]));
    expect(access).toEqual({ 'mobs': 'private', 'sessions-assets': 'blob', 'sourcemaps': 'private', 'spots': 'private' });
  });

  test('the account allows nested public items because assets must be public', () => {
    expect(json).toHaveResourceWithProperties(StorageAccount, { allow_nested_items_to_be_public: true, min_tls_version: 'TLS1_2' });
  });

  test('custom names are used for containers, Helm values and outputs', () => {
    const custom = synthOpenReplay({ bucketNames: { recordings: 'rec', assets: 'static-assets' } });
    expect(custom.json).toHaveResourceWithProperties(StorageContainer, { name: 'rec', container_access_type: 'private' });
    expect(custom.json).toHaveResourceWithProperties(StorageContainer, { name: 'static-assets', container_access_type: 'blob' });
    expect(custom.tf.output.openreplay_recordings_bucket.value).toBe('rec');
    const values = parse(custom.tf.output.openreplay_helm_values.value);
    expect(values.global.s3.recordingsBucket).toBe('rec');
    expect(values.global.s3.assetsBucket).toBe('static-assets');
    expect(custom.tf.output.openreplay_assets_origin.value).toMatch(/\/static-assets$/);
  });

  test('spots: false leaves out the container, the Helm key and the output', () => {
    const noSpots = synthOpenReplay({ spots: false });
    const names = Object.values(resources(noSpots.tf, 'azurerm_storage_container')).map((c: any) => c.name);
    expect(names.sort()).toEqual(['mobs', 'sessions-assets', 'sourcemaps']);
    expect(parse(noSpots.tf.output.openreplay_helm_values.value).global.s3.spotsBucket).toBeUndefined();
    expect(noSpots.tf.output.openreplay_spots_bucket).toBeUndefined();
  });
});

describe('CORS', () => {
  test('GET and OPTIONS from the dashboard origin on the Blob service', () => {
    expect(json).toHaveResourceWithProperties(StorageAccount, {
      blob_properties: expect.objectContaining({
        cors_rule: [expect.objectContaining({ allowed_origins: ['https://openreplay.example.com'], allowed_methods: ['GET', 'OPTIONS'], allowed_headers: ['*'] })],
      }),
    });
    expect(warnings(synthOpenReplay({ spots: false }).stack)).toEqual([]);
  });

  test("dashboardOrigins defaults to '*' with a warning", () => {
    const open = synthOpenReplay({ dashboardOrigins: undefined, spots: false });
    expect(open.json).toHaveResourceWithProperties(StorageAccount, {
      blob_properties: expect.objectContaining({ cors_rule: [expect.objectContaining({ allowed_origins: ['*'] })] }),
    });
    expect(warnings(open.stack)).toEqual([expect.stringContaining("'dashboardOrigins'")]);
  });
});

describe('tagged deletion', () => {
  test('a lifecycle rule deletes blobs tagged to_delete_in_days=30 after 30 days', () => {
    expect(json).toHaveResourceWithProperties(StorageManagementPolicy, {
      rule: [
        expect.objectContaining({
          enabled: true,
          filters: {
            blob_types: ['blockBlob'],
            prefix_match: ['mobs/', 'sessions-assets/', 'sourcemaps/', 'spots/'],
            match_blob_index_tag: [{ name: 'to_delete_in_days', operation: '==', value: '30' }],
          },
          actions: { base_blob: { delete_after_days_since_modification_greater_than: 30 } },
        }),
      ],
    });
    expect(helm.global.env.SCH_DELETE_DAYS).toBe('30');
  });

  test('the backend is told the same days the rule matches', () => {
    const custom = synthOpenReplay({ deletionTagDays: 7 });
    const policy: any = Object.values(resources(custom.tf, 'azurerm_storage_management_policy'))[0];
    expect(policy.rule[0].filters.match_blob_index_tag[0].value).toBe('7');
    expect(policy.rule[0].actions.base_blob.delete_after_days_since_modification_greater_than).toBe(7);
    expect(parse(custom.tf.output.openreplay_helm_values.value).global.env.SCH_DELETE_DAYS).toBe('7');
  });

  test('deletionTagDays must be a positive whole number', () => {
    expect(() => synthOpenReplay({ deletionTagDays: 0 })).toThrow(/'deletionTagDays' must be a whole number from 1 to 3650 \(got: 0\)/);
  });
});

describe('Helm values', () => {
  test('external storage replaces MinIO and names the containers', () => {
    expect(helm.minio).toEqual({ enabled: false });
    expect(helm.global.s3).toEqual({
      region: 'westeurope',
      endpoint: 'https://openreplaytest01.blob.core.windows.net',
      recordingsBucket: 'mobs',
      assetsBucket: 'sessions-assets',
      sourcemapsBucket: 'sourcemaps',
      spotsBucket: 'spots',
      accessKey: '',
      secretKey: '',
    });
  });

  test('the assets origin is the assets container URL with no double slash', () => {
    expect(helm.global.assetsOrigin).toBe('https://openreplaytest01.blob.core.windows.net/sessions-assets');
    expect(helm.global.assetsOrigin).not.toMatch(/[^:]\/\//);
    expect(renderWithAccount(outputs.openreplay_assets_origin.value, DEPLOYED)).toBe(helm.global.assetsOrigin);
    // Taken from the account's endpoint attribute, so the host follows the account's cloud.
    expect(outputs.openreplay_assets_origin.value).toMatch(/^\$\{trimsuffix\(azurerm_storage_account\.\w+\.primary_blob_endpoint, "\/"\)\}\/sessions-assets$/);
    const sovereign = renderWithAccount(outputs.openreplay_assets_origin.value, {
      primary_blob_endpoint: 'https://openreplaytest01.blob.core.chinacloudapi.cn/',
      primary_blob_host: 'openreplaytest01.blob.core.chinacloudapi.cn',
    });
    expect(sovereign).toBe('https://openreplaytest01.blob.core.chinacloudapi.cn/sessions-assets');
  });

  test('CLOUD and AZURE_ACCOUNT_NAME go through global.env', () => {
    expect(helm.global.env).toEqual(expect.objectContaining({ CLOUD: 'azure', AZURE_ACCOUNT_NAME: 'openreplaytest01' }));
  });

  test('every storage service reads AZURE_ACCOUNT_KEY from the Kubernetes secret', () => {
    for (const chart of OPENREPLAY_STORAGE_SUBCHARTS) {
      expect(helm[chart]).toEqual({ existingSecret: 'openreplay-object-storage', secretEnv: { AZURE_ACCOUNT_KEY: OpenReplayStorage.SECRET_KEY_NAME } });
    }
  });

  test('secret name and namespace are configurable', () => {
    const custom = synthOpenReplay({ kubernetesSecretName: 'replay-blob', kubernetesNamespace: 'openreplay' });
    expect(parse(custom.tf.output.openreplay_helm_values.value).chalice.existingSecret).toBe('replay-blob');
    expect(custom.tf.output.openreplay_create_secret_command.value).toContain('metadata: {name: "replay-blob", namespace: "openreplay"}');
  });
});

describe('Kubernetes names', () => {
  test('a secret name Kubernetes refuses', () => {
    expect(() => synthOpenReplay({ kubernetesSecretName: 'Azure_Key' })).toThrow(/'kubernetesSecretName' must be a Kubernetes object name/);
  });

  test('a namespace Kubernetes refuses', () => {
    expect(() => synthOpenReplay({ kubernetesNamespace: 'app.prod' })).toThrow(/'kubernetesNamespace' must be a Kubernetes namespace name/);
  });
});

describe('outputs', () => {
  test('named <prefix>_<snake_name>', () => {
    expect(Object.keys(outputs).sort()).toEqual(
      [
        'account_key',
        'assets_bucket',
        'assets_origin',
        'blob_endpoint',
        'create_secret_command',
        'endpoint',
        'helm_values',
        'metadata',
        'recordings_bucket',
        'region',
        'sourcemaps_bucket',
        'spots_bucket',
        'storage_account_name',
      ].map((n) => `openreplay_${n}`),
    );
    expect(outputs.openreplay_storage_account_name.value).toBe('openreplaytest01');
    expect(outputs.openreplay_region.value).toBe('westeurope');
    expect(renderWithAccount(outputs.openreplay_blob_endpoint.value, DEPLOYED)).toBe('https://openreplaytest01.blob.core.windows.net');
  });

  test('the account key is only in the sensitive account_key output', () => {
    expect(outputs.openreplay_account_key).toEqual(expect.objectContaining({ sensitive: true, value: expect.stringMatching(/\.primary_access_key\}$/) }));
    for (const [name, output] of Object.entries(outputs)) {
      if (name === 'openreplay_account_key') continue;
      expect(output.sensitive).toBeUndefined();
      expect(output.value).not.toMatch(KEY_ATTRIBUTE);
    }
  });

  test('the secret command reads the key from the sensitive output at run time', () => {
    expect(outputs.openreplay_create_secret_command.value).toBe(
      "terraform output -json 'openreplay_account_key' | " +
        'jq \'{apiVersion: "v1", kind: "Secret", type: "Opaque", metadata: {name: "openreplay-object-storage", namespace: "app"}, ' +
        'stringData: ({"azure-account-key": .})}\' | kubectl apply -f -',
    );
  });

  test('the prefix comes from the construct id or outputPrefix', () => {
    expect(Object.keys(synthOpenReplay({}, 'Replay-Storage').tf.output)).toContain('replay_storage_helm_values');
    expect(Object.keys(synthOpenReplay({ outputPrefix: 'or' }).tf.output)).toContain('or_helm_values');
  });

  test('an outputPrefix Terraform cannot use', () => {
    expect(() => synthOpenReplay({ outputPrefix: '1replay' })).toThrow(/'outputPrefix' must be a Terraform identifier/);
  });

  test('a construct id that yields no Terraform identifier', () => {
    expect(() => synthOpenReplay({}, '2024')).toThrow(/'outputPrefix' must be set when the construct id does not start with a letter or underscore/);
  });
});

describe('container name validation', () => {
  test('too short', () => {
    expect(() => synthOpenReplay({ bucketNames: { recordings: 'ab' } })).toThrow(/'bucketNames.recordings' must be between 3 and 63 characters long \(got: ab\)/);
  });

  test('uppercase or other characters', () => {
    expect(() => synthOpenReplay({ bucketNames: { assets: 'Sessions_Assets' } })).toThrow(/'bucketNames.assets' must be made of lowercase letters, digits and hyphens only/);
  });

  test('starting or ending with a hyphen', () => {
    expect(() => synthOpenReplay({ bucketNames: { sourcemaps: '-maps' } })).toThrow(/'bucketNames.sourcemaps' must be a name that starts and ends with a letter or digit/);
  });

  test('consecutive hyphens', () => {
    expect(() => synthOpenReplay({ bucketNames: { spots: 'my--spots' } })).toThrow(/'bucketNames.spots' must be free of consecutive hyphens/);
  });

  test('two roles on one container', () => {
    expect(() => synthOpenReplay({ bucketNames: { recordings: 'replay', assets: 'replay' } })).toThrow(
      /'bucketNames.assets' must be different from 'bucketNames.recordings'/,
    );
  });

  test('a spots name while spots are off is refused, as on every cloud', () => {
    expect(() => synthOpenReplay({ spots: false, bucketNames: { spots: 'x-spots' } })).toThrow(/'bucketNames.spots' must be unset while 'spots' is false/);
  });

  test('token names synthesize', () => {
    expect(() =>
      synthAzure((s) => {
        const name = new TerraformVariable(s, 'account', { type: 'string' }).stringValue;
        new OpenReplayStorage(s, 'OpenReplay', { ...BASE, storageAccountName: name, bucketNames: { assets: name } });
      }),
    ).not.toThrow();
  });
});

describe('spots on Azure', () => {
  test('off by default: the Azure client of the enterprise build makes malformed spot upload URLs', () => {
    const { spots: _spots, ...withoutSpots } = BASE;
    const { tf: t, stack } = synthAzure((s) => new OpenReplayStorage(s, 'OpenReplay', withoutSpots));
    expect(Object.values<any>(resources(t, 'azurerm_storage_container')).map((c) => c.name).sort()).toEqual(['mobs', 'sessions-assets', 'sourcemaps']);
    expect(parse(t.output.openreplay_helm_values.value).global.s3.spotsBucket).toBeUndefined();
    expect(warnings(stack)).toEqual([]);
  });

  test('on when asked, with a warning naming the upstream file', () => {
    const { stack } = synthOpenReplay();
    expect(warnings(stack)).toEqual([expect.stringMatching(/'spots' is on, but Spot recordings do not work .*azure\.go.*\[replay-storage:spots-unsupported\]/)]);
  });
});

describe('records (enterprise Assist recordings)', () => {
  test('a private records container; the account CORS rule then allows PUT for the browser upload', () => {
    const { tf: t } = synthOpenReplay({ records: true });
    const byName: Record<string, any> = Object.fromEntries(Object.values<any>(resources(t, 'azurerm_storage_container')).map((c) => [c.name, c]));
    expect(byName.records.container_access_type).toBe('private');
    const account: any = Object.values(resources(t, 'azurerm_storage_account'))[0];
    expect(account.blob_properties.cors_rule[0].allowed_methods).toEqual(['GET', 'PUT', 'OPTIONS']);
    expect(parse(t.output.openreplay_helm_values.value).global.s3.assistRecordsBucket).toBe('records');
  });
});
