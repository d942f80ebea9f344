import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { Construct } from 'constructs';
import { logRocketCors } from '../core/cors';
import { logRocketChartValues } from '../core/helm/logrocket';
import { azureBlobPrefix } from '../core/prefix';
import { LOGROCKET_USER_FILES } from '../core/roles';
import { isUnresolved } from '../core/tokens';
import { validateCachedAssetPrefixes } from '../core/validation/asset-prefixes';
import { toYaml } from '../core/yaml';
import { ReplayStorageAccount } from './replay-storage-account';
import { ReplayStorageAccountOptions } from './storage-account-options';
import { TerraformOutputs } from '../terraform/terraform-outputs';

/** Properties of {@link LogRocketStorage}. */
export interface LogRocketStorageProps extends ReplayStorageAccountOptions {
  /**
   * Name of the userFiles container (`fileStorage.buckets.userFiles`).
   * 3-63 lowercase letters, digits and single hyphens.
   * @default 'user-files'
   */
  readonly userFilesContainerName?: string;

  /**
   * Origins of the LogRocket dashboard. The Blob service CORS rule lets them
   * GET and HEAD async-uploaded assets and answers the OPTIONS preflight;
   * without it replays show missing images.
   */
  readonly dashboardOrigins: string[];

  /**
   * Additional browser URL prefixes the chart cannot derive (a CDN or proxy
   * in front of the container, a legacy container). Each is the full URL
   * before the asset hash and ends with `/`. Never list the primary prefix
   * (`replay_prefix` output): the chart derives it.
   * @default - none
   */
  readonly cachedAssetPrefixes?: string[];

  /**
   * `backendIngest.enabled`: the backend signs upload URLs so the mobile SDK
   * uploads image assets straight to the userFiles container. To roll back,
   * set it to `false`, drop custom `cachedAssetPrefixes`, and turn off async
   * image upload in the mobile SDK (Android: `setEnableAsyncImageUpload(false)`).
   * @default true
   */
  readonly backendIngest?: boolean;
}

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
export class LogRocketStorage extends Construct {
  /** The storage account. */
  public readonly storageAccount: StorageAccount;
  /** Name of the resource group that holds the account. */
  public readonly resourceGroupName: string;
  /** The userFiles container (anonymous object read). */
  public readonly userFilesContainer: StorageContainer;
  /** `https://<account>.blob.<endpoint-suffix>/<container>/`, from the account's primary Blob endpoint. */
  public readonly replayPrefix: string;
  /** Blob endpoint suffix of the account's cloud, e.g. `core.windows.net`. */
  public readonly blobEndpointSuffix: string;
  /** Helm values for the LogRocket chart, as YAML. */
  public readonly helmValues: string;

  constructor(scope: Construct, id: string, props: LogRocketStorageProps) {
    super(scope, id);
    const outputs = new TerraformOutputs(this, props.outputPrefix);
    const containerName = props.userFilesContainerName ?? 'user-files';

    const storage = new ReplayStorageAccount(this, 'Storage', {
      ...props,
      containers: [
        {
          role: LOGROCKET_USER_FILES.role,
          name: containerName,
          prop: 'userFilesContainerName',
          access: LOGROCKET_USER_FILES.access,
          holdsRecordings: LOGROCKET_USER_FILES.holdsRecordings,
        },
      ],
      containerNamesProp: 'userFilesContainerName',
      cors: logRocketCors(props.dashboardOrigins),
      corsOriginsProp: 'dashboardOrigins',
    });

    this.storageAccount = storage.account;
    this.resourceGroupName = storage.resourceGroupName;
    this.userFilesContainer = storage.containers[LOGROCKET_USER_FILES.role];
    this.replayPrefix = storage.containerUrl(containerName);
    this.blobEndpointSuffix = storage.blobEndpointSuffix;

    // The derived prefix is only known at deploy time; with concrete names,
    // compare against the public-cloud form of it.
    const knownPrimary = isUnresolved(props.storageAccountName) || isUnresolved(containerName)
      ? this.replayPrefix
      : azureBlobPrefix(props.storageAccountName, containerName);
    validateCachedAssetPrefixes('cachedAssetPrefixes', props.cachedAssetPrefixes, knownPrimary);

    this.helmValues = toYaml(
      logRocketChartValues({
        userFilesBucket: containerName,
        backendIngest: props.backendIngest ?? true,
        cachedAssetPrefixes: props.cachedAssetPrefixes,
      }),
    );

    outputs.add('replay_prefix', this.replayPrefix, { description: 'Browser URL prefix of async-uploaded assets (derived by the chart)' });
    outputs.add('helm_values', this.helmValues, { description: 'Helm values for the LogRocket chart' });
    outputs.add('user_files_bucket', containerName, { description: 'userFiles container (fileStorage.buckets.userFiles)' });
    outputs.add('storage_account_name', props.storageAccountName, { description: 'Storage account name' });
    outputs.add('blob_endpoint_suffix', this.blobEndpointSuffix, { description: 'Blob endpoint suffix of the storage account\'s cloud' });
    outputs.add('account_key', storage.account.primaryAccessKey, { description: 'Storage account key', sensitive: true });
  }
}
