/**
 * The attribute step's stores: MinIO's tags read with the S3 API, and the
 * target's tags (S3 object tagging, Azure blob index tags) and, on Azure,
 * headers. Cloud Storage keeps no tags and gets its headers from rclone:
 * no store, no SDK. Keys come from the same environment rclone gets;
 * AWS credentials from the SDK's default chain (environment, profile, web
 * identity, instance role), as rclone's `env_auth`.
 */
import { type AttributeStores, type Headers, type ObjectHeader, type SourceTags, type Tags, type TargetAttributes } from './migrate-attributes';
import type { MigratePlan } from './migrate-plan';
import type { MigrateKeys } from './migrate-remotes';
import { type AzureBlobSdk, loadAzureSdk, loadS3Sdk, type S3Sdk } from './migrate-sdk';

type S3Client = InstanceType<S3Sdk['S3Client']>;

const PLAIN_CHECKSUMS = { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } as const;

function toTagSet(tags: Tags): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

function fromTagSet(set: readonly { Key?: string; Value?: string }[] | undefined): Tags {
  return Object.fromEntries((set ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
}

function isNotFound(e: unknown): boolean {
  const error = e as { $metadata?: { httpStatusCode?: number }; statusCode?: number };
  const status = error.$metadata?.httpStatusCode ?? error.statusCode;
  return status === 404;
}

class S3SourceTags implements SourceTags {
  constructor(private readonly sdk: S3Sdk, private readonly client: S3Client) {}

  public async tags(bucket: string, key: string): Promise<Tags> {
    const out = await this.client.send(new this.sdk.GetObjectTaggingCommand({ Bucket: bucket, Key: key }));
    return fromTagSet(out.TagSet);
  }
}

class S3TargetTags implements TargetAttributes {
  public readonly writes = { tags: true, headers: false };

  constructor(private readonly sdk: S3Sdk, private readonly client: S3Client) {}

  public async read(bucket: string, key: string) {
    try {
      const out = await this.client.send(new this.sdk.GetObjectTaggingCommand({ Bucket: bucket, Key: key }));
      return { tags: fromTagSet(out.TagSet) };
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  public async write(bucket: string, key: string, change: { tags?: Tags }): Promise<void> {
    if (!change.tags) return;
    await this.client.send(new this.sdk.PutObjectTaggingCommand({ Bucket: bucket, Key: key, Tagging: { TagSet: toTagSet(change.tags) } }));
  }
}

type BlobService = InstanceType<AzureBlobSdk['BlobServiceClient']>;

/** rclone metadata key -> the Azure SDK's header field. */
type AzureHeaderField = 'blobContentType' | 'blobContentEncoding' | 'blobCacheControl' | 'blobContentDisposition' | 'blobContentLanguage';
const AZURE_HEADERS: Readonly<Record<ObjectHeader, AzureHeaderField>> = {
  'content-type': 'blobContentType',
  'content-encoding': 'blobContentEncoding',
  'cache-control': 'blobCacheControl',
  'content-disposition': 'blobContentDisposition',
  'content-language': 'blobContentLanguage',
};

class AzureTargetAttributes implements TargetAttributes {
  public readonly writes = { tags: true, headers: true };

  constructor(private readonly service: BlobService) {}

  public async read(container: string, key: string) {
    const blob = this.service.getContainerClient(container).getBlobClient(key);
    try {
      const p = await blob.getProperties();
      const headers: Headers = {};
      const values: Record<ObjectHeader, string | undefined> = {
        'content-type': p.contentType,
        'content-encoding': p.contentEncoding,
        'cache-control': p.cacheControl,
        'content-disposition': p.contentDisposition,
        'content-language': p.contentLanguage,
      };
      for (const [name, value] of Object.entries(values)) if (value) headers[name as ObjectHeader] = value;
      const tags = p.tagCount ? (await blob.getTags()).tags : {};
      return { tags, headers };
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  public async write(container: string, key: string, change: { tags?: Tags; headers?: Headers }): Promise<void> {
    const blob = this.service.getContainerClient(container).getBlobClient(key);
    if (change.headers) {
      // Set Blob Properties replaces every header: Content-MD5 (which rclone set and checks) is passed back as it is.
      const { contentMD5 } = await blob.getProperties();
      const fields: Record<string, string | Uint8Array | undefined> = { blobContentMD5: contentMD5 };
      for (const [name, value] of Object.entries(change.headers)) fields[AZURE_HEADERS[name as ObjectHeader]] = value;
      await blob.setHTTPHeaders(fields);
    }
    if (change.tags) await blob.setTags({ ...change.tags });
  }
}

/** AWS keys from the command's environment when it has them; else the SDK's default chain (profile, web identity, instance role). */
function awsCredentials(env: NodeJS.ProcessEnv) {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  return accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } } : {};
}

/** The stores for a plan, or undefined when the target needs none (Cloud Storage). */
export function openAttributeStores(plan: MigratePlan, keys: MigrateKeys, env: NodeJS.ProcessEnv): AttributeStores | undefined {
  const t = plan.target;
  if (t.kind === 'gcs') return undefined;
  const s3 = loadS3Sdk();
  const minio = new s3.S3Client({
    endpoint: plan.sourceEndpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: keys.minio.accessKey, secretAccessKey: keys.minio.secretKey },
    ...PLAIN_CHECKSUMS,
  });
  const source = new S3SourceTags(s3, minio);
  if (t.kind === 's3') {
    const endpoint = t.endpoint ? { endpoint: t.endpoint, forcePathStyle: true } : {};
    const client = new s3.S3Client({ region: t.region, ...endpoint, ...awsCredentials(env), ...PLAIN_CHECKSUMS });
    return { source, target: new S3TargetTags(s3, client), close: () => [minio, client].forEach((c) => c.destroy()) };
  }
  const azure = loadAzureSdk();
  const service = new azure.BlobServiceClient(t.blobEndpoint, new azure.StorageSharedKeyCredential(t.account, keys.azure!.key));
  return { source, target: new AzureTargetAttributes(service), close: () => minio.destroy() };
}
