/**
 * Reads deployed stack outputs, in either shape the tools write:
 *
 * - `cdk deploy --outputs-file` (and `cdktf deploy --outputs-file`):
 *   `{ "<stack>": { "<output>": <value> } }`
 * - `terraform output -json`: `{ "<output>": { "value": ..., "type": ..., "sensitive": bool } }`
 *
 * and finds each replay-storage construct in them by the output names every
 * cloud shares: `<Prefix><Name>` (CloudFormation) or `<prefix>_<snake_name>`
 * (Terraform).
 */

/** One output value and whether the tool marked it sensitive. */
export interface OutputValue {
  readonly key: string;
  readonly value: unknown;
  readonly sensitive: boolean;
}

/** The outputs of one stack (Terraform output files have a single, unnamed one). */
export interface OutputsStack {
  readonly name?: string;
  readonly outputs: ReadonlyMap<string, OutputValue>;
}

export type OutputsFormat = 'stack-outputs' | 'terraform';

export interface OutputsDocument {
  readonly format: OutputsFormat;
  readonly stacks: readonly OutputsStack[];
}

export type Product = 'openreplay' | 'logrocket';
export type Cloud = 'aws' | 'gcp' | 'azure';
export type NamingStyle = 'cloudformation' | 'terraform';

/** Output names (CloudFormation spelling) shared by all clouds. */
export const OUTPUT_NAMES = [
  'RecordingsBucket',
  'AssetsBucket',
  'SourcemapsBucket',
  'SpotsBucket',
  'Region',
  'Endpoint',
  'AssetsOrigin',
  'HelmValues',
  'LegacyVars',
  'LegacyHttp',
  'LegacyStorage',
  'LegacyAssets',
  'LegacyChalice',
  'SecretArn',
  'CreateSecretCommand',
  'ServiceAccountEmail',
  'Credentials',
  'StorageAccountName',
  'BlobEndpoint',
  'BlobEndpointSuffix',
  'AccountKey',
  'ReplayPrefix',
  'UserFilesBucket',
] as const;

export type OutputName = (typeof OUTPUT_NAMES)[number];

/** Outputs that hold key material whatever the file says about them. */
export const SENSITIVE_OUTPUTS: readonly OutputName[] = ['Credentials', 'AccountKey'];

/** Names that identify a construct instance (none is a suffix of another known name). */
const ANCHORS: readonly OutputName[] = [
  'HelmValues',
  'RecordingsBucket',
  'AssetsBucket',
  'SourcemapsBucket',
  'AssetsOrigin',
  'LegacyVars',
  'ReplayPrefix',
  'UserFilesBucket',
];

const OPENREPLAY_MARKERS: readonly OutputName[] = [
  'RecordingsBucket',
  'AssetsBucket',
  'SourcemapsBucket',
  'AssetsOrigin',
  'LegacyVars',
  'LegacyHttp',
  'LegacyStorage',
  'LegacyAssets',
  'LegacyChalice',
];
const LOGROCKET_MARKERS: readonly OutputName[] = ['ReplayPrefix', 'UserFilesBucket'];

/** A bad or unreadable outputs file, or an output a command needs that is not there. */
export class OutputsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputsError';
  }
}

/** `BlobEndpointSuffix` -> `blob_endpoint_suffix`. */
export function snakeName(name: string): string {
  return name.replace(/[A-Z]/g, (c, i: number) => (i === 0 ? '' : '_') + c.toLowerCase());
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isTerraformEntry(v: unknown): v is { value: unknown; sensitive?: boolean; type?: unknown } {
  return isRecord(v) && 'value' in v && ('type' in v || 'sensitive' in v);
}

/** Parses an outputs file's text; `source` names it in messages. */
export function parseOutputs(text: string, source: string): OutputsDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new OutputsError(`${source} is not JSON (${(e as Error).message.replace(/\s+/g, ' ')}). Pass the file written by 'cdk deploy --outputs-file <file>' or 'terraform output -json > <file>'.`);
  }
  if (!isRecord(doc) || Object.keys(doc).length === 0) {
    throw new OutputsError(`${source} holds no outputs. Pass the file written by 'cdk deploy --outputs-file <file>' or 'terraform output -json > <file>' after a deploy.`);
  }
  const entries = Object.entries(doc);
  if (entries.every(([, v]) => isTerraformEntry(v))) {
    const outputs = new Map<string, OutputValue>();
    for (const [key, v] of entries as [string, { value: unknown; sensitive?: boolean }][]) {
      outputs.set(key, { key, value: v.value, sensitive: v.sensitive === true });
    }
    return { format: 'terraform', stacks: [{ outputs }] };
  }
  if (entries.every(([, v]) => isRecord(v))) {
    const stacks = entries.map(([name, v]) => {
      const outputs = new Map<string, OutputValue>();
      for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
        outputs.set(key, { key, value, sensitive: false });
      }
      return { name, outputs };
    });
    return { format: 'stack-outputs', stacks };
  }
  throw new OutputsError(
    `${source} is neither a stack outputs file ({"<stack>": {"<output>": "<value>"}}) nor 'terraform output -json' ({"<output>": {"value": ...}}).`,
  );
}

/** One replay-storage construct found in an outputs file. */
export class ReplayInstance {
  constructor(
    public readonly document: OutputsDocument,
    public readonly stack: OutputsStack,
    public readonly prefix: string,
    public readonly style: NamingStyle,
    public readonly product: Product,
  ) {}

  /** The output key of a name for this instance. */
  public keyOf(name: OutputName): string {
    return this.style === 'terraform' ? `${this.prefix}_${snakeName(name)}` : `${this.prefix}${name}`;
  }

