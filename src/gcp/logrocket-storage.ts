import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import { ServiceAccountKey } from '@cdktf/provider-google/lib/service-account-key';
import type { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { Construct } from 'constructs';
import type { GcpStorageOptions } from './common-props';
import { GCP_SIGN_AS_ITSELF_ROLE, GKE_WORKLOAD_IDENTITY_ROLE, grantAnonymousRead, grantBackendAccess } from './iam-grants';
import { createReplayBucket } from './replay-bucket';
import { resolveGcpOptions } from './storage-options';
import { GCS_BACKEND } from '../core/backends/gcs';
import { checkGcpOptions } from '../core/cloud-options/gcp-options';
import type { ILogRocketStorage } from '../core/interfaces';
import type { LogRocketStorageOptions } from '../core/logrocket/options';
import { renderLogRocket } from '../core/logrocket/render';
import { resolveLogRocket } from '../core/logrocket/resolve';
import { gcsPrefix } from '../core/prefix';
import { LOGROCKET_USER_FILES } from '../core/roles';
import { validateServiceAccounts } from '../core/validation/keyless-identity';
import { validateKubernetesNamespace } from '../core/validation/kubernetes-names';
import { refuseToken } from '../core/validation/literal';
import { addTerraformOutputs, addTerraformWarnings } from '../terraform/terraform-outputs';

/** A GKE Kubernetes service account that acts as the Google service account. */
export interface GkeWorkloadIdentity {
  /**
   * Namespace the LogRocket chart runs in.
   */
  readonly namespace: string;

  /**
   * Kubernetes service accounts of the LogRocket backend pods (the same
   * shape as AWS's `BackendIdentity.podIdentity({ namespace, serviceAccounts })`).
   */
  readonly serviceAccounts: string[];
}

/** Properties of {@link LogRocketStorage}: the cloud-neutral options plus Google Cloud's own. */
export interface LogRocketStorageProps extends LogRocketStorageOptions, GcpStorageOptions {
  /**
   * Create a JSON key for the service account and put it (base64) in the
   * sensitive `credentials` output, for a backend that cannot run as the
   * service account. The backend then signs upload URLs with the key itself.
   *
   * Off by default: a long-lived key is a secret to rotate. Without it the
   * backend runs as the service account (see `workloadIdentity`) and signs
   * through the IAM Credentials API, for which the service account gets
   * `roles/iam.serviceAccountTokenCreator` on itself.
   * @default false
   */
  readonly createServiceAccountKey?: boolean;

  /**
   * Lets this Kubernetes service account act as the service account through
   * GKE Workload Identity (`roles/iam.workloadIdentityUser` on the service
   * account for each `<project>.svc.id.goog[<namespace>/<service account>]`).
   * Annotate the Kubernetes service account with
   * `iam.gke.io/gcp-service-account: <service_account_email output>`.
   * @see https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity
   * @default - no binding; bind the backend's identity yourself
   */
  readonly workloadIdentity?: GkeWorkloadIdentity;
}

/**
 * Cloud Storage for LogRocket self-hosted: the userFiles bucket that the
 * mobile SDK uploads image assets to (through URLs the backend signs) and
 * the replay player reads from `https://storage.googleapis.com/<bucket>/`.
 *
 * The bucket has uniform bucket-level access, anonymous object reads (no
 * listing) and CORS GET/HEAD for the dashboard. A service account holds
 * bucket-level roles on userFiles only and can sign uploads: as itself
 * (keyless, the default) or with a JSON key (`createServiceAccountKey`).
 * Outputs the derived replay prefix, the Helm values (only the keys the
 * vendor documents), the bucket name and the service account email.
 *
 * Objects are encrypted at rest (Google-managed keys, or `kmsKeyName`).
 */
export class LogRocketStorage extends Construct implements ILogRocketStorage {
  /** The userFiles bucket. */
  public readonly userFilesBucket: StorageBucket;
  public readonly userFilesBucketName: string;
  /** The backend's service account. */
  public readonly serviceAccount: ServiceAccount;
  /** The service account's JSON key, when `createServiceAccountKey` is on. */
  public readonly serviceAccountKey?: ServiceAccountKey;
  public readonly replayPrefix: string;
  public readonly helmValues: string;
  public readonly outputPrefix: string;

  constructor(scope: Construct, id: string, props: LogRocketStorageProps) {
    super(scope, id);
    const gcp = resolveGcpOptions(this, props);
    const model = resolveLogRocket(props, {
      backend: GCS_BACKEND,
      outputStyle: 'terraform',
      constructId: id,
      constructPath: this.node.path,
      primaryPrefix: (bucket) => ({ prefix: gcsPrefix(bucket), warnings: [] }),
      cloudChecks: (problems) => {
        checkGcpOptions(problems, gcp);
        if (props.workloadIdentity) {
          problems.check(() => validateKubernetesNamespace('workloadIdentity.namespace', props.workloadIdentity!.namespace));
          problems.check(() => refuseToken('workloadIdentity.namespace', props.workloadIdentity!.namespace, 'IAM member names'));
          problems.check(() => validateServiceAccounts('workloadIdentity.serviceAccounts', props.workloadIdentity!.serviceAccounts));
        }
      },
    });
    addTerraformWarnings(this, model.warnings);
    this.outputPrefix = model.outputPrefix;
    this.userFilesBucketName = model.userFilesBucketName;

    this.serviceAccount = new ServiceAccount(this, 'ServiceAccount', {
      accountId: gcp.serviceAccountId,
      displayName: 'LogRocket userFiles',
      description: 'LogRocket backend: reads and writes userFiles and signs upload URLs for it',
    });
    this.userFilesBucket = createReplayBucket(this, 'UserFilesBucket', {
      name: model.userFilesBucketName,
      location: gcp.location,
      access: LOGROCKET_USER_FILES.access,
      cors: model.cors,
      forceDestroy: gcp.forceDestroy,
      versioned: model.versioned,
      lifecycle: model.lifecycle,
      kmsKeyName: gcp.kmsKeyName,
      labels: gcp.labels,
    });
    grantBackendAccess(this, 'UserFilesBackend', this.userFilesBucket, this.serviceAccount.member);
    grantAnonymousRead(this, 'UserFilesAnonymousRead', this.userFilesBucket);

    if (props.createServiceAccountKey ?? false) {
      this.serviceAccountKey = new ServiceAccountKey(this, 'ServiceAccountKey', { serviceAccountId: this.serviceAccount.name });
    } else {
      new ServiceAccountIamMember(this, 'SignAsItself', {
        serviceAccountId: this.serviceAccount.name,
        role: GCP_SIGN_AS_ITSELF_ROLE,
        member: this.serviceAccount.member,
      });
    }
    if (props.workloadIdentity) {
      const { namespace, serviceAccounts } = props.workloadIdentity;
      serviceAccounts.forEach((sa, i) => {
        // The first keeps the id it always had, so its Terraform address never moves.
        new ServiceAccountIamMember(this, i === 0 ? 'WorkloadIdentity' : `WorkloadIdentity-${sa}`, {
          serviceAccountId: this.serviceAccount.name,
          role: GKE_WORKLOAD_IDENTITY_ROLE,
          member: `serviceAccount:${this.serviceAccount.project}.svc.id.goog[${namespace}/${sa}]`,
        });
      });
    }

    const rendering = renderLogRocket(model, {
      kind: 'gcs',
      serviceAccountEmail: this.serviceAccount.email,
      serviceAccountKey: this.serviceAccountKey?.privateKey,
    });
    this.replayPrefix = rendering.replayPrefix;
    this.helmValues = rendering.helmValues;
    addTerraformOutputs(this, model.outputPrefix, rendering.outputs);
  }
}
