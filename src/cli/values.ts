import type { ReplayInstance } from './instance';
import { printable } from './printable';
import { fileHeader, PLAIN, SECRET, type ValuesFile, yamlFile } from './values-file';
import { heldElsewhereNote, kubernetesSecretFile, type ReadableSecret, readKubernetesSecret } from './values-secret';
import { parseYamlOutput } from './yaml-output';
import { OPENREPLAY_SECRET_KEYS } from '../core/helm/openreplay';
import { OPENREPLAY_LEGACY_OUTPUTS } from '../core/openreplay/render';

export type { ValuesFile } from './values-file';

export interface ValuesResult {
  readonly files: ValuesFile[];
  /** Things the user should know (what was left out and how to get it). */
  readonly notes: string[];
}

export interface ValuesOptions {
  /** Write key material from sensitive outputs (Kubernetes secret manifest, legacy vars.yaml). */
  readonly includeSecrets: boolean;
}

/** `values.yaml`: the data of the HelmValues output. */
function helmValuesFile(instance: ReplayInstance, what: string): ValuesFile {
  const { doc } = parseYamlOutput(instance, 'HelmValues');
  const key = instance.keyOf('HelmValues');
  return yamlFile('values.yaml', doc, fileHeader(instance, [key], what), PLAIN, [key]);
}

/** `legacy/<file>` per legacy output the metadata lists; vars.yaml gets the secret key when it is known. */
function openReplayLegacyFiles(instance: ReplayInstance, secret: ReadableSecret | undefined): ValuesFile[] {
  const files: ValuesFile[] = [];
  for (const [file, name] of Object.entries(OPENREPLAY_LEGACY_OUTPUTS)) {
    if (!instance.declares(name)) continue;
    const { doc } = parseYamlOutput(instance, name);
    const secretKey = name === 'LegacyVars' ? secret?.data[OPENREPLAY_SECRET_KEYS.secretKey] : undefined;
    const key = instance.keyOf(name);
    const header = fileHeader(instance, [key], `OpenReplay legacy installer (scripts/helm, v1.0.0 to v1.8.1): ${file}.`);
    files.push(yamlFile(`legacy/${file}`, secretKey ? { ...doc, minio_secret_key: secretKey } : doc, header, secretKey ? SECRET : PLAIN, [key]));
  }
  return files;
}

function openReplayFiles(instance: ReplayInstance, options: ValuesOptions): ValuesResult {
  const notes: string[] = [];
  const minimum = instance.metadata.minimumChartVersion;
  const files = [helmValuesFile(instance, `OpenReplay chart values${minimum ? ` (chart ${minimum} and later)` : ''}.`)];
  const secret = options.includeSecrets ? readKubernetesSecret(instance) : undefined;
  const readable = secret?.kind === 'readable' ? secret : undefined;

  const legacy = openReplayLegacyFiles(instance, readable);
  files.push(...legacy);
  if (legacy.length === 0) notes.push(`${instance.label}: ${instance.constructName} writes no legacy layout outputs; only values.yaml was written.`);

  const sensitive = instance.sensitiveKeys().map(printable);
  if (readable) {files.push(kubernetesSecretFile(instance, readable));} else if (secret?.kind === 'elsewhere') {notes.push(heldElsewhereNote(instance, secret));} else if (options.includeSecrets && sensitive.length > 0) {
    notes.push(`${instance.label}: metadata output ${printable(instance.metadataKey)} names no Kubernetes secret, so ${sensitive.join(', ')} ${sensitive.length > 1 ? 'were' : 'was'} not written.`);
  } else if (!options.includeSecrets && sensitive.length > 0) {
    notes.push(`${instance.label}: left out key material (${sensitive.join(', ')}); pass --include-secrets to write it to secret.yaml, or run the command in output ${printable(instance.keyOf('CreateSecretCommand'))}.`);
  }
  return { files, notes };
}

function logRocketFiles(instance: ReplayInstance, options: ValuesOptions): ValuesResult {
  const notes: string[] = [];
  const files = [helmValuesFile(instance, 'LogRocket self-hosted chart values (userFiles storage).')];
  const sensitive = instance.sensitiveKeys().map(printable);
  if (sensitive.length > 0) {
    // The chart's keys for these are not public: never invent one.
    notes.push(
      `${instance.label}: ${sensitive.join(', ')} ${sensitive.length > 1 ? 'hold' : 'holds'} key material the LogRocket chart has no documented key for; ` +
        `${options.includeSecrets ? 'it was not written' : 'it stays out'}. Read it with 'terraform output -raw ${sensitive[0]}' where your LogRocket install needs it.`,
    );
  }
  const account = instance.optional('StorageAccountName');
  if (account) notes.push(`${instance.label}: storage account ${printable(account)} (output ${printable(instance.keyOf('StorageAccountName'))}) is not a chart key; configure it where your LogRocket install expects it.`);
  return { files, notes };
}

/** The files the `values` command writes for one construct. */
export function valuesFiles(instance: ReplayInstance, options: ValuesOptions): ValuesResult {
  return instance.product === 'openreplay' ? openReplayFiles(instance, options) : logRocketFiles(instance, options);
}
