import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount, type StorageAccountBlobProperties } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { LifecyclePolicy } from './lifecycle-policy';
import { type AzureStorageAccountOptions, StorageReplication } from './storage-account-options';
import { AZURE_SAS_EXPIRATION_PERIOD, DEFAULT_AZURE_DELETE_RETENTION_DAYS } from '../core/cloud-options/azure-options';
import type { CorsModel } from '../core/cors';
import type { LifecycleModel } from '../core/lifecycle';
import { azurePrefixFromBlobEndpoint } from '../core/prefix';
import { BrowserAccess } from '../core/roles';

/** One container the account holds, as the model resolved it. */
export interface ReplayContainerSpec {
  /** Role id (construct id), e.g. `recordings`. */
  readonly role: string;
  readonly name: string;
  /** Anonymous object read, or only signed (SAS) access. */
  readonly access: BrowserAccess;
  /** Guarded by `prevent_destroy` unless the user opts out. */
  readonly holdsRecordings: boolean;
  readonly lifecycle: LifecycleModel;
}

/** What the shared account needs beyond the user's options. */
export interface ReplayStorageAccountProps extends AzureStorageAccountOptions {
  /** The containers, in output order. */
  readonly containers: readonly ReplayContainerSpec[];
  /** The Blob service CORS rule (OPTIONS listed). */
  readonly cors: CorsModel;
  /** Blob versioning (an account setting on Azure). */
  readonly versioned: boolean;
}

/** Azure container access level for a browser access class. */
export function containerAccessType(access: BrowserAccess): 'blob' | 'private' {
  // 'blob': anonymous GET of objects, never listing ('container' would allow listing).
  return access === BrowserAccess.PUBLIC_READ ? 'blob' : 'private';
}

/**
 * The storage account and containers behind both replay constructs.
 *
 * Shared key access stays on: OpenReplay's enterprise build authenticates
 * with the account name and key (`AZURE_ACCOUNT_KEY`) and signs SAS URLs with
 * it, and LogRocket's backend signs the mobile upload URLs the same way.
 */
export class ReplayStorageAccount extends Construct {
  public readonly account: StorageAccount;
  public readonly resourceGroupName: string;
  public readonly containers: Record<string, StorageContainer> = {};
  /** `https://<account>.blob.<suffix>` with no trailing slash (a token). */
  public readonly blobEndpoint: string;
  /** `<suffix>` of the blob host, e.g. `core.windows.net` (a token). */
  public readonly blobEndpointSuffix: string;

  constructor(scope: Construct, id: string, props: ReplayStorageAccountProps) {
    super(scope, id);
    const blobRetention = props.blobDeleteRetentionDays ?? DEFAULT_AZURE_DELETE_RETENTION_DAYS;
    const containerRetention = props.containerDeleteRetentionDays ?? DEFAULT_AZURE_DELETE_RETENTION_DAYS;
    const preventDestroy = props.preventDestroy ?? true;
    if (props.resourceGroupName !== undefined) {
      this.resourceGroupName = props.resourceGroupName;
    } else {
      const group = new ResourceGroup(this, 'ResourceGroup', {
        name: `rg-${props.storageAccountName}`,
        location: props.location,
        tags: props.tags,
      });
      this.resourceGroupName = group.name;
    }

    const anyPublic = props.containers.some((c) => c.access === BrowserAccess.PUBLIC_READ);
    this.account = new StorageAccount(this, 'Account', {
      name: props.storageAccountName,
      resourceGroupName: this.resourceGroupName,
      location: props.location,
      accountKind: 'StorageV2',
      accountTier: 'Standard',
      accountReplicationType: props.replication ?? StorageReplication.LRS,
      accessTier: 'Hot',
      httpsTrafficOnlyEnabled: true,
      minTlsVersion: 'TLS1_2',
      // Shared key stays on: OpenReplay's enterprise build authenticates with the
      // account key only, and both products sign SAS URLs with it. The key is
      // account-wide (every container, every operation): rotate it with
      // `az storage account keys renew` and re-create the Kubernetes secret.
      sharedAccessKeyEnabled: true,
      // A second layer of encryption at rest; it can only be set when the account is created.
      infrastructureEncryptionEnabled: true,
      // No SFTP/NFS local users: nothing here uses them.
      localUserEnabled: false,
      sasPolicy: { expirationPeriod: AZURE_SAS_EXPIRATION_PERIOD, expirationAction: 'Log' },
      // Container-level anonymous read is possible only where a container must be public.
      allowNestedItemsToBePublic: anyPublic,
      // Browsers and mobile apps reach the account over the internet (signed uploads, replay reads).
      publicNetworkAccessEnabled: true,
      crossTenantReplicationEnabled: false,
      blobProperties: blobProperties(props.cors, blobRetention, containerRetention, props.versioned),
      tags: props.tags,
      lifecycle: preventDestroy ? { preventDestroy: true } : undefined,
    });

    for (const spec of props.containers) {
      this.containers[spec.role] = new StorageContainer(this, `${spec.role}Container`, {
        name: spec.name,
        storageAccountId: this.account.id,
        containerAccessType: containerAccessType(spec.access),
        lifecycle: preventDestroy && spec.holdsRecordings ? { preventDestroy: true } : undefined,
      });
    }
    new LifecyclePolicy(this, 'Lifecycle', {
      storageAccountId: this.account.id,
      containers: props.containers.map((c) => ({ container: c.name, lifecycle: c.lifecycle })),
    });

    // The endpoint attribute ends with '/' at deploy time; trim it so joins never yield '//'.
    this.blobEndpoint = Fn.trimsuffix(this.account.primaryBlobEndpoint, '/');
    this.blobEndpointSuffix = Fn.trimprefix(this.account.primaryBlobHost, `${props.storageAccountName}.blob.`);
  }

  /** Browser URL of a container: `https://<account>.blob.<suffix>/<container>/`. */
  public containerUrl(containerName: string): string {
    return azurePrefixFromBlobEndpoint(this.blobEndpoint, containerName);
  }
}

function blobProperties(
  cors: CorsModel,
  blobRetentionDays: number,
  containerRetentionDays: number,
  versioned: boolean,
): StorageAccountBlobProperties {
  return {
    corsRule: [
      {
        allowedOrigins: [...cors.allowedOrigins],
        allowedMethods: [...cors.allowedMethods],
        allowedHeaders: [...cors.allowedHeaders],
        exposedHeaders: [...cors.exposedHeaders],
        maxAgeInSeconds: cors.maxAgeSeconds,
      },
    ],
    ...(versioned ? { versioningEnabled: true } : {}),
    deleteRetentionPolicy: blobRetentionDays > 0 ? { days: blobRetentionDays } : undefined,
    containerDeleteRetentionPolicy: containerRetentionDays > 0 ? { days: containerRetentionDays } : undefined,
  };
}
