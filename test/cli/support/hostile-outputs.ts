/**
 * Outputs files an attacker (or an accident) could hand to the command:
 * the examples' outputs with names moved to hostile ones, the metadata
 * pointing at them as a construct's would.
 */

/**
 * A copy of one stack of a `cdk deploy --outputs-file` file with every
 * output of the construct whose keys start with `from` moved to the prefix
 * `to`, its metadata listing the new keys.
 */
export function movePrefix(stack: Record<string, string>, from: string, to: string): Record<string, string> {
  const moved: Record<string, string> = {};
  for (const [key, value] of Object.entries(stack)) {
    if (!key.startsWith(from)) continue;
    const newKey = to + key.slice(from.length);
    if (key === `${from}Metadata`) {
      const metadata = JSON.parse(value);
      metadata.outputs = Object.fromEntries(Object.entries<string>(metadata.outputs).map(([name, k]) => [name, to + k.slice(from.length)]));
      moved[newKey] = JSON.stringify(metadata);
    } else {
      moved[newKey] = value;
    }
  }
  return moved;
}

/** Renames one output of a `terraform output -json` file (in place), and the metadata's pointer to it. */
export function renameTerraformOutput(file: Record<string, any>, metadataKey: string, key: string, newKey: string): void {
  file[newKey] = file[key];
  delete file[key];
  const metadata = JSON.parse(file[metadataKey].value);
  for (const [name, k] of Object.entries(metadata.outputs)) if (k === key) metadata.outputs[name] = newKey;
  file[metadataKey] = { ...file[metadataKey], value: JSON.stringify(metadata) };
}

/** What a newline in a name would smuggle into a manifest if it were pasted in unescaped. */
export const SMUGGLED_DOCUMENT = '\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding';
