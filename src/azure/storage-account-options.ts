/**
 * How Azure keeps copies of the storage account's data.
 * @see https://learn.microsoft.com/azure/storage/common/storage-redundancy
 */
export enum StorageReplication {
  /** Locally redundant: three copies in one datacenter. Cheapest. */
  LRS = 'LRS',
  /** Zone redundant: three availability zones of the region (not in every region). */
  ZRS = 'ZRS',
  /** Geo redundant: LRS plus an asynchronous copy in the paired region. */
  GRS = 'GRS',
  /** GRS with read access to the secondary region. */
  RA_GRS = 'RAGRS',
  /** Geo-zone redundant: ZRS plus an asynchronous copy in the paired region. */
  GZRS = 'GZRS',
  /** GZRS with read access to the secondary region. */
  RA_GZRS = 'RAGZRS',
}

/**
 * Options only Azure has: the storage account that holds the replay
 * containers, shared by `OpenReplayStorage` and `LogRocketStorage`.
 *
 * The construct always creates the account (StorageV2, HTTPS only,
 * TLS 1.2 minimum, encrypted at rest with Microsoft-managed keys, which Azure
 * does for every account) so that every setting replay depends on is under
 * its control. It goes into the resource group named by `resourceGroupName`,
 * or into a resource group the construct creates.
 */
export interface AzureStorageAccountOptions {
  /**
   * Name of the storage account. It is part of every blob URL and unique
   * across all of Azure, so it is never generated.
   *
   * 3-24 lowercase letters and digits.
   * @see https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftstorage
   */
  readonly storageAccountName: string;

  /**
   * Azure region of the storage account, e.g. `westeurope`. Also the region of
   * the resource group when the construct creates it. It need not match the
   * location of an existing group named by `resourceGroupName`.
   */
  readonly location: string;

  /**
   * An existing resource group to create the storage account in.
   *
   * When omitted, the construct creates a resource group named
   * `rg-<storageAccountName>` in `location`. To create the group under a name
   * of your own, declare an `azurerm_resource_group` and pass its `name`.
   * @default - a new resource group `rg-<storageAccountName>`
   */
  readonly resourceGroupName?: string;

  /**
   * Redundancy of the account's data.
   * @default StorageReplication.LRS
   */
  readonly replication?: StorageReplication;

  /**
   * Days a deleted or overwritten blob stays recoverable (blob soft delete),
   * 1-365; 0 turns soft delete off. Recoverable blobs are billed like live ones.
   * @see https://learn.microsoft.com/azure/storage/blobs/soft-delete-blob-overview
   * @default 7
   */
  readonly blobDeleteRetentionDays?: number;

  /**
   * Days a deleted container stays recoverable (container soft delete),
   * 1-365; 0 turns it off.
   * @see https://learn.microsoft.com/azure/storage/blobs/soft-delete-container-overview
   * @default 7
   */
  readonly containerDeleteRetentionDays?: number;

  /**
   * Guard the storage account and the containers that hold recordings with
   * Terraform's `prevent_destroy`: `terraform destroy`, and any change that
   * would replace them, fails instead of deleting recordings. Set to `false`
   * (and apply) before destroying the stack on purpose.
   * @default true
   */
  readonly preventDestroy?: boolean;

  /**
   * Tags for the storage account (and the resource group the construct creates).
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}
