import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { TerraformVariable } from 'cdktf';
import { parse } from 'yaml';
import { renderWithAccount, resources, synthAzure, warnings } from './synth';
import { LogRocketStorage, LogRocketStorageProps } from '../../src/azure/logrocket-storage';
import { synthWith } from '../terraform/synth';

const BASE: LogRocketStorageProps = {
  storageAccountName: 'logrockettest01',
  location: 'westeurope',
  userFilesBucketName: 'user-files',
  dashboardOrigins: ['https://logrocket.example.com'],
};

function synthLogRocket(overrides: Partial<LogRocketStorageProps> = {}) {
  return synthAzure((stack) => new LogRocketStorage(stack, 'LogRocket', { ...BASE, ...overrides }));
}

const PUBLIC_CLOUD = {
  primary_blob_endpoint: 'https://logrockettest01.blob.core.windows.net/',
  primary_blob_host: 'logrockettest01.blob.core.windows.net',
};
const US_GOV_CLOUD = {
  primary_blob_endpoint: 'https://logrockettest01.blob.core.usgovcloudapi.net/',
  primary_blob_host: 'logrockettest01.blob.core.usgovcloudapi.net',
};

const { json, tf, stack } = synthLogRocket();
const outputs: Record<string, any> = tf.output;

describe('userFiles container and account', () => {
  test("the container allows anonymous object reads ('blob'), by storage_account_id", () => {
    expect(json).toHaveResourceWithProperties(StorageContainer, {
      name: 'user-files',
      container_access_type: 'blob',
      storage_account_id: expect.stringMatching(/^\$\{azurerm_storage_account\.\w+\.id\}$/),
    });
  });

  test('custom container name', () => {
    expect(synthLogRocket({ userFilesBucketName: 'lr-user-files' }).json).toHaveResourceWithProperties(StorageContainer, { name: 'lr-user-files' });
  });

  test('HTTPS only, TLS 1.2, shared key on for SAS signing, reachable from any network', () => {
    expect(json).toHaveResourceWithProperties(StorageAccount, {
      https_traffic_only_enabled: true,
      min_tls_version: 'TLS1_2',
      shared_access_key_enabled: true,
      public_network_access_enabled: true,
      allow_nested_items_to_be_public: true,
    });
    const account: any = Object.values(resources(tf, 'azurerm_storage_account'))[0];
    expect(account.network_rules).toBeUndefined();
  });

  test('Blob service CORS: GET, HEAD and OPTIONS from the dashboard origins, all five fields', () => {
    expect(json).toHaveResourceWithProperties(StorageAccount, {
      blob_properties: expect.objectContaining({
        cors_rule: [
          {
            allowed_origins: ['https://logrocket.example.com'],
            allowed_methods: ['GET', 'HEAD', 'OPTIONS'],
            allowed_headers: ['*'],
            exposed_headers: ['ETag', 'Content-Length', 'Content-Type', 'Content-Range'],
            max_age_in_seconds: 3600,
          },
        ],
      }),
    });
    expect(warnings(stack)).toEqual([]);
  });

  test("'*' origins are allowed but reported", () => {
    expect(warnings(synthLogRocket({ dashboardOrigins: ['*'] }).stack)).toEqual([expect.stringContaining("'dashboardOrigins' allows any origin")]);
  });

  test('an empty origin list', () => {
    expect(() => synthLogRocket({ dashboardOrigins: [] })).toThrow(/'dashboardOrigins' must be a non-empty list/);
  });
});

describe('replay prefix', () => {
  test("derived from the account's primary blob endpoint, ending with one '/'", () => {
    expect(outputs.logrocket_replay_prefix.value).toMatch(/^\$\{trimsuffix\(azurerm_storage_account\.\w+\.primary_blob_endpoint, "\/"\)\}\/user-files\/$/);
    expect(renderWithAccount(outputs.logrocket_replay_prefix.value, PUBLIC_CLOUD)).toBe('https://logrockettest01.blob.core.windows.net/user-files/');
  });

  test('sovereign clouds get their own endpoint suffix', () => {
    expect(renderWithAccount(outputs.logrocket_replay_prefix.value, US_GOV_CLOUD)).toBe('https://logrockettest01.blob.core.usgovcloudapi.net/user-files/');
    expect(renderWithAccount(outputs.logrocket_blob_endpoint_suffix.value, US_GOV_CLOUD)).toBe('core.usgovcloudapi.net');
    expect(renderWithAccount(outputs.logrocket_blob_endpoint_suffix.value, PUBLIC_CLOUD)).toBe('core.windows.net');
  });
});

