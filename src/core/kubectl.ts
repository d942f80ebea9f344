/** One Kubernetes secret made from a shell command's JSON output. */
export interface KubectlSecretCommandInput {
  /** Secret name (a validated Kubernetes name: no quote can occur in it). */
  readonly name: string;
  /** Namespace the chart is installed in (a validated Kubernetes name). */
  readonly namespace: string;
  /**
   * Shell pipeline that prints JSON on stdout, e.g.
   * `terraform output -json 'openreplay_credentials'`. Every value in it is
   * single-quoted by the caller.
   */
  readonly source: string;
  /**
   * jq expression that maps that JSON to the secret's `stringData` object,
   * e.g. `.` or `{"azure-account-key": .}`.
   */
  readonly stringData: string;
}

/** Single-quotes a value for a POSIX shell (a `'` inside becomes `'\''`). */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, '\'\\\'\'')}'`;
}

/**
 * The command a person runs once to put the storage credentials into the
 * cluster. The key material flows through a pipe (source | jq | kubectl
 * apply -f -): it never appears in a command line, so no other user of the
 * machine sees it in the process list, and the line itself holds no key.
 * Needs jq and kubectl.
 */
export function kubectlCreateSecretCommand(input: KubectlSecretCommandInput): string {
  const manifest =
    '{apiVersion: "v1", kind: "Secret", type: "Opaque", ' +
    `metadata: {name: ${JSON.stringify(input.name)}, namespace: ${JSON.stringify(input.namespace)}}, stringData: (${input.stringData})}`;
  return `${input.source} | jq ${shellQuote(manifest)} | kubectl apply -f -`;
}
