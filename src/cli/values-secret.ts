/**
 * The Kubernetes secret the Helm values read, as the construct's metadata
 * describes it: name, namespace, and which output holds each key's value.
 */
import { missingOutputMessage, type ReplayInstance } from './instance';
import { OutputsError } from './outputs-error';
import { printable, quoted } from './printable';
import { fileHeader, SECRET, type ValuesFile, yamlFile } from './values-file';
import { OUTPUT_CONTRACT, type OutputName } from '../core/outputs/contract';

type SecretSpec = NonNullable<ReplayInstance['kubernetesSecret']>;

/** The secret, with every value read from the outputs file. */
export interface ReadableSecret {
  readonly kind: 'readable';
  readonly spec: SecretSpec;
  /** Secret key -> value. */
  readonly data: Readonly<Record<string, string>>;
  /** Keys of the outputs the values came from. */
  readonly from: readonly string[];
}

/** The secret, with values the outputs file does not hold (AWS: Secrets Manager). */
export interface SecretHeldElsewhere {
  readonly kind: 'elsewhere';
  readonly spec: SecretSpec;
  /** The non-sensitive outputs that point at the values. */
  readonly outputs: readonly OutputName[];
}

/** Where the value of a secret key is kept when its output only points at it. */
const HELD_IN: Partial<Record<OutputName, string>> = { SecretArn: 'Secrets Manager' };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value of a sensitive output, or a message saying how to get a file that has it. */
function sensitiveValue(instance: ReplayInstance, name: OutputName): unknown {
  const o = instance.get(name);
  if (!o) throw new OutputsError(missingOutputMessage(instance, name));
  if (o.value === undefined || o.value === null || o.value === '') {
    throw new OutputsError(
      `output ${quoted(o.key)}${instance.where()} holds key material but has no value in this file. ` +
        "Use 'terraform output -json' (it includes sensitive values), or 'cdktf deploy --outputs-file <file> --outputs-file-include-sensitive-outputs'.",
    );
  }
  return o.value;
}

/** A value's shape for messages, never the key material itself. */
function shapeOf(value: unknown): string {
  if (isRecord(value)) return `an object with keys ${printable(Object.keys(value).join(', ')) || '(none)'}`;
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

/**
 * The value of one secret key: the output itself when it is a string that
 * feeds only this key, else the output object's field of the same name
 * (GCP: `{"access-key": ..., "secret-key": ...}`).
 */
function secretValue(instance: ReplayInstance, spec: SecretSpec, secretKey: string, name: OutputName): string {
  const value = sensitiveValue(instance, name);
  const shared = Object.values(spec.keys).filter((n) => n === name).length > 1;
  if (typeof value === 'string' && !shared) return value;
  if (isRecord(value) && typeof value[secretKey] === 'string') return value[secretKey];
  const rule = shared ? `an object with a string ${quoted(secretKey)}` : `a string, or an object with a string ${quoted(secretKey)}`;
  throw new OutputsError(
    `output ${quoted(instance.keyOf(name))}${instance.where()} must be ${rule}: metadata output ${quoted(instance.metadataKey)} takes Kubernetes secret key ${quoted(secretKey)} from it ` +
      `(got: ${shapeOf(value)}). Pass the output as 'terraform output -json' wrote it.`,
  );
}

/** The construct's Kubernetes secret with its values, when its metadata names one. */
export function readKubernetesSecret(instance: ReplayInstance): ReadableSecret | SecretHeldElsewhere | undefined {
  const spec = instance.kubernetesSecret;
  if (!spec) return undefined;
  const sources = Object.entries(spec.keys);
  const elsewhere = [...new Set(sources.map(([, name]) => name).filter((name) => !OUTPUT_CONTRACT[name].sensitive))];
  if (elsewhere.length > 0) return { kind: 'elsewhere', spec, outputs: elsewhere };
  // Own properties whatever the key (a `__proto__` key stays a key).
  const data: Record<string, string> = Object.fromEntries(
    sources.map(([secretKey, name]) => [secretKey, secretValue(instance, spec, secretKey, name)]),
  );
  return { kind: 'readable', spec, data, from: [...new Set(sources.map(([, name]) => instance.keyOf(name)))] };
}

/** `secret.yaml`: the secret's manifest, mode 0600. */
export function kubernetesSecretFile(instance: ReplayInstance, secret: ReadableSecret): ValuesFile {
  const { name, namespace } = secret.spec;
  const manifest = { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, type: 'Opaque', stringData: secret.data };
  const what = `Kubernetes secret '${name}' in namespace '${namespace}', which the Helm values read. Holds key material: keep it out of version control.`;
  return yamlFile('secret.yaml', manifest, fileHeader(instance, secret.from, what), SECRET, secret.from);
}

/** Why no secret.yaml was written when the values are kept outside the outputs. */
export function heldElsewhereNote(instance: ReplayInstance, secret: SecretHeldElsewhere): string {
  const { name, namespace, keys } = secret.spec;
  const where = secret.outputs
    .map((o) => (HELD_IN[o] ? `${HELD_IN[o]} (output ${printable(instance.keyOf(o))})` : `what output ${printable(instance.keyOf(o))} points at`))
    .join(', ');
  return (
    `${instance.label}: the values of Kubernetes secret '${namespace}/${name}' (${Object.keys(keys).join(', ')}) are not in the outputs file: they stay in ${where}; ` +
    `run the command in output ${printable(instance.keyOf('CreateSecretCommand'))}.`
  );
}
