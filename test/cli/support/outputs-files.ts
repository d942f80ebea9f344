/**
 * Outputs files as users would have them after deploying an example, in
 * each shape the command reads, and small edits of them for tests.
 */
import { cdkOutputsFile, cdktfOutputsFile, terraformOutputJson } from './deployed-outputs';
import { ExampleName, onlyStack, synthExample } from './examples';

/** The shapes of outputs files the command reads. */
export type OutputsFileFormat = 'cdk --outputs-file' | 'cdktf --outputs-file' | 'terraform output -json';

/** An example's outputs in one shape (the cdk shape only for AWS, the other two only for Terraform). */
export function outputsFile(name: ExampleName, format: OutputsFileFormat): any {
  const example = synthExample(name);
  const { stackName, doc } = onlyStack(example);
  const cfn = example.kind === 'cloudformation';
  if (cfn !== (format === 'cdk --outputs-file')) throw new Error(`examples/${name} has no '${format}' outputs`);
  if (format === 'cdk --outputs-file') return cdkOutputsFile(stackName, doc);
  return format === 'cdktf --outputs-file' ? cdktfOutputsFile(stackName, doc) : terraformOutputJson(doc);
}

/** The file a user would have after deploying the example: cdk's for AWS, 'terraform output -json' otherwise. */
export function deployedOutputs(name: ExampleName): any {
  return outputsFile(name, synthExample(name).kind === 'cloudformation' ? 'cdk --outputs-file' : 'terraform output -json');
}

function isTerraformShape(file: any): boolean {
  return Object.values<any>(file).every((v) => v && typeof v === 'object' && 'value' in v);
}

/**
 * A `cdktf deploy --outputs-file` file keeps each construct's outputs in an
 * object under the construct's id, keyed `Output_<snake_name>`: the group
 * and the Terraform output prefix cdktf derives from the id.
 */
function cdktfGroup(file: any): { group: Record<string, any>; prefix: string } | undefined {
  const [stack] = Object.values<any>(file);
  if (!stack || typeof stack !== 'object') return undefined;
  const entry = Object.entries<any>(stack).find(([, v]) => v && typeof v === 'object' && !Array.isArray(v));
  return entry ? { group: entry[1], prefix: entry[0].toLowerCase().replace(/[^a-z0-9]/g, '_') } : undefined;
}

/** The outputs map of the file's only (or first) stack: key -> value, live (edits change the file). */
function entries(file: any): { get(key: string): any; set(key: string, value: any): void; delete(key: string): void; keys(): string[] } {
  if (isTerraformShape(file)) {
    return {
      get: (k) => file[k]?.value,
      set: (k, v) => {
        file[k] = { sensitive: file[k]?.sensitive ?? false, type: typeof v === 'string' ? 'string' : 'dynamic', value: v };
      },
      delete: (k) => delete file[k],
      keys: () => Object.keys(file),
    };
  }
  const cdktf = cdktfGroup(file);
  if (cdktf) {
    const { group, prefix } = cdktf;
    const id = (k: string) => `Output_${k.slice(prefix.length + 1)}`;
    return {
      get: (k) => group[id(k)],
      set: (k, v) => (group[id(k)] = v),
      delete: (k) => delete group[id(k)],
      keys: () => Object.keys(group).map((k) => `${prefix}_${k.replace(/^Output_/, '')}`),
    };
  }
  const [stack] = Object.values<any>(file);
  return { get: (k) => stack[k], set: (k, v) => (stack[k] = v), delete: (k) => delete stack[k], keys: () => Object.keys(stack) };
}

/** An output's value in either shape. */
export function outputValue(file: any, key: string): any {
  return entries(file).get(key);
}

export function setOutput(file: any, key: string, value: any): void {
  entries(file).set(key, value);
}

export function deleteOutput(file: any, key: string): void {
  entries(file).delete(key);
}

/** The key of the file's one Metadata output. */
export function metadataKey(file: any): string {
  const keys = entries(file).keys().filter((k) => /(Metadata|_metadata)$/.test(k));
  if (keys.length !== 1) throw new Error(`expected one Metadata output, found ${keys.join(', ') || 'none'}`);
  return keys[0];
}

/** The parsed Metadata output. */
export function metadataOf(file: any): any {
  return JSON.parse(outputValue(file, metadataKey(file)));
}

/** Rewrites the Metadata output through `edit` (which may mutate and return nothing). */
export function editMetadata(file: any, edit: (metadata: any) => any): void {
  const metadata = metadataOf(file);
  setOutput(file, metadataKey(file), JSON.stringify(edit(metadata) ?? metadata));
}
