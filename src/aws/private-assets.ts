import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Duration, Validations } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';
import type { CorsModel } from '../core/cors';

/** Methods a browser uses on replay assets (the preflight included). */
const ASSET_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/** cdk-nag findings that are this distribution's design, with their reasons. */
const CDN_NAG_REASONS: Readonly<Record<string, string>> = {
  'AwsSolutions-CFR1': 'Replay assets are loaded by viewers of recorded sessions wherever they are; a geo restriction would break replays.',
  'AwsSolutions-CFR2': 'The distribution serves cached, read-only copies of public web assets; attach a WAF web ACL in your own stack if your policy requires one.',
  'AwsSolutions-CFR3':
    'Standard logging needs an ACL-enabled log bucket, which the safe defaults refuse; origin fetches are in the S3 server access logs (serverAccessLogsBucket).',
  'AwsSolutions-CFR4':
    'The distribution uses its cloudfront.net certificate, for which CloudFront fixes the viewer TLS policy; HTTPS is enforced (redirect-to-https).',
};

/**
 * Serves the assets bucket through CloudFront while the bucket stays fully
 * private: an origin access control signs CloudFront's requests, and the
 * bucket policy grant it adds is bound to this distribution
 * (`AWS:SourceArn`). CORS for fonts comes from a response headers policy
 * with the dashboard origins.
 */
export class PrivateAssetsCdn extends Construct {
  public readonly distribution: cloudfront.Distribution;
  /** `https://<distribution domain>`, no trailing slash: `global.assetsOrigin`. */
  public readonly origin: string;

  constructor(scope: Construct, id: string, props: { readonly bucket: s3.IBucket; readonly cors: CorsModel }) {
    super(scope, id);
    const allowAny = props.cors.allowedOrigins.includes('*');
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'Cors', {
      comment: 'CORS for replay assets (fonts) from the dashboard origins',
      corsBehavior: {
        accessControlAllowOrigins: allowAny ? ['*'] : [...props.cors.allowedOrigins],
        accessControlAllowMethods: ASSET_METHODS,
        accessControlAllowHeaders: [...props.cors.allowedHeaders],
        accessControlExposeHeaders: [...props.cors.exposedHeaders],
        accessControlAllowCredentials: false,
        accessControlMaxAge: Duration.seconds(props.cors.maxAgeSeconds),
        originOverride: true,
      },
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'OpenReplay replay assets',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(props.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
        cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD_OPTIONS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
    });
    for (const [id_, reason] of Object.entries(CDN_NAG_REASONS)) Validations.of(this.distribution).acknowledge({ id: id_, reason });
    this.origin = `https://${this.distribution.distributionDomainName}`;
  }
}
