import type { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import type { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { Construct } from 'constructs';
import { azureEndpointSuffixOf } from './provider-environment';
import { ReplayStorageAccount } from './replay-storage-account';
import type { AzureStorageAccountOptions } from './storage-account-options';
import { AZURE_BLOB_BACKEND } from '../core/backends/azure-blob';
import { checkAzureAccountOptions } from '../core/cloud-options/azure-options';
import type { ILogRocketStorage } from '../core/interfaces';
import type { LogRocketStorageOptions } from '../core/logrocket/options';
import { renderLogRocket } from '../core/logrocket/render';
import { resolveLogRocket } from '../core/logrocket/resolve';
import { azureBlobPrefix } from '../core/prefix';
import { LOGROCKET_USER_FILES } from '../core/roles';
import { isUnresolved } from '../core/tokens';
import { addTerraformOutputs, addTerraformWarnings } from '../terraform/terraform-outputs';

/** Properties of {@link LogRocketStorage}: the cloud-neutral options plus Azure's own. */
export interface LogRocketStorageProps extends LogRocketStorageOptions, AzureStorageAccountOptions {}

/**
 * Azure Blob storage for LogRocket self-hosted: a storage account with the
 * userFiles container, readable anonymously object by object (no listing) so
 * the replay player can hydrate async-uploaded mobile images, Blob service
 * CORS (GET, HEAD, OPTIONS) from the dashboard origins, HTTPS and TLS 1.2
 * only, soft delete on. Mobile apps upload through SAS URLs the backend
 * signs with the account key, so shared key access stays on and the account
 * accepts requests from any network.
 *
 * Outputs the derived replay prefix, the Helm values the sources name, and,
 * as plain outputs rather than invented Helm keys, the account name and the
 * Blob endpoint suffix; the account key only as a sensitive output.
 */
export class LogRocketStorage extends Construct implements ILogRocketStorage {
  /** The storage account. */
  public readonly storageAccount: StorageAccount;
  /** Name of the resource group that holds the account. */
  public readonly resourceGroupName: string;
  /** The userFiles container (anonymous object read). */
  public readonly userFilesContainer: StorageContainer;
  public readonly userFilesBucketName: string;
  /** `https://<account>.blob.<endpoint-suffix>/<container>/`, from the account's primary Blob endpoint. */
  public readonly replayPrefix: string;
  /** Blob endpoint suffix of the account's cloud, e.g. `core.windows.net`. */
  public readonly blobEndpointSuffix: string;
  public readonly helmValues: string;
  public readonly outputPrefix: string;

  constructor(scope: Construct, id: string, props: LogRocketStorageProps) {
    super(scope, id);
    const model = resolveLogRocket(props, {
      backend: AZURE_BLOB_BACKEND,
      outputStyle: 'terraform',
      constructId: id,
      constructPath: this.node.path,
      // The deployed prefix comes from the account's endpoint; with concrete
      // names, compare against its form in the cloud the provider targets.
      primaryPrefix: (container) => {
        const suffix = azureEndpointSuffixOf(this);
        const known = suffix !== undefined && !isUnresolved(props.storageAccountName) && !isUnresolved(container);
        return { prefix: known ? azureBlobPrefix(props.storageAccountName, container, suffix) : undefined, warnings: [] };
      },
      cloudChecks: (problems) => checkAzureAccountOptions(problems, props),
    });
    addTerraformWarnings(this, model.warnings);
    this.outputPrefix = model.outputPrefix;
    this.userFilesBucketName = model.userFilesBucketName;

    const storage = new ReplayStorageAccount(this, 'Storage', {
      ...props,
      containers: [
        {
          role: LOGROCKET_USER_FILES.role,
          name: model.userFilesBucketName,
          access: LOGROCKET_USER_FILES.access,
          holdsRecordings: LOGROCKET_USER_FILES.holdsRecordings,
          lifecycle: model.lifecycle,
        },
      ],
      cors: model.cors,
      versioned: model.versioned,
    });
    this.storageAccount = storage.account;
    this.resourceGroupName = storage.resourceGroupName;
    this.userFilesContainer = storage.containers[LOGROCKET_USER_FILES.role];
    this.blobEndpointSuffix = storage.blobEndpointSuffix;

    const rendering = renderLogRocket(model, {
      kind: 'azure-blob',
      replayPrefix: storage.containerUrl(model.userFilesBucketName),
      accountName: props.storageAccountName,
      blobEndpointSuffix: this.blobEndpointSuffix,
      accountKey: storage.account.primaryAccessKey,
    });
    this.replayPrefix = rendering.replayPrefix;
    this.helmValues = rendering.helmValues;
    addTerraformOutputs(this, model.outputPrefix, rendering.outputs);
  }
}
