/**
 * Reads the `Metadata` output every replay-storage construct writes: a JSON
 * string of {@link ReplayMetadata} under `<prefix>Metadata` (CloudFormation)
 * or `<prefix>_metadata` (Terraform). It says which product and cloud made
 * the construct, where each of its outputs is, and which Kubernetes secret
 * the Helm values read.
 */
import { OUTPUTS_FILE_HOWTO, OutputsError } from './outputs-error';
import { type OutputsStack, type OutputValue, stackWhere } from './outputs-file';
import { printable, quoted } from './printable';
import type { Cloud } from '../core/backends/storage-backend';
import { METADATA_SCHEMA, OUTPUT_CONTRACT, type OutputName, type OutputStyle, type Product, type ReplayMetadata, outputKey } from '../core/outputs/contract';

/** A replay-storage Metadata output found in an outputs file. */
export interface FoundMetadata {
  readonly stack: OutputsStack;
  /** The key of the Metadata output. */
  readonly key: string;
  /** The key without `Metadata` / `_metadata`. */
  readonly prefix: string;
  readonly style: OutputStyle;
  readonly metadata: ReplayMetadata;
}

/** Construct class per product; also the list of products this command reads. */
export const CONSTRUCT_CLASSES: Readonly<Record<Product, string>> = { openreplay: 'OpenReplayStorage', logrocket: 'LogRocketStorage' };

/** The clouds this command reads. */
const CLOUDS: Readonly<Record<Cloud, true>> = { aws: true, gcp: true, azure: true };

/** `replay-storage/`: text that marks an output as replay-storage metadata, whatever its version. */
const SCHEMA_FAMILY = METADATA_SCHEMA.slice(0, METADATA_SCHEMA.indexOf('/') + 1);

/** Names Kubernetes accepts: a Secret's (DNS-1123 subdomain), a namespace (DNS-1123 label), a key of a Secret's data. */
const KUBERNETES_NAMES = {
  object: {
    pattern: /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/,
    max: 253,
    rule: 'a Kubernetes object name (lower-case letters, digits, \'-\' and \'.\', at most 253)',
  },
  namespace: { pattern: /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/, max: 63, rule: "a Kubernetes namespace (lower-case letters, digits and '-', at most 63)" },
  secretKey: { pattern: /^[-._a-zA-Z0-9]+$/, max: 253, rule: "a Kubernetes secret key (letters, digits, '-', '_' and '.')" },
} as const;

const RERUN_FIX = 'Use the replay-storage command of the version that deployed the stack, or deploy the stack with this version and pass the outputs of that deploy.';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isOutputName(name: string): name is OutputName {
  return Object.prototype.hasOwnProperty.call(OUTPUT_CONTRACT, name);
}

function shown(value: unknown): string {
  const text = typeof value === 'string' && value !== '' ? value : JSON.stringify(value) ?? String(value);
  return printable(text.length > 120 ? `${text.slice(0, 119)}…` : text);
}

/** `OpenReplayMetadata` -> (`OpenReplay`, cloudformation); `openreplay_metadata` -> (`openreplay`, terraform). */
export function metadataKeyParts(key: string): { prefix: string; style: OutputStyle } | undefined {
  for (const style of ['cloudformation', 'terraform'] as const) {
    const suffix = outputKey(style, '', 'Metadata');
    if (key.length > suffix.length && key.endsWith(suffix)) return { prefix: key.slice(0, -suffix.length), style };
  }
  return undefined;
}

/**
 * Whether a `...Metadata` output is replay-storage's (and so must be read, or
 * reported when broken): its value names the schema family, or the same
 * prefix has a `HelmValues` output. Other tools' `...Metadata` outputs are
 * left alone.
 */
function isReplayStorageMetadata(o: OutputValue, stack: OutputsStack, prefix: string, style: OutputStyle): boolean {
  const text = typeof o.value === 'string' ? o.value : JSON.stringify(o.value) ?? '';
  return text.includes(SCHEMA_FAMILY) || stack.outputs.has(outputKey(style, prefix, 'HelmValues'));
}

/** Checks one metadata document field by field; messages name the output, the field, the rule and the value. */
class MetadataReader {
  constructor(private readonly o: OutputValue, private readonly stack: OutputsStack) {}

  public fail(rule: string, value: unknown, fix: string): never {
    throw new OutputsError(`output ${quoted(this.o.key)}${stackWhere(this.stack)} ${printable(rule)} (got: ${shown(value)}). ${fix}`);
  }

  public field(path: string, rule: string, value: unknown): never {
    return this.fail(`is replay-storage metadata whose field '${path}' must be ${rule}`, value, RERUN_FIX);
  }

