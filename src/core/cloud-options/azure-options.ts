import type { Problems } from '../errors';
import { validateAzureStorageAccountName } from '../validation/azure-names';
import { validateAzureResourceGroupName } from '../validation/azure-resource-group-name';
import { validateWholeNumber } from '../validation/numbers';

/**
 * The longest lifetime a SAS token should have; longer ones are logged by
 * the account's SAS expiration policy (action `Log`: they still work, so a
 * backend that signs longer-lived URLs is never broken, but they show up in
 * the account's logs). OpenReplay's enterprise build signs upload URLs for an
 * hour (`ee/backend/pkg/objectstorage/azure/azure.go`).
 */
export const AZURE_SAS_EXPIRATION_PERIOD = '1.00:00:00';

/** Soft delete default for blobs and containers, in days. */
export const DEFAULT_AZURE_DELETE_RETENTION_DAYS = 7;

/** The Azure account options core checks (structural: the props interface lives with the adapter). */
export interface AzureAccountOptionValues {
  readonly storageAccountName: string;
  readonly resourceGroupName?: string;
  readonly blobDeleteRetentionDays?: number;
  readonly containerDeleteRetentionDays?: number;
}

/** Checks of the options only Azure has, into the construct's one error. */
export function checkAzureAccountOptions(problems: Problems, props: AzureAccountOptionValues): void {
  problems.check(() => validateAzureStorageAccountName('storageAccountName', props.storageAccountName));
  problems.check(() => validateAzureResourceGroupName('resourceGroupName', props.resourceGroupName));
  problems.check(() => validateWholeNumber('blobDeleteRetentionDays', props.blobDeleteRetentionDays, 0, 365, 'Use 1-365 days, or 0 to turn blob soft delete off.'));
  problems.check(() =>
    validateWholeNumber('containerDeleteRetentionDays', props.containerDeleteRetentionDays, 0, 365, 'Use 1-365 days, or 0 to turn container soft delete off.'),
  );
}
