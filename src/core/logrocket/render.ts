import { logRocketChartValues } from '../helm/logrocket';
import { type RenderedOutput, metadataOutput, output } from '../outputs/contract';
import { toYaml } from '../yaml';
import type { LogRocketModel } from './resolve';

/** Cloud-specific facts the LogRocket outputs carry (never invented Helm keys). */
export type LogRocketDeployment =
  /** AWS: `aws.region` and `aws.useVirtualHostS3` are chart keys; the key pair is in Secrets Manager. */
  | { readonly kind: 's3'; readonly region: string; readonly useVirtualHostS3: boolean; readonly secretArn?: string; readonly roleArn?: string }
  /** Google Cloud: the service account, and its JSON key when one was made. */
  | { readonly kind: 'gcs'; readonly serviceAccountEmail: string; readonly serviceAccountKey?: string }
  /** Azure: the account the chart's undocumented keys would name, and its key. */
  | { readonly kind: 'azure-blob'; readonly replayPrefix: string; readonly accountName: string; readonly blobEndpointSuffix: string; readonly accountKey: string };

/** Helm values and outputs of one LogRocket construct. */
export interface LogRocketRendering {
  readonly helmValues: string;
  /** The derived prefix (a token on Azure, from the account's endpoint). */
  readonly replayPrefix: string;
  readonly outputs: readonly RenderedOutput[];
}

/** Renders the Helm values and the outputs of a resolved model. */
export function renderLogRocket(model: LogRocketModel, deployed: LogRocketDeployment): LogRocketRendering {
  const helmValues = toYaml(
    logRocketChartValues({
      userFilesBucket: model.userFilesBucketName,
      aws: deployed.kind === 's3' ? { region: deployed.region, useVirtualHostS3: deployed.useVirtualHostS3 } : undefined,
      backendIngest: model.backendIngest,
      cachedAssetPrefixes: model.cachedAssetPrefixes,
    }),
  );
  const replayPrefix = deployed.kind === 'azure-blob' ? deployed.replayPrefix : model.replayPrefix!;
  const outputs: RenderedOutput[] = [
    output('ReplayPrefix', replayPrefix),
    output('HelmValues', helmValues),
    output('UserFilesBucket', model.userFilesBucketName),
  ];
  switch (deployed.kind) {
    case 's3':
      outputs.push(output('Region', deployed.region));
      if (deployed.secretArn !== undefined) outputs.push(output('SecretArn', deployed.secretArn));
      if (deployed.roleArn !== undefined) outputs.push(output('RoleArn', deployed.roleArn));
      break;
    case 'gcs':
      outputs.push(output('ServiceAccountEmail', deployed.serviceAccountEmail));
      if (deployed.serviceAccountKey !== undefined) outputs.push(output('Credentials', deployed.serviceAccountKey, 'service account JSON key, base64-encoded'));
      break;
    case 'azure-blob':
      outputs.push(
        output('StorageAccountName', deployed.accountName, 'not a documented chart key: configure it where your install expects it'),
        output('BlobEndpointSuffix', deployed.blobEndpointSuffix),
        output('AccountKey', deployed.accountKey),
      );
      break;
  }
  outputs.push(metadataOutput(model.outputStyle, model.outputPrefix, 'logrocket', model.backend.cloud, outputs));
  return { helmValues, replayPrefix, outputs };
}
