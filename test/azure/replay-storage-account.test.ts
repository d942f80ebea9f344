import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { Fn, TerraformVariable } from 'cdktf';
import { resources, synthAzure, warnings } from './synth';
import { LogRocketStorage, type LogRocketStorageProps } from '../../src/azure/logrocket-storage';
import { OpenReplayStorage } from '../../src/azure/openreplay-storage';
import { ReplayContainerSpec, ReplayStorageAccount, ReplayStorageAccountProps } from '../../src/azure/replay-storage-account';
import { StorageReplication } from '../../src/azure/storage-account-options';
import { BrowserAccess, openReplayCors, withExplicitPreflight } from '../../src/core';

const PRIVATE_ONLY: ReplayContainerSpec[] = [
  { role: 'recordings', name: 'mobs', access: BrowserAccess.PRESIGNED, holdsRecordings: true, lifecycle: {} },
  { role: 'sourcemaps', name: 'sourcemaps', access: BrowserAccess.PRESIGNED, holdsRecordings: false, lifecycle: {} },
];
const WITH_PUBLIC: ReplayContainerSpec[] = [
  ...PRIVATE_ONLY,
  { role: 'assets', name: 'sessions-assets', access: BrowserAccess.PUBLIC_READ, holdsRecordings: false, lifecycle: {} },
];

function props(overrides: Partial<ReplayStorageAccountProps> = {}): ReplayStorageAccountProps {
  return {
    storageAccountName: 'replaytest01',
    location: 'westeurope',
    containers: WITH_PUBLIC,
    cors: withExplicitPreflight(openReplayCors(['https://replay.example.com'])),
    versioned: false,
    ...overrides,
  };
}

function synthAccount(overrides: Partial<ReplayStorageAccountProps> = {}) {
  return synthAzure((stack) => new ReplayStorageAccount(stack, 'Storage', props(overrides)));
}

describe('storage account settings', () => {
  const { json } = synthAccount();

  test('StorageV2, HTTPS only, TLS 1.2 minimum, shared key access on', () => {
    expect(json).toHaveResourceWithProperties(StorageAccount, {
      name: 'replaytest01',
      account_kind: 'StorageV2',
      account_tier: 'Standard',
      account_replication_type: 'LRS',
      https_traffic_only_enabled: true,
      min_tls_version: 'TLS1_2',
      shared_access_key_enabled: true,
      public_network_access_enabled: true,
    });
  });

  test('Blob service CORS rule sets all five fields, with OPTIONS listed explicitly', () => {
    expect(json).toHaveResourceWithProperties(StorageAccount, {
      blob_properties: expect.objectContaining({
        cors_rule: [
          {
            allowed_origins: ['https://replay.example.com'],
            allowed_methods: ['GET', 'OPTIONS'],
            allowed_headers: ['*'],
            exposed_headers: ['ETag', 'Content-Length', 'Content-Type', 'Content-Range'],
            max_age_in_seconds: 3600,
          },
        ],
      }),
    });
  });

  test('LogRocket CORS keeps GET and HEAD and adds OPTIONS once', () => {
    const lr = synthConstruct({ dashboardOrigins: ['https://lr.example.com'] });
    expect(lr.json).toHaveResourceWithProperties(StorageAccount, {
      blob_properties: expect.objectContaining({
        cors_rule: [expect.objectContaining({ allowed_methods: ['GET', 'HEAD', 'OPTIONS'], allowed_origins: ['https://lr.example.com'] })],
      }),
    });
  });

  test('blob and container soft delete are on for 7 days by default', () => {
    expect(json).toHaveResourceWithProperties(StorageAccount, {
      blob_properties: expect.objectContaining({
        delete_retention_policy: { days: 7 },
        container_delete_retention_policy: { days: 7 },
      }),
    });
  });

  test('soft delete days are configurable and 0 turns each off', () => {
    const custom = synthAccount({ blobDeleteRetentionDays: 30, containerDeleteRetentionDays: 0 });
    const account = Object.values(resources(custom.tf, 'azurerm_storage_account'))[0];
    expect(account.blob_properties.delete_retention_policy).toEqual({ days: 30 });
    expect(account.blob_properties.container_delete_retention_policy).toBeUndefined();
  });

  test('tags go on the account and the created resource group', () => {
    const tagged = synthAccount({ tags: { team: 'platform' } });
    expect(tagged.json).toHaveResourceWithProperties(StorageAccount, { tags: { team: 'platform' } });
    expect(tagged.json).toHaveResourceWithProperties(ResourceGroup, { tags: { team: 'platform' } });
  });

  test('replication is configurable', () => {
    expect(synthAccount({ replication: StorageReplication.RA_GZRS }).json).toHaveResourceWithProperties(StorageAccount, {
      account_replication_type: 'RAGZRS',
    });
  });
});

