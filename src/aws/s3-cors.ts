import * as s3 from 'aws-cdk-lib/aws-s3';
import { type CorsMethod, type CorsModel } from '../core';

/** S3 answers preflight for any listed method, so OPTIONS is never listed. */
const S3_METHODS: Partial<Record<CorsMethod, s3.HttpMethods>> = {
  GET: s3.HttpMethods.GET,
  HEAD: s3.HttpMethods.HEAD,
  PUT: s3.HttpMethods.PUT,
  POST: s3.HttpMethods.POST,
  DELETE: s3.HttpMethods.DELETE,
};

/** Maps the cloud-neutral CORS model to one S3 CORS rule. */
export function toS3CorsRule(rule: CorsModel): s3.CorsRule {
  return {
    allowedOrigins: [...rule.allowedOrigins],
    allowedMethods: rule.allowedMethods.flatMap((m) => (S3_METHODS[m] ? [S3_METHODS[m]] : [])),
    allowedHeaders: [...rule.allowedHeaders],
    exposedHeaders: [...rule.exposedHeaders],
    maxAge: rule.maxAgeSeconds,
  };
}