  public document(): Record<string, unknown> {
    const text = this.o.value;
    if (typeof text !== 'string') this.fail('is replay-storage metadata and must be a JSON string', text, `Pass the outputs file as the deploy wrote it (${OUTPUTS_FILE_HOWTO}).`);
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      this.fail(
        `is replay-storage metadata and must be valid JSON (${printable((e as Error).message.replace(/\s+/g, ' '))})`,
        text,
        `Pass the outputs file as the deploy wrote it (${OUTPUTS_FILE_HOWTO}), without editing this output.`,
      );
    }
    if (!isRecord(doc)) this.fail('is replay-storage metadata and must be a JSON object', doc, `Pass the outputs file as the deploy wrote it (${OUTPUTS_FILE_HOWTO}).`);
    if (doc.schema !== METADATA_SCHEMA) {
      this.fail(`must have metadata schema '${METADATA_SCHEMA}', the only one this replay-storage command reads`, doc.schema, RERUN_FIX);
    }
    return doc;
  }

  public oneOf<T extends string>(path: string, allowed: Readonly<Record<T, unknown>>, value: unknown): T {
    if (typeof value === 'string' && Object.prototype.hasOwnProperty.call(allowed, value)) return value as T;
    return this.field(path, `one of ${Object.keys(allowed).map((v) => `'${v}'`).join(', ')}`, value);
  }

  public text(path: string, value: unknown): string {
    if (typeof value !== 'string' || value === '') this.field(path, 'a non-empty string', value);
    return value;
  }

  /** Neutral name -> key; names this version does not know are skipped (a newer construct may add outputs). */
  public outputs(value: unknown): Partial<Record<OutputName, string>> {
    if (!isRecord(value)) this.field('outputs', 'an object of output name -> key', value);
    const outputs: Partial<Record<OutputName, string>> = {};
    for (const [name, key] of Object.entries(value)) {
      if (isOutputName(name)) outputs[name] = this.text(`outputs.${name}`, key);
    }
    return outputs;
  }

  /** A string Kubernetes takes as a name of this kind (secret.yaml is applied with kubectl). */
  public kubernetesName(path: string, value: unknown, kind: keyof typeof KUBERNETES_NAMES): string {
    const { pattern, max, rule } = KUBERNETES_NAMES[kind];
    if (typeof value !== 'string' || value.length > max || !pattern.test(value)) this.field(path, rule, value);
    return value;
  }

  public kubernetesSecret(value: unknown): ReplayMetadata['kubernetesSecret'] {
    if (value === undefined) return undefined;
    if (!isRecord(value)) return this.field('kubernetesSecret', 'an object with name, namespace and keys', value);
    if (!isRecord(value.keys)) this.field('kubernetesSecret.keys', 'an object of secret key -> output name', value.keys);
    const keys = Object.fromEntries(
      Object.entries(value.keys).map(([secretKey, name]) => {
        const path = `kubernetesSecret.keys.${printable(secretKey)}`;
        return [this.kubernetesName(path, secretKey, 'secretKey'), this.oneOf(path, OUTPUT_CONTRACT, name)];
      }),
    ) as Record<string, OutputName>;
    return {
      name: this.kubernetesName('kubernetesSecret.name', value.name, 'object'),
      namespace: this.kubernetesName('kubernetesSecret.namespace', value.namespace, 'namespace'),
      keys,
    };
  }
}

/** The metadata of an output whose key ends in `Metadata`, after checking every field. */
function readMetadata(o: OutputValue, stack: OutputsStack): ReplayMetadata {
  const reader = new MetadataReader(o, stack);
  const doc = reader.document();
  const product = reader.oneOf('product', CONSTRUCT_CLASSES, doc.product);
  const cloud = reader.oneOf('cloud', CLOUDS, doc.cloud);
  const outputs = reader.outputs(doc.outputs);
  const kubernetesSecret = reader.kubernetesSecret(doc.kubernetesSecret);
  const minimumChartVersion = doc.minimumChartVersion === undefined ? undefined : reader.text('minimumChartVersion', doc.minimumChartVersion);
  return {
    schema: METADATA_SCHEMA,
    product,
    cloud,
    outputs,
    ...(minimumChartVersion ? { minimumChartVersion } : {}),
    ...(kubernetesSecret ? { kubernetesSecret } : {}),
  };
}

/** Every replay-storage Metadata output of a stack, in file order; a broken one throws, naming its key. */
export function findMetadata(stack: OutputsStack): FoundMetadata[] {
  const found: FoundMetadata[] = [];
  for (const o of stack.outputs.values()) {
    const parts = metadataKeyParts(o.key);
    if (!parts || !isReplayStorageMetadata(o, stack, parts.prefix, parts.style)) continue;
    found.push({ stack, key: o.key, ...parts, metadata: readMetadata(o, stack) });
  }
  return found;
}
