/**
 * Pod Identity: the role is assumed by pods through the EKS Pod Identity
 * agent.
 */
export interface PodIdentityOptions {
  /**
   * Name of the EKS cluster. When given, the construct creates an
   * `AWS::EKS::PodIdentityAssociation` per service account; otherwise
   * associate the role (output `RoleArn`) yourself.
   *
   * @default - no associations
   */
  readonly clusterName?: string;

  /**
   * Namespace of the service accounts.
   *
   * @default - OpenReplay: `kubernetesNamespace` ('app'); LogRocket: required
   */
  readonly namespace?: string;

  /**
   * Kubernetes service accounts (in `namespace`) the role is for.
   *
   * @default - OpenReplay: the chart's accounts of every storage service
   * (`api-openreplay`, `assets-openreplay`, ...); LogRocket: required
   */
  readonly serviceAccounts?: string[];
}

/**
 * IRSA: the role is assumed through the cluster's IAM OIDC provider, by the
 * named service accounts only.
 */
export interface IrsaOptions {
  /**
   * ARN of the cluster's IAM OIDC identity provider,
   * `arn:<partition>:iam::<account>:oidc-provider/oidc.eks.<region>.amazonaws.com/id/<id>`.
   * A literal: the trust policy's condition keys are made from it at synth.
   */
  readonly oidcProviderArn: string;

  /**
   * Namespace of the service accounts.
   *
   * @default - OpenReplay: `kubernetesNamespace` ('app'); LogRocket: required
   */
  readonly namespace?: string;

  /**
   * Kubernetes service accounts (in `namespace`) the role is for.
   *
   * @default - OpenReplay: the chart's accounts of every storage service
   * (`api-openreplay`, `assets-openreplay`, ...); LogRocket: required
   */
  readonly serviceAccounts?: string[];
}

/** How the backend authenticates to S3. */
export enum BackendIdentityKind {
  /** A long-lived access key of an IAM user, kept in Secrets Manager. */
  ACCESS_KEY = 'access-key',
  /** An IAM role assumed through EKS Pod Identity. */
  POD_IDENTITY = 'pod-identity',
  /** An IAM role assumed through IAM roles for service accounts (IRSA). */
  IRSA = 'irsa',
}

/**
 * The backend's identity: a static access key (works on any Kubernetes), or
 * an IAM role that EKS pods assume (no key exists at all).
 */
export class BackendIdentity {
  /** A long-lived access key of an IAM user, kept in Secrets Manager (rotate with `accessKeySerial`). */
  public static accessKey(): BackendIdentity {
    return new BackendIdentity(BackendIdentityKind.ACCESS_KEY);
  }

  /** An IAM role trusted by `pods.eks.amazonaws.com`, with associations when the cluster is named. */
  public static podIdentity(options: PodIdentityOptions = {}): BackendIdentity {
    return new BackendIdentity(BackendIdentityKind.POD_IDENTITY, options.serviceAccounts, options.namespace, options.clusterName);
  }

  /** An IAM role trusted by the cluster's OIDC provider for the named service accounts. */
  public static irsa(options: IrsaOptions): BackendIdentity {
    return new BackendIdentity(BackendIdentityKind.IRSA, options.serviceAccounts, options.namespace, undefined, options.oidcProviderArn);
  }

  private constructor(
    /** Which kind. */
    public readonly kind: BackendIdentityKind,
    /** Service accounts the role is for (keyless kinds). */
    public readonly serviceAccounts?: string[],
    /** Their namespace (keyless kinds). */
    public readonly namespace?: string,
    /** EKS cluster for Pod Identity associations. */
    public readonly clusterName?: string,
    /** IRSA: the OIDC provider's ARN. */
    public readonly oidcProviderArn?: string,
  ) {}
}
