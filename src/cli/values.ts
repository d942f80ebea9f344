import { parse } from 'yaml';
import { OPENREPLAY_SECRET_KEYS } from '../core/helm/openreplay';
import { toYaml } from '../core/yaml';
import { missingOutputMessage, OUTPUT_NAMES, OutputName, OutputsError, OutputValue, ReplayInstance } from './outputs';

/** One file the `values` command writes, relative to the output directory. */
export interface ValuesFile {
  readonly path: string;
  readonly content: string;
  /** 0o600 for files holding key material. */
  readonly mode: number;
  /** The output(s) it came from. */
  readonly from: string;
}

export interface ValuesResult {
  readonly files: ValuesFile[];
  /** Things the user should know (what was left out and how to get it). */
  readonly notes: string[];
}

export interface ValuesOptions {
  /** Write key material from sensitive outputs (Kubernetes secret manifest, legacy vars.yaml). */
  readonly includeSecrets: boolean;
}

/** Legacy (chart v1.8 and earlier) layout: one output per file. */
const LEGACY_FILES: readonly [OutputName, string][] = [
  ['LegacyVars', 'vars.yaml'],
  ['LegacyHttp', 'http.yaml'],
  ['LegacyStorage', 'storage.yaml'],
  ['LegacyAssets', 'assets.yaml'],
  ['LegacyChalice', 'chalice.yaml'],
];

const PLAIN = 0o644;
const SECRET = 0o600;

function header(instance: ReplayInstance, keys: string[], what: string): string {
  const stack = instance.stack.name ? ` of stack ${instance.stack.name}` : '';
  return `# ${what}\n# From output ${keys.join(', ')}${stack}; written by 'replay-storage values'.\n`;
}

