/** What the LogRocket chart needs; only keys the vendor documents. */
export interface LogRocketValuesInput {
  /** `fileStorage.buckets.userFiles`: bucket or container name. */
  readonly userFilesBucket: string;
  /** AWS only: `aws.region` and `aws.useVirtualHostS3`. */
  readonly aws?: { readonly region: string; readonly useVirtualHostS3: boolean };
  /** `backendIngest.enabled`. */
  readonly backendIngest: boolean;
  /** Additional browser prefixes only; omitted when empty. */
  readonly cachedAssetPrefixes?: readonly string[];
}

/** LogRocket self-hosted chart values for userFiles and async upload. */
export function logRocketChartValues(input: LogRocketValuesInput): Record<string, unknown> {
  const values: Record<string, unknown> = {
    fileStorage: { buckets: { userFiles: input.userFilesBucket } },
  };
  if (input.aws) values.aws = { region: input.aws.region, useVirtualHostS3: input.aws.useVirtualHostS3 };
  values.backendIngest = { enabled: input.backendIngest };
  if (input.cachedAssetPrefixes && input.cachedAssetPrefixes.length > 0) {
    values.cachedAssetPrefixes = [...input.cachedAssetPrefixes];
  }
  return values;
}
