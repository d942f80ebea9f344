/**
 * Applies what a synthesized CloudFormation template says about access to
 * an S3-compatible server: each role bucket's Block Public Access settings,
 * its bucket policy (CloudFormation references rewritten to the bucket
 * names) and its CORS configuration, exactly as written there.
 */
import {
  CORSRule,
  CreateBucketCommand,
  DeleteBucketCorsCommand,
  DeleteBucketPolicyCommand,
  DeletePublicAccessBlockCommand,
  GetObjectCommand,
  type LifecycleRule,
  type LifecycleRuleFilter,
  PutBucketLifecycleConfigurationCommand,
  PutBucketCorsCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

// The SDK warns about Node versions on first use; the suite pins its own Node.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export function s3Client(endpoint: string, accessKeyId: string, secretAccessKey: string): S3Client {
  return new S3Client({
    endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId, secretAccessKey },
    // Plain SigV4 payloads, as every S3-compatible server accepts them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** The bucket's name: its BucketName property. */
function bucketName(template: any, logicalId: string): string {
  const r = template.Resources[logicalId];
  if (r?.Type !== 'AWS::S3::Bucket') throw new Error(`${logicalId} is not an AWS::S3::Bucket`);
  const name = r.Properties?.BucketName;
  if (typeof name !== 'string') throw new Error(`${logicalId} has no literal BucketName; the examples name their buckets`);
  return name;
}

/** Resolves the references a bucket policy uses to bucket names and ARNs. */
export function resolvePolicyReferences(template: any, value: unknown, account = '123456789012'): unknown {
  const go = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(go);
    if (!v || typeof v !== 'object') return v;
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 1) {
      const [fn, arg] = entries[0] as [string, any];
      if (fn === 'Ref') {
        if (arg === 'AWS::AccountId') return account;
        if (arg === 'AWS::Partition') return 'aws';
        return bucketName(template, arg);
      }
      if (fn === 'Fn::GetAtt') {
        const [id, attr] = Array.isArray(arg) ? arg : String(arg).split('.');
        if (attr !== 'Arn') throw new Error(`no rewrite for GetAtt ${id}.${attr}`);
        return `arn:aws:s3:::${bucketName(template, id)}`;
      }
      if (fn === 'Fn::Join') return (arg[1] as unknown[]).map((p) => String(go(p))).join(arg[0]);
      if (fn.startsWith('Fn::')) throw new Error(`no rewrite for ${fn}`);
    }
    return Object.fromEntries(entries.map(([k, x]) => [k, go(x)]));
  };
  return go(value);
}

function corsRules(rules: any[]): CORSRule[] {
  return rules.map((r) => ({
    ...(r.Id ? { ID: r.Id } : {}),
    AllowedHeaders: r.AllowedHeaders,
    AllowedMethods: r.AllowedMethods,
    AllowedOrigins: r.AllowedOrigins,
    ExposeHeaders: r.ExposedHeaders,
    MaxAgeSeconds: r.MaxAge,
  }));
}

/**
 * Block Public Access as this server can take it. radosgw (16.x) refuses
 * every upload, even one with no ACL, while BlockPublicAcls is on (a known
 * radosgw defect; S3 only refuses uploads that carry a public ACL). The
 * buckets have ACLs disabled (BucketOwnerEnforced, checked in test/aws), so
 * no request here carries an ACL and the flag has nothing to block: it is
 * applied off. The policy flags (BlockPublicPolicy, RestrictPublicBuckets)
 * go through as written.
 */
export function serverPublicAccessBlock(pab: Record<string, boolean>): Record<string, boolean> {
  return { ...pab, BlockPublicAcls: false };
}

/**
 * Makes the server match the template for the named buckets: Block Public
 * Access first (as the bucket exists before its policy), then the policy,
 * then CORS. Settings the template leaves out are removed.
 */
