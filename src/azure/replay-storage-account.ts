import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount, StorageAccountBlobProperties } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { Annotations, Fn } from 'cdktf';
import { Construct } from 'constructs';
import { allowsAnyOrigin, CorsModel, withExplicitPreflight } from '../core/cors';
import { fail } from '../core/errors';
import { azurePrefixFromBlobEndpoint } from '../core/prefix';
import { BrowserAccess } from '../core/roles';
import { validateAzureContainerName, validateAzureStorageAccountName } from '../core/validation/azure-names';
import { validateCorsOrigins } from '../core/validation/cors-origin';
import { validateWholeNumber } from '../core/validation/numbers';
import { validateUniqueNames } from '../core/validation/unique-names';
import { validateAzureResourceGroupName } from '../core/validation/azure-resource-group-name';
import { ReplayStorageAccountOptions, StorageReplication } from './storage-account-options';

/** Soft delete default for blobs and containers. */
const DEFAULT_DELETE_RETENTION_DAYS = 7;

/** Blob service limit: allowed origins per CORS rule. */
const MAX_CORS_ORIGINS = 64;

/** One container the account holds. */
export interface ReplayContainerSpec {
  /** Role id (construct id and error path), e.g. `recordings`. */
  readonly role: string;
  /** Container name. */
  readonly name: string;
  /** The property that named it, for error messages, e.g. `containerNames.recordings`. */
  readonly prop: string;
  /** Anonymous object read, or only signed (SAS) access. */
  readonly access: BrowserAccess;
  /** Guarded by `prevent_destroy` unless the user opts out. */
  readonly holdsRecordings: boolean;
}

/** What the shared account needs beyond the user's options. */
export interface ReplayStorageAccountProps extends ReplayStorageAccountOptions {
  /** The containers, in output order. */
  readonly containers: ReplayContainerSpec[];
  /** The property that groups the container names, for duplicate errors. */
  readonly containerNamesProp: string;
  /** The Blob service CORS rule (before OPTIONS is added). */
  readonly cors: CorsModel;
  /** The property that set the CORS origins, for errors and warnings. */
  readonly corsOriginsProp: string;
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
    validateAzureStorageAccountName('storageAccountName', props.storageAccountName);
    validateAzureResourceGroupName('resourceGroupName', props.resourceGroupName);
    for (const spec of props.containers) validateAzureContainerName(spec.prop, spec.name);
    validateUniqueNames(props.containerNamesProp, Object.fromEntries(props.containers.map((c) => [c.role, c.name])));
    const blobRetention = props.blobDeleteRetentionDays ?? DEFAULT_DELETE_RETENTION_DAYS;
    const containerRetention = props.containerDeleteRetentionDays ?? DEFAULT_DELETE_RETENTION_DAYS;
    validateWholeNumber('blobDeleteRetentionDays', blobRetention, 0, 365, 'Use 1-365 days, or 0 to turn blob soft delete off.');
    validateWholeNumber('containerDeleteRetentionDays', containerRetention, 0, 365, 'Use 1-365 days, or 0 to turn container soft delete off.');
    const cors = withExplicitPreflight(props.cors);
    validateCorsOrigins(props.corsOriginsProp, cors.allowedOrigins);
    if (cors.allowedOrigins.length > MAX_CORS_ORIGINS) {
      fail(
        props.corsOriginsProp,
        `a list of at most ${MAX_CORS_ORIGINS} origins (the Blob service limit per CORS rule)`,
        `${cors.allowedOrigins.length} origins`,
        'List only the origins that open the replay player.',
      );
    }
    if (allowsAnyOrigin(cors)) {
      Annotations.of(this).addWarning(
        `'${props.corsOriginsProp}' allows any origin ('*') to read replay data from storage account ${props.storageAccountName} in a browser. ` +
          `Set '${props.corsOriginsProp}' to the dashboard origin, e.g. ['https://replay.example.com'].`,
      );
    }

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
      sharedAccessKeyEnabled: true,
      // Container-level anonymous read is possible only where a container must be public.
      allowNestedItemsToBePublic: anyPublic,
      // Browsers and mobile apps reach the account over the internet (signed uploads, replay reads).
      publicNetworkAccessEnabled: true,
      crossTenantReplicationEnabled: false,
      blobProperties: blobProperties(cors, blobRetention, containerRetention),
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

    // The endpoint attribute ends with '/' at deploy time; trim it so joins never yield '//'.
    this.blobEndpoint = Fn.trimsuffix(this.account.primaryBlobEndpoint, '/');
    this.blobEndpointSuffix = Fn.trimprefix(this.account.primaryBlobHost, `${props.storageAccountName}.blob.`);
  }

  /** Browser URL of a container: `https://<account>.blob.<suffix>/<container>/`. */
  public containerUrl(containerName: string): string {
    return azurePrefixFromBlobEndpoint(this.blobEndpoint, containerName);
  }
}

function blobProperties(cors: CorsModel, blobRetentionDays: number, containerRetentionDays: number): StorageAccountBlobProperties {
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
    deleteRetentionPolicy: blobRetentionDays > 0 ? { days: blobRetentionDays } : undefined,
    containerDeleteRetentionPolicy: containerRetentionDays > 0 ? { days: containerRetentionDays } : undefined,
  };
}
