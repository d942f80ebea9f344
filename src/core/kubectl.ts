/** One `kubectl create secret generic` invocation. */
export interface KubectlSecretCommandInput {
  /** Secret name. */
  readonly name: string;
  /** Namespace the chart is installed in. */
  readonly namespace: string;
  /**
   * Secret keys and the shell expression that prints each value, e.g.
   * `terraform output -raw openreplay_account_key`. Values are read by the
   * shell at run time, so the secret never appears in the command text.
   */
  readonly fromCommands: Record<string, string>;
}

/**
 * The command a person runs once to put the storage credentials into the
 * cluster: values come from command substitution, never inline.
 */
export function kubectlCreateSecretCommand(input: KubectlSecretCommandInput): string {
  const literals = Object.entries(input.fromCommands).map(([key, command]) => `--from-literal=${key}="$(${command})"`);
  return ['kubectl', 'create', 'secret', 'generic', input.name, '--namespace', input.namespace, ...literals].join(' ');
}
