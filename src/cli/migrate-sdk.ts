/**
 * The cloud SDKs the attribute step needs, loaded on first use only: the
 * rest of the command (and `values`, `verify`) runs without them.
 *
 * `./sdk/s3` (MinIO's and S3's tags) and `./sdk/azure-blob` (Azure tags and
 * headers) re-export the few SDK classes used; the build replaces each with
 * a self-contained bundle (scripts/bundle-sdks.ts), so the published
 * command needs no SDK installed next to it.
 */
import { CliError } from './io';

export type S3Sdk = typeof import('./sdk/s3');
export type AzureBlobSdk = typeof import('./sdk/azure-blob');

function load<T>(loader: () => T, what: string): T {
  try {
    return loader();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw e;
    throw new CliError(
      `the bundled ${what} is missing from this installation of replay-storage (${(e as Error).message.split('\n')[0]}). ` +
        'Reinstall the package; in a checkout, build it with `npx projen compile`.',
    );
  }
}

export function loadS3Sdk(): S3Sdk {
  // The SDK warns about Node.js versions on first use; this command checks its own.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when the attribute step runs
  return load(() => require('./sdk/s3') as S3Sdk, 'AWS SDK (object tags)');
}

export function loadAzureSdk(): AzureBlobSdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when the attribute step runs
  return load(() => require('./sdk/azure-blob') as AzureBlobSdk, 'Azure Storage SDK (blob index tags and headers)');
}
