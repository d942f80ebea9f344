import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import { ServiceAccountKey } from '@cdktf/provider-google/lib/service-account-key';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { Construct } from 'constructs';
import { logRocketCors } from '../core/cors';
import { logRocketChartValues } from '../core/helm/logrocket';
import { gcsPrefix } from '../core/prefix';
import { LOGROCKET_USER_FILES } from '../core/roles';
import { validateCachedAssetPrefixes } from '../core/validation/asset-prefixes';
import { toYaml } from '../core/yaml';
import { validateKubernetesNamespace, validateKubernetesObjectName } from '../core/validation/kubernetes-names';
import { GCP_SIGN_AS_ITSELF_ROLE, GKE_WORKLOAD_IDENTITY_ROLE, grantAnonymousRead, grantBackendAccess } from './iam-grants';
import { GcsReplayStorageCommonProps } from './common-props';
import { checkGcsBucketName } from './gcs-bucket-names';
import { createReplayBucket } from './replay-bucket';
import { checkDashboardOrigins, resolveCommonProps } from './storage-options';
import { TerraformOutputs } from '../terraform/terraform-outputs';

/** A GKE Kubernetes service account that acts as the Google service account. */
export interface GkeWorkloadIdentity {
  /**
   * Namespace the LogRocket chart runs in.
   */
  readonly namespace: string;

  /**
   * Kubernetes service account of the LogRocket backend pods.
   */
  readonly kubernetesServiceAccount: string;
}

/** Properties of {@link LogRocketStorage}. */
export interface LogRocketStorageProps extends GcsReplayStorageCommonProps {
  /**
   * Name of the userFiles bucket (`fileStorage.buckets.userFiles`).
   */
  readonly userFilesBucketName: string;

  /**
   * Origins of the LogRocket dashboard, allowed to GET and HEAD async-uploaded
   * assets in a browser (CORS). `'*'` is accepted with a synth warning.
   */
  readonly dashboardOrigins: string[];

  /**
   * Additional browser URL prefixes of async-uploaded assets that the chart
   * cannot derive (CDN, proxy, legacy bucket): https, the full path before
   * the asset hash, ending with `/`. Never the primary prefix
   * `https://storage.googleapis.com/<userFilesBucketName>/`.
   * @default - none
   */
  readonly cachedAssetPrefixes?: string[];

  /**
   * `backendIngest.enabled`: the backend signs upload URLs so that the mobile
   * SDK uploads image assets straight to userFiles. Roll back by setting it
   * to false (and disabling async image upload in the SDK).
   * @default true
   */
  readonly backendIngest?: boolean;

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
   * account for `<project>.svc.id.goog[<namespace>/<kubernetesServiceAccount>]`).
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
 * Cloud Storage has no bucket setting that refuses plain-HTTP requests or
 * sets a minimum TLS version, so none is made; every URL emitted is https.
 */
export class LogRocketStorage extends Construct {
  /** The userFiles bucket. */
  public readonly userFilesBucket: StorageBucket;
  /** The backend's service account. */
  public readonly serviceAccount: ServiceAccount;
  /** The service account's JSON key, when `createServiceAccountKey` is on. */
  public readonly serviceAccountKey?: ServiceAccountKey;
  /** Browser prefix of async-uploaded assets, ending with `/`. */
  public readonly replayPrefix: string;
  /** LogRocket chart Helm values, as YAML. */
  public readonly helmValues: string;
  /** Prefix of the Terraform output names. */
  public readonly outputPrefix: string;

  constructor(scope: Construct, id: string, props: LogRocketStorageProps) {
    super(scope, id);
    const outputs = new TerraformOutputs(this, props.outputPrefix);
    this.outputPrefix = outputs.prefix;
    const common = resolveCommonProps(this, props);
    const bucketName = props.userFilesBucketName;
    checkGcsBucketName(this, 'userFilesBucketName', bucketName);

    const origins = props.dashboardOrigins ?? [];
    const cors = logRocketCors(origins, common.corsMaxAgeSeconds);
    checkDashboardOrigins(this, origins, cors, 'https://logrocket.example.com');

    this.replayPrefix = gcsPrefix(bucketName);
    validateCachedAssetPrefixes('cachedAssetPrefixes', props.cachedAssetPrefixes, this.replayPrefix);
    if (props.workloadIdentity) {
      validateKubernetesNamespace('workloadIdentity.namespace', props.workloadIdentity.namespace);
      validateKubernetesObjectName('workloadIdentity.kubernetesServiceAccount', props.workloadIdentity.kubernetesServiceAccount);
    }

    this.serviceAccount = new ServiceAccount(this, 'ServiceAccount', {
      accountId: common.serviceAccountId,
      displayName: 'LogRocket userFiles',
      description: 'LogRocket backend: reads and writes userFiles and signs upload URLs for it',
    });
    this.userFilesBucket = createReplayBucket(this, 'UserFilesBucket', {
      name: bucketName,
      location: common.location,
      role: LOGROCKET_USER_FILES,
      cors,
      forceDestroy: common.forceDestroy,
      versioned: common.versioned,
      noncurrentVersionExpirationDays: common.noncurrentVersionExpirationDays,
      kmsKeyName: common.kmsKeyName,
      labels: common.labels,
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
      const { namespace, kubernetesServiceAccount } = props.workloadIdentity;
      new ServiceAccountIamMember(this, 'WorkloadIdentity', {
        serviceAccountId: this.serviceAccount.name,
        role: GKE_WORKLOAD_IDENTITY_ROLE,
        member: `serviceAccount:${this.serviceAccount.project}.svc.id.goog[${namespace}/${kubernetesServiceAccount}]`,
      });
    }

    this.helmValues = toYaml(
      logRocketChartValues({
        userFilesBucket: bucketName,
        backendIngest: props.backendIngest ?? true,
        cachedAssetPrefixes: props.cachedAssetPrefixes,
      }),
    );

    outputs.add('replay_prefix', this.replayPrefix, { description: 'Browser prefix of async-uploaded assets, derived by the chart from fileStorage.buckets.userFiles' });
    outputs.add('helm_values', this.helmValues, { description: 'Helm values for the LogRocket chart' });
    outputs.add('user_files_bucket', bucketName, { description: 'userFiles bucket (fileStorage.buckets.userFiles)' });
    outputs.add('service_account_email', this.serviceAccount.email, { description: 'Service account the LogRocket backend runs as' });
    if (this.serviceAccountKey) {
      outputs.add('credentials', this.serviceAccountKey.privateKey, {
        description: 'Service account JSON key, base64-encoded',
        sensitive: true,
      });
    }
  }
}