  public has(name: OutputName): boolean {
    return this.stack.outputs.has(this.keyOf(name));
  }

  /** The output, marked sensitive when the file or its name says so. */
  public get(name: OutputName): OutputValue | undefined {
    const o = this.stack.outputs.get(this.keyOf(name));
    if (!o) return undefined;
    return SENSITIVE_OUTPUTS.includes(name) ? { ...o, sensitive: true } : o;
  }

  /** A string output that must be there, or a message naming it and its construct. */
  public require(name: OutputName): string {
    const o = this.get(name);
    if (!o) throw new OutputsError(missingOutputMessage(this, name));
    if (typeof o.value !== 'string') {
      throw new OutputsError(`output '${o.key}'${this.where()} must be a string (got: ${JSON.stringify(o.value)}).`);
    }
    return o.value;
  }

  /** A string output when present. */
  public optional(name: OutputName): string | undefined {
    return this.has(name) ? this.require(name) : undefined;
  }

  /** Which cloud made it, from the outputs only that cloud writes. */
  public get cloud(): Cloud | undefined {
    if (this.has('SecretArn')) return 'aws';
    if (this.has('StorageAccountName') || this.has('BlobEndpoint') || this.has('BlobEndpointSuffix') || this.has('AccountKey')) return 'azure';
    if (this.has('ServiceAccountEmail') || this.has('Credentials')) return 'gcp';
    if (this.style === 'cloudformation') return 'aws';
    return undefined;
  }

  /** `OpenReplayStorage (replay-storage/lib/aws)`, or every cloud when unknown. */
  public get constructName(): string {
    const cls = this.product === 'openreplay' ? 'OpenReplayStorage' : 'LogRocketStorage';
    const cloud = this.cloud;
    return cloud ? `${cls} (replay-storage/lib/${cloud})` : `${cls} (replay-storage/lib/gcp or replay-storage/lib/azure)`;
  }

  /** Short id for messages and directory names. */
  public get label(): string {
    return this.stack.name ? `${this.stack.name}/${this.prefix}` : this.prefix;
  }

  public where(): string {
    return this.stack.name ? ` of stack '${this.stack.name}'` : '';
  }
}

/** `output 'XHelmValues' of stack 'S' is missing: OpenReplayStorage (...) makes it...` */
export function missingOutputMessage(instance: ReplayInstance, name: OutputName): string {
  return (
    `output '${instance.keyOf(name)}'${instance.where()} is missing. ${instance.constructName} makes it; ` +
    'deploy the stack with a version of replay-storage that has it, and pass the outputs of that deploy.'
  );
}

function productOf(stack: OutputsStack, keyOf: (n: OutputName) => string): Product | undefined {
  const has = (n: OutputName) => stack.outputs.has(keyOf(n));
  const openReplay = OPENREPLAY_MARKERS.some(has);
  const logRocket = LOGROCKET_MARKERS.some(has);
  if (openReplay && !logRocket) return 'openreplay';
  if (logRocket && !openReplay) return 'logrocket';
  if (openReplay && logRocket) return undefined;
  // Only Helm values: tell the charts apart by their top-level keys.
  const helm = stack.outputs.get(keyOf('HelmValues'))?.value;
  if (typeof helm === 'string') {
    if (/^global:/m.test(helm)) return 'openreplay';
    if (/^fileStorage:/m.test(helm)) return 'logrocket';
  }
  return undefined;
}

/** Every replay-storage construct in the document, in file order. */
export function findInstances(doc: OutputsDocument): ReplayInstance[] {
  const found: ReplayInstance[] = [];
  for (const stack of doc.stacks) {
    const seen = new Set<string>();
    for (const key of stack.outputs.keys()) {
      for (const anchor of ANCHORS) {
        const candidates: [string, NamingStyle][] = [];
        const snake = `_${snakeName(anchor)}`;
        if (key.endsWith(snake) && key.length > snake.length) candidates.push([key.slice(0, -snake.length), 'terraform']);
        if (key.endsWith(anchor) && key.length > anchor.length) candidates.push([key.slice(0, -anchor.length), 'cloudformation']);
        for (const [prefix, style] of candidates) {
          const id = `${style}:${prefix}`;
          if (seen.has(id)) continue;
          const keyOf = (n: OutputName) => (style === 'terraform' ? `${prefix}_${snakeName(n)}` : `${prefix}${n}`);
          const product = productOf(stack, keyOf);
          if (!product) continue;
          seen.add(id);
          found.push(new ReplayInstance(doc, stack, prefix, style, product));
        }
      }
    }
  }
  return found;
}

/** Narrows to the instances a user asked for with `--stack` / `--prefix`. */
export function selectInstances(all: ReplayInstance[], source: string, filter: { stack?: string; prefix?: string }): ReplayInstance[] {
  const picked = all.filter((i) => (filter.stack === undefined || i.stack.name === filter.stack) && (filter.prefix === undefined || i.prefix === filter.prefix));
  if (all.length === 0) {
    throw new OutputsError(
      `${source} has no replay-storage outputs: looked for names ending in HelmValues, ReplayPrefix, RecordingsBucket, ... ` +
        '(or helm_values, replay_prefix, recordings_bucket, ... from Terraform). They come from OpenReplayStorage and LogRocketStorage; ' +
        "pass the outputs of the stack that holds one ('cdk deploy --outputs-file <file>' or 'terraform output -json').",
    );
  }
  if (picked.length === 0) {
    const found = all.map((i) => i.label).join(', ');
    throw new OutputsError(`no replay-storage construct in ${source} matches${filter.stack ? ` --stack ${filter.stack}` : ''}${filter.prefix ? ` --prefix ${filter.prefix}` : ''}; found: ${found}.`);
  }
  return picked;
}
