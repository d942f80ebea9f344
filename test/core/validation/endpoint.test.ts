import { validateS3Endpoint } from '../../../src/core/validation/endpoint';
import { STRING_TOKENS, expectViolation } from '../support';

const PROP = 'endpoint';
const check = (endpoint: string | undefined) => () => validateS3Endpoint(PROP, endpoint);

describe('validateS3Endpoint', () => {
  it.each([
    'https://s3.eu-central-1.amazonaws.com',
    'https://storage.googleapis.com',
    'https://objects.example.com:9443',
    'https://acmereplay.blob.core.windows.net',
    undefined,
  ])('accepts %s', (endpoint) => {
    expect(check(endpoint)).not.toThrow();
  });

  it.each(['http://s3.eu-central-1.amazonaws.com', 's3.eu-central-1.amazonaws.com', 'ftp://objects.example.com'])(
    'rejects %s, which is not https',
    (endpoint) => {
      expectViolation(check(endpoint), /must be an https:\/\/ URL/, PROP, endpoint);
    },
  );

  it.each(['https://storage.googleapis.com/', 'https://storage.googleapis.com//'])('rejects the trailing slash of %s', (endpoint) => {
    expectViolation(check(endpoint), /must be an endpoint without a trailing slash/, PROP, endpoint);
    expect(check(endpoint)).toThrow("Write 'https://storage.googleapis.com'");
  });

  // The chart tests the whole value with `contains "minio"`.
  it.each(['https://minio.example.com', 'https://s3-minio.internal.example.com', 'https://objects.example.com/minio', 'https://MinIO.example.com'])(
    'rejects %s, which the chart would treat as its in-cluster MinIO',
    (endpoint) => {
      expectViolation(check(endpoint), /must be an endpoint that does not contain 'minio'/, PROP, endpoint);
    },
  );

  it.each(STRING_TOKENS)('skips an unresolved %s endpoint', (_toolkit, token) => {
    expect(check(token)).not.toThrow();
    expect(check(`https://${token}/`)).not.toThrow();
  });
});