/** Parses a YAML output, or says which output is broken. */
function parseYamlOutput(instance: ReplayInstance, name: OutputName): { text: string; doc: Record<string, any> } {
  const text = instance.require(name);
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new OutputsError(`output '${instance.keyOf(name)}'${instance.where()} is not valid YAML (${(e as Error).message.split('\n')[0]}).`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new OutputsError(`output '${instance.keyOf(name)}'${instance.where()} must be a YAML mapping (got: ${JSON.stringify(text.slice(0, 80))}).`);
  }
  if (/\$\{(?:Token\[|TfToken\[|[a-z_]+\.|[a-z]+\()/.test(text)) {
    throw new OutputsError(
      `output '${instance.keyOf(name)}'${instance.where()} still holds an unresolved reference (${/\$\{[^}\n]*\}?/.exec(text)![0]}). ` +
        'Pass the outputs of a deployed stack (cdk deploy --outputs-file, terraform output -json), not a synthesized template.',
    );
  }
  return { text, doc: doc as Record<string, any> };
}

/** `--namespace <ns>` of the CreateSecretCommand output, when there is one. */
function secretNamespace(instance: ReplayInstance): string | undefined {
  const command = instance.get('CreateSecretCommand')?.value;
  if (typeof command !== 'string') return undefined;
  return /--namespace[= ](\S+)/.exec(command)?.[1];
}

function kubernetesSecret(name: string, namespace: string | undefined, data: Record<string, string>): string {
  return toYaml({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    type: 'Opaque',
    stringData: data,
  });
}

/** The sensitive value of an output, or a message saying how to get a file that has it. */
function sensitiveValue(instance: ReplayInstance, name: OutputName): unknown {
  const o = instance.get(name);
  if (!o) throw new OutputsError(missingOutputMessage(instance, name));
  if (o.value === undefined || o.value === null || o.value === '') {
    throw new OutputsError(
      `output '${o.key}'${instance.where()} holds key material but has no value in this file. ` +
        "Use 'terraform output -json' (it includes sensitive values), or 'cdktf deploy --outputs-file <file> --outputs-file-include-sensitive-outputs'.",
    );
  }
  return o.value;
}

/** The HMAC key pair of a GCP Credentials output. */
function credentialsOf(instance: ReplayInstance): { access: string; secret: string } {
  const creds = sensitiveValue(instance, 'Credentials') as Record<string, unknown>;
  const access = creds?.[OPENREPLAY_SECRET_KEYS.accessKey];
  const secret = creds?.[OPENREPLAY_SECRET_KEYS.secretKey];
  if (typeof access !== 'string' || typeof secret !== 'string') {
    throw new OutputsError(
      `output '${instance.keyOf('Credentials')}'${instance.where()} must be an object with '${OPENREPLAY_SECRET_KEYS.accessKey}' and '${OPENREPLAY_SECRET_KEYS.secretKey}'.`,
    );
  }
  return { access, secret };
}

/** The Kubernetes secret the OpenReplay values reference, with the keys they read from it. */
function openReplaySecret(instance: ReplayInstance, helm: Record<string, any>): ValuesFile | undefined {
  const namespace = secretNamespace(instance);
  const cloud = instance.cloud;
  if (cloud === 'gcp' || (cloud !== 'azure' && instance.has('Credentials'))) {
    const existing = helm.global?.s3?.existingSecret;
    if (typeof existing !== 'string') {
      throw new OutputsError(`output '${instance.keyOf('HelmValues')}'${instance.where()} must name the Kubernetes secret in global.s3.existingSecret.`);
    }
    const { access, secret } = credentialsOf(instance);
    return {
      path: 'secret.yaml',
      content:
        header(instance, [instance.keyOf('Credentials')], `Kubernetes secret '${existing}' read by global.s3.existingSecret. Holds key material: keep it out of version control.`) +
        kubernetesSecret(existing, namespace, { [OPENREPLAY_SECRET_KEYS.accessKey]: access, [OPENREPLAY_SECRET_KEYS.secretKey]: secret }),
      mode: SECRET,
      from: instance.keyOf('Credentials'),
    };
  }
  if (cloud === 'azure') {
    // Azure: every storage subchart reads AZURE_ACCOUNT_KEY from its existingSecret.
    const refs = new Map<string, string>();
    for (const chart of Object.values(helm)) {
      const name = chart?.existingSecret;
      const key = chart?.secretEnv?.AZURE_ACCOUNT_KEY;
      if (typeof name === 'string' && typeof key === 'string') refs.set(`${name}\n${key}`, name);
    }
    if (refs.size !== 1) {
      throw new OutputsError(
        `output '${instance.keyOf('HelmValues')}'${instance.where()} must reference one Kubernetes secret for AZURE_ACCOUNT_KEY (found ${refs.size}).`,
      );
    }
    const [ref] = [...refs.keys()];
    const [name, key] = ref.split('\n');
    const accountKey = sensitiveValue(instance, 'AccountKey');
    if (typeof accountKey !== 'string') throw new OutputsError(`output '${instance.keyOf('AccountKey')}'${instance.where()} must be a string.`);
    return {
      path: 'secret.yaml',
      content:
        header(instance, [instance.keyOf('AccountKey')], `Kubernetes secret '${name}' read by each storage subchart's secretEnv. Holds key material: keep it out of version control.`) +
        kubernetesSecret(name, namespace, { [key]: accountKey }),
      mode: SECRET,
      from: instance.keyOf('AccountKey'),
    };
  }
  return undefined;
}

function sensitiveKeys(instance: ReplayInstance): string[] {
  return OUTPUT_NAMES.map((n) => instance.get(n))
    .filter((o): o is OutputValue => o !== undefined && o.sensitive)
    .map((o) => o.key);
}

function openReplayFiles(instance: ReplayInstance, options: ValuesOptions): ValuesResult {
  const files: ValuesFile[] = [];
  const notes: string[] = [];
  const helm = parseYamlOutput(instance, 'HelmValues');
  files.push({
    path: 'values.yaml',
    content: header(instance, [instance.keyOf('HelmValues')], 'OpenReplay chart values (v1.9 and later).') + helm.text,
    mode: PLAIN,
    from: instance.keyOf('HelmValues'),
  });

  const present = LEGACY_FILES.filter(([name]) => instance.has(name));
  if (present.length > 0) {
    for (const [name, file] of LEGACY_FILES) {
      const { doc, text } = parseYamlOutput(instance, name);
      let content = text;
      let mode = PLAIN;
      if (name === 'LegacyVars' && options.includeSecrets && instance.has('Credentials')) {
        const { secret } = credentialsOf(instance);
        content = toYaml({ ...doc, env: { ...doc.env, minio_secret_key: secret } });
        mode = SECRET;
      }
      files.push({
        path: `legacy/${file}`,
        content: header(instance, [instance.keyOf(name)], `OpenReplay legacy layout (chart v1.8 and earlier): ${file}.`) + content,
        mode,
        from: instance.keyOf(name),
      });
    }
  } else {
    notes.push(`${instance.label}: ${instance.constructName} writes no legacy layout outputs here; only values.yaml was written.`);
  }

  const sensitive = sensitiveKeys(instance);
  if (options.includeSecrets) {
    const secret = openReplaySecret(instance, helm.doc);
    if (secret) files.push(secret);
    else if (instance.cloud === 'aws') {
      notes.push(`${instance.label}: the secret key stays in Secrets Manager (output ${instance.keyOf('SecretArn')}); run the command in output ${instance.keyOf('CreateSecretCommand')}.`);
    }
  } else if (sensitive.length > 0) {
    notes.push(`${instance.label}: left out key material (${sensitive.join(', ')}); pass --include-secrets to write it to secret.yaml, or run the command in output ${instance.keyOf('CreateSecretCommand')}.`);
  }
  return { files, notes };
}

function logRocketFiles(instance: ReplayInstance, options: ValuesOptions): ValuesResult {
  const notes: string[] = [];
  const helm = parseYamlOutput(instance, 'HelmValues');
  const files: ValuesFile[] = [
    {
      path: 'values.yaml',
      content: header(instance, [instance.keyOf('HelmValues')], 'LogRocket self-hosted chart values (userFiles storage).') + helm.text,
      mode: PLAIN,
      from: instance.keyOf('HelmValues'),
    },
  ];
  const sensitive = sensitiveKeys(instance);
  if (sensitive.length > 0) {
    // The chart's keys for these are not public: never invent one.
    notes.push(
      `${instance.label}: ${sensitive.join(', ')} ${sensitive.length > 1 ? 'hold' : 'holds'} key material the LogRocket chart has no documented key for; ` +
        `${options.includeSecrets ? 'it was not written' : 'it stays out'}. Read it with 'terraform output -raw ${sensitive[0]}' where your LogRocket install needs it.`,
    );
  }
  const account = instance.optional('StorageAccountName');
  if (account) notes.push(`${instance.label}: storage account ${account} (output ${instance.keyOf('StorageAccountName')}) is not a chart key; configure it where your LogRocket install expects it.`);
  return { files, notes };
}

/** The files the `values` command writes for one construct. */
export function valuesFiles(instance: ReplayInstance, options: ValuesOptions): ValuesResult {
  return instance.product === 'openreplay' ? openReplayFiles(instance, options) : logRocketFiles(instance, options);
}