export async function applyS3(template: any, client: S3Client, bucketNames: readonly string[]): Promise<void> {
  const buckets = Object.entries<any>(template.Resources).filter(([, r]) => r.Type === 'AWS::S3::Bucket' && bucketNames.includes(r.Properties?.BucketName));
  const missing = bucketNames.filter((n) => !buckets.some(([, r]) => r.Properties.BucketName === n));
  if (missing.length) throw new Error(`the template has no AWS::S3::Bucket named ${missing.join(', ')}`);
  for (const [id, r] of buckets) {
    const Bucket = r.Properties.BucketName as string;
    try {
      await client.send(new CreateBucketCommand({ Bucket }));
    } catch (e) {
      if ((e as Error).name !== 'BucketAlreadyOwnedByYou' && (e as Error).name !== 'BucketAlreadyExists') throw e;
    }
    const pab = r.Properties.PublicAccessBlockConfiguration;
    if (pab) await client.send(new PutPublicAccessBlockCommand({ Bucket, PublicAccessBlockConfiguration: serverPublicAccessBlock(pab) }));
    else await client.send(new DeletePublicAccessBlockCommand({ Bucket }));

    const policy = Object.values<any>(template.Resources).find((p) => p.Type === 'AWS::S3::BucketPolicy' && p.Properties.Bucket?.Ref === id);
    if (policy) {
      const document = resolvePolicyReferences(template, policy.Properties.PolicyDocument);
      await client.send(new PutBucketPolicyCommand({ Bucket, Policy: JSON.stringify(document) }));
    } else {
      await client.send(new DeleteBucketPolicyCommand({ Bucket }));
    }

    const rules = r.Properties.CorsConfiguration?.CorsRules;
    if (rules) await client.send(new PutBucketCorsCommand({ Bucket, CORSConfiguration: { CORSRules: corsRules(rules) } }));
    else await client.send(new DeleteBucketCorsCommand({ Bucket }));
  }
}

export async function putObject(client: S3Client, bucket: string, key: string, body: Buffer, contentType: string): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
}

/** Presigned URLs, as the backend signs them with its access key. */
export function presignedGet(client: S3Client, bucket: string, key: string): Promise<string> {
  return getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 900 });
}

export function presignedPut(client: S3Client, bucket: string, key: string): Promise<string> {
  return getSignedUrl(client, new PutObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 900 });
}

/** Maps one CloudFormation lifecycle rule to the S3 API's shape. */
function lifecycleRule(r: any): LifecycleRule {
  const tags = (r.TagFilters ?? []).map((t: any) => ({ Key: t.Key, Value: t.Value }));
  const filter: LifecycleRuleFilter =
    tags.length > 1 || (tags.length === 1 && r.Prefix)
      ? { And: { Prefix: r.Prefix, Tags: tags } }
      : tags.length === 1
        ? { Tag: tags[0] }
        : { Prefix: r.Prefix ?? '' };
  return {
    ID: r.Id,
    Status: r.Status,
    Filter: filter,
    ...(r.ExpirationInDays !== undefined ? { Expiration: { Days: r.ExpirationInDays } } : {}),
    ...(r.NoncurrentVersionExpiration ? { NoncurrentVersionExpiration: { NoncurrentDays: r.NoncurrentVersionExpiration.NoncurrentDays } } : {}),
    ...(r.AbortIncompleteMultipartUpload
      ? { AbortIncompleteMultipartUpload: { DaysAfterInitiation: r.AbortIncompleteMultipartUpload.DaysAfterInitiation } }
      : {}),
  };
}

/** Puts each named bucket's lifecycle configuration, exactly as the template writes it. */
export async function applyS3Lifecycle(template: any, client: S3Client, bucketNames: readonly string[]): Promise<void> {
  for (const r of Object.values<any>(template.Resources)) {
    if (r.Type !== 'AWS::S3::Bucket' || !bucketNames.includes(r.Properties?.BucketName)) continue;
    const rules = r.Properties.LifecycleConfiguration?.Rules;
    if (!rules) continue;
    await client.send(
      new PutBucketLifecycleConfigurationCommand({ Bucket: r.Properties.BucketName, LifecycleConfiguration: { Rules: rules.map(lifecycleRule) } }),
    );
  }
}
