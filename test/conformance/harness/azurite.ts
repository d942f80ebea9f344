/**
 * Azurite's Blob service on loopback, in memory, with the storage accounts
 * the scenarios need (AZURITE_ACCOUNTS) besides the published dev account.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ManagedProcess } from './processes';

/** Azurite's published development account. */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFEqtsbj6vEDeQ1Hk6dnaw==';

export interface Azurite {
  readonly port: number;
  /** Account name -> key. */
  readonly accounts: Readonly<Record<string, string>>;
  /** `http://127.0.0.1:<port>/<account>/`: the account's primary blob endpoint. */
  blobEndpoint(account: string): string;
  stop(): Promise<void>;
}

/** How to start Azurite. */
export interface AzuriteOptions {
  /** Key of the dev account (default {@link DEV_ACCOUNT_KEY}); rclone's emulator mode signs with the key Azurite publishes. */
  readonly devAccountKey?: string;
}

/** Starts Azurite with a fresh random key for each named account. */
export async function startAzurite(accountNames: readonly string[], options: AzuriteOptions = {}): Promise<Azurite> {
  const accounts: Record<string, string> = { [DEV_ACCOUNT]: options.devAccountKey ?? DEV_ACCOUNT_KEY };
  for (const name of accountNames) accounts[name] = randomBytes(64).toString('base64');
  const main = require.resolve('azurite/dist/src/blob/main.js');
  const proc = new ManagedProcess(
    'azurite',
    process.execPath,
    [
      '--require',
      join(__dirname, 'exit-with-parent.js'),
      main,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--inMemoryPersistence',
      '--skipApiVersionCheck',
      '--loose',
      '--disableTelemetry',
      '--silent',
    ],
    {
      env: {
        ...process.env,
        AZURITE_ACCOUNTS: Object.entries(accounts)
          .map(([n, k]) => `${n}:${k}`)
          .join(';'),
      },
    },
  );
  let port: number;
  try {
    const m = await proc.waitFor(/listens on http:\/\/127\.0\.0\.1:(\d+)/, 15_000);
    port = Number(m[1]);
  } catch (e) {
    await proc.stop();
    throw e;
  }
  return {
    port,
    accounts,
    blobEndpoint: (account) => `http://127.0.0.1:${port}/${account}/`,
    stop: () => proc.stop(),
  };
}
