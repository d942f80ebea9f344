import { StorageManagementPolicy, type StorageManagementPolicyRule } from '@cdktf/provider-azurerm/lib/storage-management-policy';
import { Construct } from 'constructs';
import type { LifecycleModel } from '../core/lifecycle';

/** One container and the lifecycle its role asks for. */
export interface ContainerLifecycle {
  readonly container: string;
  readonly lifecycle: LifecycleModel;
}

/**
 * Maps the cloud-neutral lifecycle models of the containers to one Blob
 * lifecycle management policy (Azure allows one per account). Rules that
 * name a container match its blobs by the `<container>/` prefix.
 * @see https://learn.microsoft.com/azure/storage/blobs/lifecycle-management-overview
 */
export function toAzureLifecycleRules(containers: readonly ContainerLifecycle[]): StorageManagementPolicyRule[] {
  const rules: StorageManagementPolicyRule[] = [];
  const prefixes = (pick: (l: LifecycleModel) => unknown) => containers.filter((c) => pick(c.lifecycle) !== undefined).map((c) => `${c.container}/`);
  // The tag rule is the same for every container that has one: one rule, by prefix.
  const tagged = containers.find((c) => c.lifecycle.tagExpiry)?.lifecycle.tagExpiry;
  if (tagged) {
    rules.push({
      name: 'delete-tagged-recordings',
      enabled: true,
      filters: {
        blobTypes: ['blockBlob'],
        prefixMatch: prefixes((l) => l.tagExpiry),
        matchBlobIndexTag: [{ name: tagged.key, operation: '==', value: tagged.value }],
      },
      actions: { baseBlob: { deleteAfterDaysSinceModificationGreaterThan: tagged.days } },
    });
  }
  const byAge = new Map<number, string[]>();
  for (const c of containers) {
    const days = c.lifecycle.expirationDays;
    if (days !== undefined) byAge.set(days, [...(byAge.get(days) ?? []), `${c.container}/`]);
  }
  for (const [days, prefixMatch] of byAge) {
    rules.push({
      name: `delete-after-${days}-days`,
      enabled: true,
      filters: { blobTypes: ['blockBlob'], prefixMatch },
      actions: { baseBlob: { deleteAfterDaysSinceModificationGreaterThan: days } },
    });
  }
  const noncurrent = containers.find((c) => c.lifecycle.noncurrentVersionExpirationDays !== undefined)?.lifecycle.noncurrentVersionExpirationDays;
  if (noncurrent !== undefined) {
    rules.push({
      name: 'delete-noncurrent-versions',
      enabled: true,
      filters: { blobTypes: ['blockBlob'], prefixMatch: prefixes((l) => l.noncurrentVersionExpirationDays) },
      actions: { version: { deleteAfterDaysSinceCreation: noncurrent } },
    });
  }
  return rules;
}

/** The account's lifecycle management policy, when any rule is needed. */
export class LifecyclePolicy extends Construct {
  public readonly policy?: StorageManagementPolicy;

  constructor(scope: Construct, id: string, props: { readonly storageAccountId: string; readonly containers: readonly ContainerLifecycle[] }) {
    super(scope, id);
    const rule = toAzureLifecycleRules(props.containers);
    if (rule.length > 0) this.policy = new StorageManagementPolicy(this, 'Policy', { storageAccountId: props.storageAccountId, rule });
  }
}
