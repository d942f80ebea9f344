import { CDK_TOKEN, STRING_TOKENS, TF_TOKEN } from './support';
import {
  AZURE_PUBLIC_ENDPOINT_SUFFIX,
  GCS_ENDPOINT,
  S3_LEGACY_DASH_REGIONS,
  azureBlobPrefix,
  azurePrefixFromBlobEndpoint,
  gcsPrefix,
  logRocketS3Prefix,
  s3PathStylePrefix,
  s3RegionalEndpoint,
  s3VirtualHostedFromEndpoint,
  s3VirtualHostedPrefix,
  trimTrailingSlash,
} from '../../src/core/prefix';

describe('GCS', () => {
  test('endpoint is the public S3-interoperable host without a trailing slash', () => {
    expect(GCS_ENDPOINT).toBe('https://storage.googleapis.com');
  });

  test('prefix is https://storage.googleapis.com/<bucket>/', () => {
    expect(gcsPrefix('replay-user-files')).toBe('https://storage.googleapis.com/replay-user-files/');
  });
});

describe('s3RegionalEndpoint', () => {
  it.each([
    ['eu-central-1', 'https://s3.eu-central-1.amazonaws.com'],
    ['us-east-1', 'https://s3.us-east-1.amazonaws.com'],
    ['cn-north-1', 'https://s3.cn-north-1.amazonaws.com.cn'],
    ['us-gov-west-1', 'https://s3.us-gov-west-1.amazonaws.com'],
  ])('%s -> %s (no trailing slash)', (region, endpoint) => {
    expect(s3RegionalEndpoint(region, region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com')).toBe(endpoint);
  });

  test('a token suffix (AWS::URLSuffix) passes through', () => {
    expect(s3RegionalEndpoint(CDK_TOKEN, TF_TOKEN)).toBe(`https://s3.${CDK_TOKEN}.${TF_TOKEN}`);
  });
});

describe('S3 virtual-hosted prefix', () => {
  it.each([
    ['eu-central-1', 'amazonaws.com', 'https://user-files.s3.eu-central-1.amazonaws.com/'],
    ['us-east-1', 'amazonaws.com', 'https://user-files.s3.us-east-1.amazonaws.com/'],
    ['cn-north-1', 'amazonaws.com.cn', 'https://user-files.s3.cn-north-1.amazonaws.com.cn/'],
    ['eusc-de-east-1', 'amazonaws.eu', 'https://user-files.s3.eusc-de-east-1.amazonaws.eu/'],
    ['us-gov-west-1', 'amazonaws.com', 'https://user-files.s3.us-gov-west-1.amazonaws.com/'],
  ])('%s (%s) -> %s', (region, suffix, prefix) => {
    expect(s3VirtualHostedPrefix('user-files', region, suffix)).toBe(prefix);
  });

  test('from the regional endpoint, as the command derives it', () => {
    expect(s3VirtualHostedFromEndpoint('b1', 'https://s3.eusc-de-east-1.amazonaws.eu')).toBe('https://b1.s3.eusc-de-east-1.amazonaws.eu/');
    expect(s3VirtualHostedFromEndpoint('b1', 'https://s3.eu-west-1.amazonaws.com/')).toBe('https://b1.s3.eu-west-1.amazonaws.com/');
  });

  test('an explicit URL suffix is used as given', () => {
    expect(s3VirtualHostedPrefix('b1', 'eu-west-1', 'example.test')).toBe('https://b1.s3.eu-west-1.example.test/');
  });
});

describe('S3 path-style prefix', () => {
  test('us-east-1 has no region in the host and no warning', () => {
    expect(s3PathStylePrefix('user-files', 'us-east-1', 'amazonaws.com')).toEqual({
      prefix: 'https://s3.amazonaws.com/user-files/',
      warnings: [],
    });
  });

  test('us-west-2 uses the legacy dash host and needs no warning', () => {
    expect(s3PathStylePrefix('user-files', 'us-west-2', 'amazonaws.com')).toEqual({
      prefix: 'https://s3-us-west-2.amazonaws.com/user-files/',
      warnings: [],
    });
  });

  it.each(S3_LEGACY_DASH_REGIONS.map((r) => [r]))('legacy dash region %s gets no warning', (region) => {
    const derived = s3PathStylePrefix('user-files', region, 'amazonaws.com');
    expect(derived.prefix).toBe(`https://s3-${region}.amazonaws.com/user-files/`);
    expect(derived.warnings).toEqual([]);
  });

  test('eu-south-1 has no dash endpoint: the prefix is what the chart derives, with one warning', () => {
    const derived = s3PathStylePrefix('user-files', 'eu-south-1', 'amazonaws.com');
    expect(derived.prefix).toBe('https://s3-eu-south-1.amazonaws.com/user-files/');
    expect(derived.warnings).toHaveLength(1);
    const [warning] = derived.warnings;
    expect(warning).toContain("'useVirtualHostS3'");
    expect(warning).toContain('eu-south-1');
    expect(warning).toContain('https://s3-eu-south-1.amazonaws.com/user-files/');
    // The fix names a URL that does resolve and where to put it.
    expect(warning).toContain('https://s3.eu-south-1.amazonaws.com/user-files/');
    expect(warning).toContain("'cachedAssetPrefixes'");
  });

  test('a China region uses the .com.cn suffix in the prefix and the suggested fix', () => {
    const derived = s3PathStylePrefix('user-files', 'cn-north-1', 'amazonaws.com.cn');
    expect(derived.prefix).toBe('https://s3-cn-north-1.amazonaws.com.cn/user-files/');
    expect(derived.warnings.join('\n')).toContain('https://s3.cn-north-1.amazonaws.com.cn/user-files/');
  });

  it.each(STRING_TOKENS)('an unresolved %s region passes through and skips the warning', (_toolkit, token) => {
    const derived = s3PathStylePrefix('user-files', token, 'amazonaws.com');
    expect(derived.prefix).toBe(`https://s3-${token}.amazonaws.com/user-files/`);
    expect(derived.warnings).toEqual([]);
  });

  test('an unresolved bucket passes through', () => {
    expect(s3PathStylePrefix(CDK_TOKEN, 'us-east-1', 'amazonaws.com').prefix).toBe(`https://s3.amazonaws.com/${CDK_TOKEN}/`);
  });
});

describe('logRocketS3Prefix follows aws.useVirtualHostS3', () => {
  test('true: virtual-hosted, no warning', () => {
    expect(logRocketS3Prefix('user-files', 'eu-central-1', true, 'amazonaws.com')).toEqual({
      prefix: 'https://user-files.s3.eu-central-1.amazonaws.com/',
      warnings: [],
    });
  });

  test('false: path-style, with its warnings', () => {
    expect(logRocketS3Prefix('user-files', 'eu-south-1', false, 'amazonaws.com')).toEqual(s3PathStylePrefix('user-files', 'eu-south-1', 'amazonaws.com'));
    expect(logRocketS3Prefix('user-files', 'eu-south-1', false, 'amazonaws.com').warnings).toHaveLength(1);
    expect(logRocketS3Prefix('user-files', 'us-east-1', false, 'amazonaws.com').prefix).toBe('https://s3.amazonaws.com/user-files/');
  });

  test('the URL suffix reaches both forms', () => {
    expect(logRocketS3Prefix('b1', 'cn-north-1', true, 'amazonaws.com.cn').prefix).toBe('https://b1.s3.cn-north-1.amazonaws.com.cn/');
    expect(logRocketS3Prefix('b1', 'us-west-2', false, 'example.test').prefix).toBe('https://s3-us-west-2.example.test/b1/');
  });
});

describe('Azure', () => {
  test('public cloud suffix is core.windows.net', () => {
    expect(AZURE_PUBLIC_ENDPOINT_SUFFIX).toBe('core.windows.net');
    expect(azureBlobPrefix('replayacct', 'user-files')).toBe('https://replayacct.blob.core.windows.net/user-files/');
  });

  it.each([
    ['core.chinacloudapi.cn', 'https://replayacct.blob.core.chinacloudapi.cn/user-files/'],
    ['core.usgovcloudapi.net', 'https://replayacct.blob.core.usgovcloudapi.net/user-files/'],
  ])('sovereign suffix %s', (suffix, prefix) => {
    expect(azureBlobPrefix('replayacct', 'user-files', suffix)).toBe(prefix);
  });

  describe('from the primary blob endpoint', () => {
    it.each([
      ['https://replayacct.blob.core.windows.net', 'https://replayacct.blob.core.windows.net/user-files/'],
      ['https://replayacct.blob.core.chinacloudapi.cn', 'https://replayacct.blob.core.chinacloudapi.cn/user-files/'],
      ['https://replayacct.blob.core.usgovcloudapi.net', 'https://replayacct.blob.core.usgovcloudapi.net/user-files/'],
    ])('%s with and without a trailing slash', (endpoint, prefix) => {
      expect(azurePrefixFromBlobEndpoint(endpoint, 'user-files')).toBe(prefix);
      expect(azurePrefixFromBlobEndpoint(`${endpoint}/`, 'user-files')).toBe(prefix);
    });

    test('agrees with the suffix form', () => {
      expect(azurePrefixFromBlobEndpoint('https://replayacct.blob.core.chinacloudapi.cn/', 'c1')).toBe(
        azureBlobPrefix('replayacct', 'c1', 'core.chinacloudapi.cn'),
      );
    });
  });

  test('unresolved account and container pass through', () => {
    expect(azureBlobPrefix(TF_TOKEN, CDK_TOKEN)).toBe(`https://${TF_TOKEN}.blob.core.windows.net/${CDK_TOKEN}/`);
  });
});

describe('every derived prefix', () => {
  const prefixes: Array<[string, string]> = [
    ['gcs', gcsPrefix('b1')],
    ['s3 virtual-hosted', s3VirtualHostedPrefix('b1', 'eu-west-1', 'amazonaws.com')],
    ['s3 virtual-hosted china', s3VirtualHostedPrefix('b1', 'cn-northwest-1', 'amazonaws.com.cn')],
    ['s3 path-style us-east-1', s3PathStylePrefix('b1', 'us-east-1', 'amazonaws.com').prefix],
    ['s3 path-style dash', s3PathStylePrefix('b1', 'sa-east-1', 'amazonaws.com').prefix],
    ['s3 path-style no dash', s3PathStylePrefix('b1', 'eu-central-1', 'amazonaws.com').prefix],
    ['s3 path-style govcloud', s3PathStylePrefix('b1', 'us-gov-west-1', 'amazonaws.com').prefix],
    ['logrocket virtual-hosted', logRocketS3Prefix('b1', 'us-east-2', true, 'amazonaws.com').prefix],
    ['logrocket path-style', logRocketS3Prefix('b1', 'us-east-2', false, 'amazonaws.com').prefix],
    ['azure public', azureBlobPrefix('acct1', 'c1')],
    ['azure sovereign', azureBlobPrefix('acct1', 'c1', 'core.usgovcloudapi.net')],
    ['azure from endpoint', azurePrefixFromBlobEndpoint('https://acct1.blob.core.windows.net/', 'c1')],
    ['azure from endpoint, token bucket', azurePrefixFromBlobEndpoint('https://acct1.blob.core.windows.net', TF_TOKEN)],
  ];

  it.each(prefixes)('%s is https, ends with one "/" and has no "//" in its path', (_form, prefix) => {
    expect(prefix.startsWith('https://')).toBe(true);
    expect(prefix.endsWith('/')).toBe(true);
    expect(prefix.slice('https://'.length)).not.toContain('//');
  });
});

describe('trimTrailingSlash', () => {
  it.each([
    ['https://s3.eu-west-1.amazonaws.com/', 'https://s3.eu-west-1.amazonaws.com'],
    ['https://cdn.example.com//', 'https://cdn.example.com'],
    ['https://cdn.example.com/assets/', 'https://cdn.example.com/assets'],
    ['https://storage.googleapis.com', 'https://storage.googleapis.com'],
    [CDK_TOKEN, CDK_TOKEN],
  ])('%s -> %s', (input, output) => {
    expect(trimTrailingSlash(input)).toBe(output);
  });
});
