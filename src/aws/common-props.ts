import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { RemovalPolicy } from 'aws-cdk-lib/core';
import type { BackendIdentity } from './backend-identity';

/**
 * Options only AWS has, shared by both products' constructs.
 */
export interface AwsStorageOptions {
  /**
   * What happens to the buckets when they leave the stack.
   *
   * Buckets are never emptied automatically (that would need a Lambda-backed
   * custom resource), so `RemovalPolicy.DESTROY` only removes buckets that are
   * already empty; CloudFormation reports the others as failed deletions.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Bucket that receives S3 server access logs of every bucket created here,
   * each under its own prefix (`<outputPrefix>/<role>/`).
   *
   * Access to a bucket that is in the same stack is granted with a bucket
   * policy when the feature flag `@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy`
   * is on (as in projects created by `cdk init`).
   *
   * @default - no server access logs
   */
  readonly serverAccessLogsBucket?: s3.IBucket;

  /**
   * How the backend authenticates to S3.
   *
   * The access key is the default because it works on every Kubernetes
   * (EKS or not) with no cluster details; on EKS prefer
   * `BackendIdentity.podIdentity(...)` or `BackendIdentity.irsa(...)`: then
   * no IAM user, access key or secret exists, and the Helm values carry
   * empty keys and an empty endpoint (the only form OpenReplay's services
   * fall back to the AWS default credential chain with).
   *
   * @default BackendIdentity.accessKey()
   */
  readonly identity?: BackendIdentity;

  /**
   * Name of the External Secrets Operator `ClusterSecretStore` that reads
   * AWS Secrets Manager, referenced by the `ExternalSecretManifest` output
   * (with an access key only).
   *
   * @default 'aws-secrets-manager'
   */
  readonly externalSecretStore?: string;

  /**
   * Serial number of the access key (0-1000000). Raise it to rotate the key:
   * the next deploy replaces the key and the secret's value; then re-create
   * the Kubernetes secret and restart the backend.
   *
   * @default - no serial (the key is created once)
   */
  readonly accessKeySerial?: number;
}
