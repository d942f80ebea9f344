import { StorageManagementPolicy } from '@cdktf/provider-azurerm/lib/storage-management-policy';
import { Construct } from 'constructs';
import { OPENREPLAY_DELETE_TAG_KEY } from '../core/roles';

/** Props of {@link TaggedDeletionPolicy}. */
export interface TaggedDeletionPolicyProps {
  /** Resource id of the storage account. */
  readonly storageAccountId: string;
  /** Days after the tagging at which the blobs are deleted; also the tag value matched. */
  readonly days: number;
}

/**
 * Makes OpenReplay's deletion happen on Azure Blob. To delete a recording
 * the backend copies the blob onto itself (which resets its last-modified
 * time) and sets the blob index tag `to_delete_in_days=<days>`; this
 * lifecycle rule deletes block blobs carrying exactly that tag once they are
 * `<days>` days past that modification.
 * @see https://learn.microsoft.com/azure/storage/blobs/lifecycle-management-overview
 */
export class TaggedDeletionPolicy extends Construct {
  public readonly policy: StorageManagementPolicy;

  constructor(scope: Construct, id: string, props: TaggedDeletionPolicyProps) {
    super(scope, id);
    this.policy = new StorageManagementPolicy(this, 'Policy', {
      storageAccountId: props.storageAccountId,
      rule: [
        {
          name: 'delete-tagged-recordings',
          enabled: true,
          filters: {
            blobTypes: ['blockBlob'],
            matchBlobIndexTag: [{ name: OPENREPLAY_DELETE_TAG_KEY, operation: '==', value: String(props.days) }],
          },
          actions: { baseBlob: { deleteAfterDaysSinceModificationGreaterThan: props.days } },
        },
      ],
    });
  }
}
