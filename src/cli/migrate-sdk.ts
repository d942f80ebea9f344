/**
 * The cloud SDKs the attribute step needs, loaded on first use only: the
 * rest of the command (and `values`, `verify`) runs without them.
 *
 * `@aws-sdk/client-s3` (MinIO's and S3's tags) and `@azure/storage-blob`
 * (Azure tags and headers) are development dependencies of this package
 * today; until they ship with it, a user installs them next to it
 * (`npx -p replay-storage -p @aws-sdk/client-s3 -p @azure/storage-blob
 * replay-storage migrate ...`).
 */
import { CliError } from './io';

export type S3Sdk = typeof import('@aws-sdk/client-s3');
export type AzureBlobSdk = typeof import('@azure/storage-blob');

/** The modules the step may need, by package name. */
export const SDK_PACKAGES = { s3: '@aws-sdk/client-s3', azure: '@azure/storage-blob' } as const;

function missingModule(name: string, why: string): CliError {
  return new CliError(
    `the package '${name}' is needed to ${why} (rclone 1.60 cannot copy them) and is not installed next to replay-storage. ` +
      `Run the command with it: npx -p replay-storage -p ${name} replay-storage migrate ... (the --job-manifest Job does so).`,
  );
}

function load<T>(name: string, why: string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when the attribute step runs
    return require(name) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') throw missingModule(name, why);
    throw e;
  }
}

export function loadS3Sdk(): S3Sdk {
  // The SDK warns about Node.js versions on first use; this command checks its own.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return load<S3Sdk>(SDK_PACKAGES.s3, 're-apply object tags');
}

export function loadAzureSdk(): AzureBlobSdk {
  return load<AzureBlobSdk>(SDK_PACKAGES.azure, 're-apply blob index tags and headers on Azure');
}
