import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { Construct } from 'constructs';
import { openReplayCors } from '../core/cors';
import { openReplayAzureEnvValues, openReplayChartValues } from '../core/helm/openreplay';
import { trimTrailingSlash } from '../core/prefix';
import { OPENREPLAY_ROLES, openReplayRoles, OpenReplayRole } from '../core/roles';
import { validateWholeNumber } from '../core/validation/numbers';
import { toYaml } from '../core/yaml';
import { kubectlCreateSecretCommand } from '../core/kubectl';
import { validateKubernetesNamespace, validateKubernetesObjectName } from '../core/validation/kubernetes-names';
import { OpenReplayContainerNames } from './openreplay-container-names';
import { ReplayContainerSpec, ReplayStorageAccount } from './replay-storage-account';
import { ReplayStorageAccountOptions } from './storage-account-options';
import { TaggedDeletionPolicy } from './tagged-deletion-policy';
import { TerraformOutputs } from '../terraform/terraform-outputs';

/** The days OpenReplay's backend writes into `to_delete_in_days` unless told otherwise. */
const DEFAULT_DELETE_TAGGED_AFTER_DAYS = 7;

/** Properties of {@link OpenReplayStorage}. */
export interface OpenReplayStorageProps extends ReplayStorageAccountOptions {
  /**
   * Container names per role.
   * @default - the chart's names: mobs, sessions-assets, sourcemaps, spots
   */
  readonly containerNames?: OpenReplayContainerNames;

  /**
   * Create the spots container (`global.s3.spotsBucket`, used by recent OpenReplay versions).
   * @default true
   */
  readonly spots?: boolean;

  /**
   * Origins allowed to read from the containers in a browser (Blob service
   * CORS: GET and the OPTIONS preflight, any request header). Set it to the
   * origin of your OpenReplay dashboard; `'*'` (the vendor's example) lets any
   * site read replay data and is reported as a synth warning.
   * @default ['*']
   */
  readonly dashboardOrigins?: string[];

  /**
   * Days after which blobs that OpenReplay tagged for deletion
   * (`to_delete_in_days=<days>`) are deleted by a lifecycle rule. The value
   * goes to the backend as `SCH_DELETE_DAYS` through `global.env`, so the tag
   * and the rule always agree.
   * @default 7
   */
  readonly deleteTaggedAfterDays?: number;

  /**
   * Kubernetes secret that holds the storage account key, referenced by the
   * Helm values (each storage service's `existingSecret` and `secretEnv`) and
   * created by the command in the `create_secret_command` output.
   * @default 'openreplay-azure-storage'
   */
  readonly kubernetesSecretName?: string;

  /**
   * Namespace OpenReplay is installed in (`helm ... -n app` in the vendor's guide).
   * @default 'app'
   */
  readonly kubernetesNamespace?: string;
}

/**
 * Azure Blob storage for self-hosted OpenReplay (enterprise build, which is
 * the one that talks to Azure Blob natively).
 *
 * Creates one storage account with a container per role: recordings,
 * sourcemaps and spots private (reached through SAS URLs the backend signs),
 * assets readable anonymously object by object (no listing), Blob service
 * CORS for the dashboard, soft delete and a lifecycle rule for tagged
 * deletions. Outputs the Helm values for the current chart: `CLOUD=azure`
 * and `AZURE_ACCOUNT_NAME` through `global.env`, `AZURE_ACCOUNT_KEY` from a
 * Kubernetes secret through each storage service's `secretEnv`. The account
 * key itself only appears in the sensitive `account_key` output.
 *
 * Chart layouts of v1.8 and earlier have no Azure support, so no legacy
 * documents are emitted.
 *
 * OpenReplay's backend builds its Blob URLs on `core.windows.net`, so the
 * account must be in Azure's public cloud.
 */
export class OpenReplayStorage extends Construct {
  /** Key inside the Kubernetes secret that holds the storage account key. */
  public static readonly SECRET_KEY_NAME = 'azure-account-key';

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
  /** Blob endpoint, `https://<account>.blob.core.windows.net` (no trailing slash). */
  public readonly blobEndpoint: string;
  /** Browser URL of the assets container (`global.assetsOrigin`, no trailing slash). */
  public readonly assetsOrigin: string;
  /** Helm values for the current chart, as YAML. */
  public readonly helmValues: string;
  /** The command that creates the Kubernetes secret with the account key. */
  public readonly createSecretCommand: string;