describe('anonymous access follows the containers', () => {
  test('nested items may be public when one container is public', () => {
    expect(synthAccount({ containers: WITH_PUBLIC }).json).toHaveResourceWithProperties(StorageAccount, {
      allow_nested_items_to_be_public: true,
    });
  });

  test('nested items may not be public when every container is private', () => {
    expect(synthAccount({ containers: PRIVATE_ONLY }).json).toHaveResourceWithProperties(StorageAccount, {
      allow_nested_items_to_be_public: false,
    });
  });

  test("only the public role gets access type 'blob', the others 'private', all by storage_account_id", () => {
    const { tf } = synthAccount();
    const byName: Record<string, any> = Object.fromEntries(Object.values(resources(tf, 'azurerm_storage_container')).map((c: any) => [c.name, c]));
    expect(byName['sessions-assets'].container_access_type).toBe('blob');
    expect(byName.mobs.container_access_type).toBe('private');
    expect(byName.sourcemaps.container_access_type).toBe('private');
    for (const container of Object.values(byName)) {
      expect(container.storage_account_id).toMatch(/^\$\{azurerm_storage_account\.\w+\.id\}$/);
      expect(container.storage_account_name).toBeUndefined();
    }
  });
});

describe('resource group', () => {
  test('created as rg-<account> in the location when none is named', () => {
    const { json, tf } = synthAccount();
    expect(json).toHaveResourceWithProperties(ResourceGroup, { name: 'rg-replaytest01', location: 'westeurope' });
    const account = Object.values(resources(tf, 'azurerm_storage_account'))[0];
    expect(account.resource_group_name).toMatch(/^\$\{azurerm_resource_group\.\w+\.name\}$/);
  });

  test('an existing group is used as given and none is created', () => {
    const { json, tf } = synthAccount({ resourceGroupName: 'rg-platform' });
    expect(Object.keys(resources(tf, 'azurerm_resource_group'))).toHaveLength(0);
    expect(json).toHaveResourceWithProperties(StorageAccount, { resource_group_name: 'rg-platform' });
  });
});

describe('destroy protection', () => {
  test('account and recordings containers carry prevent_destroy by default', () => {
    const { tf } = synthAccount();
    const account = Object.values(resources(tf, 'azurerm_storage_account'))[0];
    expect(account.lifecycle).toEqual({ prevent_destroy: true });
    const byName: Record<string, any> = Object.fromEntries(Object.values(resources(tf, 'azurerm_storage_container')).map((c: any) => [c.name, c]));
    expect(byName.mobs.lifecycle).toEqual({ prevent_destroy: true });
    expect(byName.sourcemaps.lifecycle).toBeUndefined();
    expect(byName['sessions-assets'].lifecycle).toBeUndefined();
  });

  test('preventDestroy: false removes it', () => {
    const { tf } = synthAccount({ preventDestroy: false });
    const all = [...Object.values(resources(tf, 'azurerm_storage_account')), ...Object.values(resources(tf, 'azurerm_storage_container'))];
    for (const r of all) expect(r.lifecycle).toBeUndefined();
  });
});

/** Account checks run in the construct that owns the account (one error per construct). */
function synthConstruct(overrides: Partial<LogRocketStorageProps> = {}) {
  return synthAzure(
    (stack) =>
      new LogRocketStorage(stack, 'LogRocket', {
        storageAccountName: 'replaytest01',
        location: 'westeurope',
        userFilesBucketName: 'user-files',
        dashboardOrigins: ['https://replay.example.com'],
        ...overrides,
      }),
  );
}