describe('Helm values', () => {
  test('only the keys the sources name: userFiles and backendIngest, no aws block', () => {
    expect(parse(outputs.logrocket_helm_values.value)).toEqual({
      fileStorage: { buckets: { userFiles: 'user-files' } },
      backendIngest: { enabled: true },
    });
  });

  test('backendIngest can be turned off and extra prefixes are listed', () => {
    const custom = synthLogRocket({ backendIngest: false, cachedAssetPrefixes: ['https://cdn.example.com/user-files/'] });
    expect(parse(custom.tf.output.logrocket_helm_values.value)).toEqual({
      fileStorage: { buckets: { userFiles: 'user-files' } },
      backendIngest: { enabled: false },
      cachedAssetPrefixes: ['https://cdn.example.com/user-files/'],
    });
  });
});

describe('cachedAssetPrefixes against the primary of the cloud the provider targets', () => {
  function synthIn(environment: string | undefined, cachedAssetPrefixes: string[]) {
    return synthWith(
      (s) => new AzurermProvider(s, 'azurerm', { features: [{}], ...(environment ? { environment } : {}) }),
      (s) => new LogRocketStorage(s, 'LogRocket', { ...BASE, cachedAssetPrefixes }),
    );
  }
  const china = 'https://logrockettest01.blob.core.chinacloudapi.cn/user-files/';
  const publicCloud = 'https://logrockettest01.blob.core.windows.net/user-files/';

  test('in Azure China the account\'s own China primary is refused', () => {
    expect(() => synthIn('china', [china])).toThrow(/never the primary derived prefix/);
  });

  test('in Azure China the public-cloud URL is another origin and accepted', () => {
    expect(() => synthIn('china', [publicCloud])).not.toThrow();
  });

  test('US Government uses core.usgovcloudapi.net', () => {
    expect(() => synthIn('usgovernment', ['https://logrockettest01.blob.core.usgovcloudapi.net/user-files/'])).toThrow(/never the primary derived prefix/);
  });

  test('with no environment the provider targets the public cloud', () => {
    expect(() => synthIn(undefined, [publicCloud])).toThrow(/never the primary derived prefix/);
  });
});

describe('cachedAssetPrefixes validation', () => {
  test('the primary prefix is refused', () => {
    expect(() => synthLogRocket({ cachedAssetPrefixes: ['https://logrockettest01.blob.core.windows.net/user-files/'] })).toThrow(
      /'cachedAssetPrefixes' must be a list of additional prefixes only, never the primary derived prefix/,
    );
  });

  test('a prefix without the trailing slash', () => {
    expect(() => synthLogRocket({ cachedAssetPrefixes: ['https://cdn.example.com/user-files'] })).toThrow(/'cachedAssetPrefixes' must be a list of prefixes that end with '\/'/);
  });

  test('a prefix without https', () => {
    expect(() => synthLogRocket({ cachedAssetPrefixes: ['http://cdn.example.com/user-files/'] })).toThrow(/'cachedAssetPrefixes' must be a list of https:\/\/ URLs/);
  });

  test('with a token account name the primary comparison is skipped, not crashed', () => {
    expect(() =>
      synthAzure((s) => {
        const name = new TerraformVariable(s, 'account', { type: 'string' }).stringValue;
        new LogRocketStorage(s, 'LogRocket', { ...BASE, storageAccountName: name, cachedAssetPrefixes: ['https://cdn.example.com/u/'] });
      }),
    ).not.toThrow();
  });
});

describe('container name validation', () => {
  test('too long', () => {
    expect(() => synthLogRocket({ userFilesBucketName: 'u'.repeat(64) })).toThrow(/'userFilesBucketName' must be between 3 and 63 characters long/);
  });

  test("the chart's default 'userFiles' is not a valid container name", () => {
    expect(() => synthLogRocket({ userFilesBucketName: 'userFiles' })).toThrow(/'userFilesBucketName' must be made of lowercase letters, digits and hyphens only \(got: userFiles\)/);
  });
});

describe('outputs', () => {
  test('named <prefix>_<snake_name>, account details as plain outputs', () => {
    expect(Object.keys(outputs).sort()).toEqual(
      ['account_key', 'blob_endpoint_suffix', 'helm_values', 'metadata', 'replay_prefix', 'storage_account_name', 'user_files_bucket'].map((n) => `logrocket_${n}`),
    );
    expect(outputs.logrocket_user_files_bucket.value).toBe('user-files');
    expect(outputs.logrocket_storage_account_name.value).toBe('logrockettest01');
  });

  test('the account key is only in the sensitive account_key output', () => {
    expect(outputs.logrocket_account_key).toEqual(expect.objectContaining({ sensitive: true, value: expect.stringMatching(/\.primary_access_key\}$/) }));
    for (const [name, output] of Object.entries(outputs)) {
      if (name === 'logrocket_account_key') continue;
      expect(output.sensitive).toBeUndefined();
      expect(output.value).not.toMatch(/\.(primary|secondary)_(access_key|connection_string|blob_connection_string)\b/);
    }
  });
});
