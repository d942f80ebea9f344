import type { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import type { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { Construct } from 'constructs';
import { ReplayStorageAccount } from './replay-storage-account';
import type { AzureStorageAccountOptions } from './storage-account-options';
import { AZURE_BLOB_BACKEND } from '../core/backends/azure-blob';
import { checkAzureAccountOptions } from '../core/cloud-options/azure-options';
import type { IOpenReplayStorage } from '../core/interfaces';
import type { OpenReplayStorageOptions } from '../core/openreplay/options';
import { AZURE_ACCOUNT_KEY_SECRET_KEY, renderOpenReplay } from '../core/openreplay/render';
import { resolveOpenReplay } from '../core/openreplay/resolve';
import { trimTrailingSlash } from '../core/prefix';
import { validateAzureAccountForOpenReplay } from '../core/validation/azure-names';
import { addTerraformOutputs, addTerraformWarnings } from '../terraform/terraform-outputs';

/** Properties of {@link OpenReplayStorage}: the cloud-neutral options plus Azure's own. */
export interface OpenReplayStorageProps extends OpenReplayStorageOptions, AzureStorageAccountOptions {}

/**
 * Azure Blob storage for self-hosted OpenReplay (enterprise build, which is
 * the one that talks to Azure Blob natively, with the account name and key
 * only).
 *
 * Creates one storage account with a container per role: recordings,
 * sourcemaps and spots private (reached through SAS URLs the backend signs),
 * assets readable anonymously object by object (no listing), Blob service
 * CORS for the dashboard, soft delete and a lifecycle policy for tagged
 * deletions and age-based expiry. Outputs the Helm values for the current
 * chart: `CLOUD=azure`, `AZURE_ACCOUNT_NAME` and `SCH_DELETE_DAYS` through
 * `global.env`, `AZURE_ACCOUNT_KEY` from a Kubernetes secret through each
 * storage service's `secretEnv`. The account key itself only appears in the
 * sensitive `account_key` output.
 *
 * The legacy installer (v1.0.0 to v1.8.1) has no Azure support, so no legacy
 * documents are emitted. OpenReplay's backend builds its Blob URLs on
 * `core.windows.net`, so the account must be in Azure's public cloud.
 */
export class OpenReplayStorage extends Construct implements IOpenReplayStorage {
  /** Key inside the Kubernetes secret that holds the storage account key. */
  public static readonly SECRET_KEY_NAME = AZURE_ACCOUNT_KEY_SECRET_KEY;

  /** The storage account. */
  public readonly storageAccount: StorageAccount;
  /** Name of the resource group that holds the account. */
  public readonly resourceGroupName: string;
  /** Recordings container (private). */
  public readonly recordingsContainer: StorageContainer;
  /** Assets container (anonymous object read). */
  public readonly assetsContainer: StorageContainer;
  /** Sourcemaps container (private). */
  public readonly sourcemapsContainer: StorageContainer;
  /** Spots container (private), when spots are on. */
  public readonly spotsContainer?: StorageContainer;
  /** Assist records container (private, browser PUT), when `records` is on. */
  public readonly recordsContainer?: StorageContainer;
  public readonly recordingsBucketName: string;
  public readonly assetsBucketName: string;
  public readonly sourcemapsBucketName: string;
  public readonly spotsBucketName?: string;
  public readonly recordsBucketName?: string;
  /** Blob endpoint, `https://<account>.blob.core.windows.net` (no trailing slash). */
  public readonly blobEndpoint: string;
  /** The Azure region (`global.s3.region`). */
  public readonly region: string;
  /** `global.s3.endpoint`: the Blob endpoint. */
  public readonly endpoint: string;
  public readonly assetsOrigin: string;
  public readonly deletionTagDays: number;
  public readonly helmValues: string;
  public readonly createSecretCommand?: string;
  public readonly outputPrefix: string;

  constructor(scope: Construct, id: string, props: OpenReplayStorageProps) {
    super(scope, id);
    const model = resolveOpenReplay(props, {
      backend: AZURE_BLOB_BACKEND,
      outputStyle: 'terraform',
      constructId: id,
      constructPath: this.node.path,
      cloudChecks: (problems) => {
        checkAzureAccountOptions(problems, props);
        problems.check(() => validateAzureAccountForOpenReplay('storageAccountName', props.storageAccountName));
      },
    });
    addTerraformWarnings(this, model.warnings);
    this.outputPrefix = model.outputPrefix;
    this.deletionTagDays = model.deletionTagDays;

    const storage = new ReplayStorageAccount(this, 'Storage', {
      ...props,
      containers: model.buckets.map((b) => ({
        role: b.role,
        name: b.name!,
        access: b.profile.access,
        holdsRecordings: b.profile.holdsRecordings,
        lifecycle: b.lifecycle,
      })),
      cors: model.cors,
      versioned: model.versioned,
    });
    const names: Record<string, string> = Object.fromEntries(model.buckets.map((b) => [b.role, b.name!]));

    this.storageAccount = storage.account;
    this.resourceGroupName = storage.resourceGroupName;
    this.recordingsContainer = storage.containers.recordings;
    this.assetsContainer = storage.containers.assets;
    this.sourcemapsContainer = storage.containers.sourcemaps;
    this.spotsContainer = storage.containers.spots;
    this.recordsContainer = storage.containers.records;
    this.recordingsBucketName = names.recordings;
    this.assetsBucketName = names.assets;
    this.sourcemapsBucketName = names.sourcemaps;
    this.spotsBucketName = names.spots;
    this.recordsBucketName = names.records;
    this.blobEndpoint = storage.blobEndpoint;
    this.region = props.location;
    // The Azure build reaches Blob by account name; the endpoint keeps every
    // S3-style setting pointing at this account instead of the bundled MinIO.
    this.endpoint = storage.blobEndpoint;
    this.assetsOrigin = trimTrailingSlash(storage.containerUrl(names.assets));

    const rendering = renderOpenReplay(model, {
      buckets: { recordings: names.recordings, assets: names.assets, sourcemaps: names.sourcemaps, spots: names.spots, records: names.records },
      region: this.region,
      endpoint: this.endpoint,
      assetsOrigin: this.assetsOrigin,
      credentials: { kind: 'azure-account-key', accountName: props.storageAccountName, accountKey: storage.account.primaryAccessKey, blobEndpoint: this.blobEndpoint },
    });
    this.helmValues = rendering.helmValues;
    this.createSecretCommand = rendering.createSecretCommand;
    addTerraformOutputs(this, model.outputPrefix, rendering.outputs);
  }
}
