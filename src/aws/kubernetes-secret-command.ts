import { OPENREPLAY_SECRET_KEYS, kubectlCreateSecretCommand } from '../core';

/** Where the key pair lives and where the Kubernetes secret goes. */
export interface SecretsManagerKubectlInput {
  readonly secretName: string;
  readonly namespace: string;
  /** ARN of the Secrets Manager secret holding the JSON key pair. */
  readonly secretArn: string;
  readonly region: string;
}

/**
 * The shell line that creates the Kubernetes secret with the keys
 * `access-key` and `secret-key`, each read from the Secrets Manager secret
 * at run time, so the line itself never holds a key. Needs the AWS CLI, jq
 * and kubectl.
 */
export function secretsManagerKubectlCommand(input: SecretsManagerKubectlInput): string {
  const read = (key: string) =>
    `aws secretsmanager get-secret-value --region ${input.region} --secret-id ${input.secretArn} ` +
    `--query SecretString --output text | jq -r '.["${key}"]'`;
  return kubectlCreateSecretCommand({
    name: input.secretName,
    namespace: input.namespace,
    fromCommands: {
      [OPENREPLAY_SECRET_KEYS.accessKey]: read(OPENREPLAY_SECRET_KEYS.accessKey),
      [OPENREPLAY_SECRET_KEYS.secretKey]: read(OPENREPLAY_SECRET_KEYS.secretKey),
    },
  });
}
