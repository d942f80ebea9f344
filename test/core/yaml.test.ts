import { parse } from 'yaml';
import { CDK_TOKEN, TF_TOKEN } from './support';
import { logRocketChartValues } from '../../src/core/helm/logrocket';
import { openReplayAzureEnvValues, openReplayChartValues, openReplayLegacyValues } from '../../src/core/helm/openreplay';
import { toYaml } from '../../src/core/yaml';

const BUCKETS = { recordings: 'acme-recordings', assets: 'acme-assets', sourcemaps: 'acme-sourcemaps', spots: 'acme-spots' };
const azure = openReplayAzureEnvValues({ accountName: 'acmereplay', secretName: 'or-azure', secretKey: 'account-key' });

const documents: Array<[string, unknown]> = [
  [
    'OpenReplay current chart, workload identity',
    openReplayChartValues({ region: 'us-east-1', endpoint: 'https://s3.us-east-1.amazonaws.com', buckets: BUCKETS, assetsOrigin: 'https://a.example.com' }),
  ],
  [
    'OpenReplay current chart, Azure extras',
    openReplayChartValues({
      region: '',
      endpoint: 'https://acmereplay.blob.core.windows.net',
      buckets: BUCKETS,
      assetsOrigin: 'https://acmereplay.blob.core.windows.net/acme-assets',
      existingSecret: 'or-s3',
      globalExtras: azure.global,
      topLevelExtras: azure.subcharts,
    }),
  ],
  ...Object.entries(
    openReplayLegacyValues({
      region: 'eu-west-1',
      endpoint: 'https://storage.googleapis.com',
      buckets: BUCKETS,
      assetsOrigin: 'https://storage.googleapis.com/acme-assets',
      accessKeyId: 'GOOG1EXAMPLE',
      secretKeyPlaceholder: '<from secret>',
    }),
  ).map(([file, doc]): [string, unknown] => [`OpenReplay legacy ${file}`, doc]),
  [
    'LogRocket on AWS',
    logRocketChartValues({
      userFilesBucket: 'acme-user-files',
      aws: { region: 'eu-central-1', useVirtualHostS3: false },
      backendIngest: true,
      cachedAssetPrefixes: ['https://cdn.example.com/u/'],
    }),
  ],
  ['strings that look like other types', { a: '', b: 'true', c: '123', d: '*', e: 'null', f: '1e3', g: 'a: b', h: '#x' }],
];

describe('toYaml', () => {
  it.each(documents)('%s parses back to the same object', (_name, doc) => {
    expect(parse(toYaml(doc))).toEqual(doc);
  });

  test('empty workload-identity keys stay empty strings', () => {
    const doc = documents[0][1] as { global: { s3: Record<string, unknown> } };
    const parsed = parse(toYaml(doc)) as typeof doc;
    expect(parsed.global.s3.accessKey).toBe('');
    expect(parsed.global.s3.secretKey).toBe('');
  });

  it.each([
    ['aws-cdk-lib', CDK_TOKEN],
    ['cdktf', TF_TOKEN],
  ])('never folds a long line holding %s tokens', (_toolkit, token) => {
    const long = Array.from({ length: 20 }, (_, i) => `part ${i} ${token}`).join(' and ');
    expect(long.length).toBeGreaterThan(300);
    const out = toYaml({ global: { assetsOrigin: long, env: { NOTE: long } } });
    const lines = out.split('\n').filter((l) => l.includes('part 0'));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toContain(long);
    expect(parse(out)).toEqual({ global: { assetsOrigin: long, env: { NOTE: long } } });
  });

  test('a token standing alone is emitted verbatim', () => {
    expect(toYaml({ recordingsBucket: CDK_TOKEN })).toContain(CDK_TOKEN);
  });

  it.each(['yes', 'no', 'on', 'off', 'y', '0123'])('quotes %s so that Helm (YAML 1.1) reads a string', (name) => {
    const out = toYaml({ fileStorage: { buckets: { userFiles: name } } });
    expect(out).toContain(`userFiles: "${name}"`);
    expect(parse(out, { version: '1.1' })).toEqual({ fileStorage: { buckets: { userFiles: name } } });
  });
});