describe('warnings', () => {
  test("'*' origins are reported naming the property", () => {
    const { stack } = synthConstruct({ dashboardOrigins: ['*'] });
    expect(warnings(stack)).toEqual([expect.stringMatching(/'dashboardOrigins' allows any origin/)]);
  });

  test('named origins raise no warning', () => {
    expect(warnings(synthConstruct().stack)).toEqual([]);
  });
});

describe('validation', () => {
  test('storage account name too short or too long', () => {
    expect(() => synthConstruct({ storageAccountName: 'ab' })).toThrow(/'storageAccountName' must be between 3 and 24 characters long \(got: ab\)/);
    expect(() => synthConstruct({ storageAccountName: 'a'.repeat(25) })).toThrow(/'storageAccountName' must be between 3 and 24 characters long/);
  });

  test('storage account name with other characters than lowercase letters and digits', () => {
    expect(() => synthConstruct({ storageAccountName: 'Replay-Test' })).toThrow(/'storageAccountName' must be made of lowercase letters and digits only \(got: Replay-Test\)/);
  });

  test('resource group name with forbidden characters', () => {
    expect(() => synthConstruct({ resourceGroupName: 'rg platform' })).toThrow(/'resourceGroupName' must be made of letters, digits, underscores, hyphens, periods and parentheses only/);
  });

  test('resource group name ending with a period', () => {
    expect(() => synthConstruct({ resourceGroupName: 'rg-platform.' })).toThrow(/'resourceGroupName' must be a name that does not end with a period/);
  });

  test('resource group name longer than 90 characters', () => {
    expect(() => synthConstruct({ resourceGroupName: 'r'.repeat(91) })).toThrow(/'resourceGroupName' must be between 1 and 90 characters long/);
  });

  test('soft delete days out of range', () => {
    expect(() => synthConstruct({ blobDeleteRetentionDays: 366 })).toThrow(/'blobDeleteRetentionDays' must be a whole number from 0 to 365 \(got: 366\)/);
    expect(() => synthConstruct({ containerDeleteRetentionDays: 1.5 })).toThrow(/'containerDeleteRetentionDays' must be a whole number from 0 to 365/);
  });

  test('more CORS origins than the Blob service allows in one rule', () => {
    const origins = Array.from({ length: 65 }, (_, i) => `https://app${i}.example.com`);
    expect(() => synthConstruct({ dashboardOrigins: origins })).toThrow(/'dashboardOrigins' must be a list of at most 64 origins \(the storage service's limit per CORS rule\) \(got: 65 origins\)/);
  });

  test('malformed CORS origin', () => {
    expect(() => synthConstruct({ dashboardOrigins: ['https://replay.example.com/'] })).toThrow(/'dashboardOrigins' must be a list of bare origins/);
  });

  test('unresolved tokens are not validated', () => {
    expect(() =>
      synthAzure((stack) => {
        const name = new TerraformVariable(stack, 'account', { type: 'string' }).stringValue;
        new ReplayStorageAccount(stack, 'Storage', props({ storageAccountName: Fn.lower(name), resourceGroupName: name }));
      }),
    ).not.toThrow();
  });
});

describe('hardened defaults, on both products', () => {
  test.each([
    ['LogRocket', () => synthConstruct().json],
    ['OpenReplay', () => synthAzure((s) => new OpenReplayStorage(s, 'OpenReplay', { storageAccountName: 'replaytest02', location: 'westeurope' })).json],
  ])('%s: infrastructure encryption, no local users, a SAS expiration policy, TLS 1.2, HTTPS only; shared key kept', (_product, synth) => {
    expect(synth()).toHaveResourceWithProperties(StorageAccount, {
      infrastructure_encryption_enabled: true,
      local_user_enabled: false,
      sas_policy: { expiration_period: '1.00:00:00', expiration_action: 'Log' },
      min_tls_version: 'TLS1_2',
      https_traffic_only_enabled: true,
      shared_access_key_enabled: true,
    });
  });
});