  constructor(scope: Construct, id: string, props: OpenReplayStorageProps) {
    super(scope, id);
    const outputs = new TerraformOutputs(this, props.outputPrefix);
    const deleteDays = props.deleteTaggedAfterDays ?? DEFAULT_DELETE_TAGGED_AFTER_DAYS;
    validateWholeNumber('deleteTaggedAfterDays', deleteDays, 1, 99999, 'Use the number of days OpenReplay should keep a deleted recording.');

    const spots = props.spots ?? true;
    const names: Record<string, string> = {};
    const specs: ReplayContainerSpec[] = openReplayRoles(spots).map((profile) => {
      const role = profile.role as OpenReplayRole;
      const name = props.containerNames?.[role] ?? OPENREPLAY_ROLES[role].chartDefaultName;
      names[role] = name;
      return { role, name, prop: `containerNames.${role}`, access: profile.access, holdsRecordings: profile.holdsRecordings };
    });

    const storage = new ReplayStorageAccount(this, 'Storage', {
      ...props,
      containers: specs,
      containerNamesProp: 'containerNames',
      cors: openReplayCors(props.dashboardOrigins ?? ['*']),
      corsOriginsProp: 'dashboardOrigins',
    });
    new TaggedDeletionPolicy(this, 'TaggedDeletion', { storageAccountId: storage.account.id, days: deleteDays });

    this.storageAccount = storage.account;
    this.resourceGroupName = storage.resourceGroupName;
    this.recordingsContainer = storage.containers.recordings;
    this.assetsContainer = storage.containers.assets;
    this.sourcemapsContainer = storage.containers.sourcemaps;
    this.spotsContainer = storage.containers.spots;
    this.blobEndpoint = storage.blobEndpoint;
    this.assetsOrigin = trimTrailingSlash(storage.containerUrl(names.assets));

    const secretName = props.kubernetesSecretName ?? 'openreplay-azure-storage';
    const namespace = props.kubernetesNamespace ?? 'app';
    validateKubernetesObjectName('kubernetesSecretName', secretName);
    validateKubernetesNamespace('kubernetesNamespace', namespace);
    const azureEnv = openReplayAzureEnvValues({
      accountName: props.storageAccountName,
      secretName,
      secretKey: OpenReplayStorage.SECRET_KEY_NAME,
    });
    const values = openReplayChartValues({
      region: props.location,
      // The Azure build reaches Blob by account name; the endpoint keeps every
      // S3-style setting pointing at this account instead of the bundled MinIO.
      endpoint: this.blobEndpoint,
      buckets: { recordings: names.recordings, assets: names.assets, sourcemaps: names.sourcemaps, spots: names.spots },
      assetsOrigin: this.assetsOrigin,
      globalExtras: { env: { ...(azureEnv.global.env as Record<string, string>), SCH_DELETE_DAYS: String(deleteDays) } },
      topLevelExtras: azureEnv.subcharts,
    });
    this.helmValues = toYaml(values);
    this.createSecretCommand = kubectlCreateSecretCommand({
      name: secretName,
      namespace,
      fromCommands: { [OpenReplayStorage.SECRET_KEY_NAME]: `terraform output -raw ${outputs.nameOf('account_key')}` },
    });

    for (const spec of specs) {
      outputs.add(`${spec.role}_bucket`, spec.name, { description: `OpenReplay ${spec.role} container (global.s3.${OPENREPLAY_ROLES[spec.role as OpenReplayRole].chartKey})` });
    }
    outputs.add('region', props.location, { description: 'Azure region of the storage account (global.s3.region)' });
    outputs.add('endpoint', this.blobEndpoint, { description: 'Blob endpoint (global.s3.endpoint)' });
    outputs.add('assets_origin', this.assetsOrigin, { description: 'Browser URL of the assets container (global.assetsOrigin)' });
    outputs.add('helm_values', this.helmValues, { description: 'Helm values for the OpenReplay chart (v1.9 and later, enterprise build)' });
    outputs.add('storage_account_name', props.storageAccountName, { description: 'Storage account name (AZURE_ACCOUNT_NAME)' });
    outputs.add('blob_endpoint', this.blobEndpoint, { description: "The storage account's primary Blob endpoint" });
    outputs.add('account_key', storage.account.primaryAccessKey, { description: 'Storage account key (AZURE_ACCOUNT_KEY)', sensitive: true });
    outputs.add('create_secret_command', this.createSecretCommand, {
      description: `Creates the Kubernetes secret the Helm values reference; run it where 'terraform output' works for this stack`,
    });
  }
}
