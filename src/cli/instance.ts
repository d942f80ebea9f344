import { CONSTRUCT_CLASSES, type FoundMetadata } from './metadata';
import { OUTPUTS_FILE_HOWTO, OutputsError } from './outputs-error';
import { type OutputsStack, type OutputValue, stackWhere } from './outputs-file';
import { printable, quoted } from './printable';
import type { Cloud } from '../core/backends/storage-backend';
import { OUTPUT_CONTRACT, type OutputName, type OutputStyle, type Product, type ReplayMetadata, outputKey } from '../core/outputs/contract';

/** Every output name of the contract. */
export const OUTPUT_NAMES = Object.keys(OUTPUT_CONTRACT) as OutputName[];

/**
 * One replay-storage construct found in an outputs file by its Metadata
 * output. Product, cloud, output keys and the Kubernetes secret all come
 * from that metadata.
 */
export class ReplayInstance {
  public readonly stack: OutputsStack;
  /** Key of the Metadata output. */
  public readonly metadataKey: string;
  /** The output keys' common prefix (from the Metadata output's key). */
  public readonly prefix: string;
  public readonly style: OutputStyle;
  public readonly metadata: ReplayMetadata;

  constructor(found: FoundMetadata) {
    this.stack = found.stack;
    this.metadataKey = found.key;
    this.prefix = found.prefix;
    this.style = found.style;
    this.metadata = found.metadata;
  }

  public get product(): Product {
    return this.metadata.product;
  }

  public get cloud(): Cloud {
    return this.metadata.cloud;
  }

  /** The Kubernetes secret the Helm values read, when the construct has one. */
  public get kubernetesSecret(): ReplayMetadata['kubernetesSecret'] {
    return this.metadata.kubernetesSecret;
  }

  /** The output key of a name: as the metadata lists it, else as the construct would spell it. */
  public keyOf(name: OutputName): string {
    return this.metadata.outputs[name] ?? outputKey(this.style, this.prefix, name);
  }

  /** Whether the construct emits this output (its metadata lists it). */
  public declares(name: OutputName): boolean {
    return this.metadata.outputs[name] !== undefined;
  }

  /** Whether the construct emits this output and the file has it. */
  public has(name: OutputName): boolean {
    return this.declares(name) && this.stack.outputs.has(this.keyOf(name));
  }

  /** The output, marked sensitive when the file or the contract says so. */
  public get(name: OutputName): OutputValue | undefined {
    if (!this.declares(name)) return undefined;
    const o = this.stack.outputs.get(this.keyOf(name));
    if (!o) return undefined;
    return OUTPUT_CONTRACT[name].sensitive ? { ...o, sensitive: true } : o;
  }

  /** An output that must be there (any JSON value), or a message naming it and its construct. */
  public requireValue(name: OutputName): OutputValue {
    const o = this.get(name);
    if (!o) throw new OutputsError(missingOutputMessage(this, name));
    return o;
  }

  /** A string output that must be there, or a message naming it and its construct. */
  public require(name: OutputName): string {
    const o = this.requireValue(name);
    if (typeof o.value !== 'string') {
      throw new OutputsError(`output ${quoted(o.key)}${this.where()} must be a string (got: ${printable(JSON.stringify(o.value) ?? String(o.value))}). Pass the outputs file as the deploy wrote it (${OUTPUTS_FILE_HOWTO}).`);
    }
    return o.value;
  }

  /** A string output when the construct emits it. */
  public optional(name: OutputName): string | undefined {
    return this.declares(name) ? this.require(name) : undefined;
  }

  /** Keys of the outputs here that hold key material. */
  public sensitiveKeys(): string[] {
    return OUTPUT_NAMES.map((n) => this.get(n))
      .filter((o): o is OutputValue => o !== undefined && o.sensitive)
      .map((o) => o.key);
  }

  /** `OpenReplayStorage (replay-storage/lib/aws)`. */
  public get constructName(): string {
    return `${CONSTRUCT_CLASSES[this.product]} (replay-storage/lib/${this.cloud})`;
  }

  /** Short id for messages (printable). */
  public get label(): string {
    return printable(this.stack.name ? `${this.stack.name}/${this.prefix}` : this.prefix);
  }

  public where(): string {
    return stackWhere(this.stack);
  }
}

/** Why an output a command needs is not in the file, and how to get a file that has it. */
export function missingOutputMessage(instance: ReplayInstance, name: OutputName): string {
  const key = instance.keyOf(name);
  const listed = Object.values(instance.metadata.outputs).join(', ');
  if (!instance.declares(name)) {
    return (
      `${instance.constructName} '${instance.label}' has no ${name} output: its metadata (output ${quoted(instance.metadataKey)}) lists ${printable(listed)}. ` +
      'Deploy the stack with a version of replay-storage that emits it, and pass the outputs of that deploy.'
    );
  }
  if (OUTPUT_CONTRACT[name].sensitive) {
    return (
      `output ${quoted(key)}${instance.where()} is missing: metadata output ${quoted(instance.metadataKey)} lists it, and it holds key material, which 'cdktf deploy --outputs-file' leaves out. ` +
      "Use 'terraform output -json' (it includes sensitive values), or 'cdktf deploy --outputs-file <file> --outputs-file-include-sensitive-outputs'."
    );
  }
  return (
    `output ${quoted(key)}${instance.where()} is missing: metadata output ${quoted(instance.metadataKey)} lists it, so ${instance.constructName} made it. ` +
    `Pass the complete outputs of the deploy (${OUTPUTS_FILE_HOWTO}), with no output removed.`
  );
}
