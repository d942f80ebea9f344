import { parse, stringify } from 'yaml';
import { CDK_TOKEN, TF_TOKEN } from './support';
import { logRocketChartValues } from '../../src/core/helm/logrocket';
import { openReplayAzureEnvValues, openReplayChartValues, openReplayLegacyValues } from '../../src/core/helm/openreplay';
import { toYaml } from '../../src/core/yaml';

/** The `yaml` package's rendering that toYaml reproduces. */
const reference = (doc: unknown) => stringify(doc, { version: '1.1', lineWidth: 0, minContentWidth: 0 });

const BUCKETS = { recordings: 'acme-recordings', assets: 'acme-assets', sourcemaps: 'acme-sourcemaps', spots: 'acme-spots' };
const azure = openReplayAzureEnvValues({ accountName: 'acmereplay', secretName: 'or-azure', secretKey: 'account-key' });

/** Single-line strings that need every quoting rule: indicators, comments, colons, YAML 1.1 scalars, quotes. */
const TRICKY = [
  '', ' ', 'a b', ' lead', 'trail ', 'x:', ':x', 'a: b', 'a:b', 'a #b', 'a#b', '#x', '-', '- x', '-x', '?', '? x', '%x', '@x', '`x', '!x', '&x', '*x',
  '|', '>', '[x', ']', '{', '}', ',x', 'x,y', '"x', "'x", 'a"b', "a'b", 'a"b\'c', '"', "'", 'yes', 'No', 'OFF', 'on', 'y', 'n', 'Y', 'N', '~', 'null',
  'Null', 'true', 'FALSE', '0', '0123', '0x1F', '0b101', '1_000', '+1', '-1', '1e3', '1.5', '.5', '1.', '.inf', '-.Inf', '.nan', '12:30', '1:20:30.5',
  '2024-01-01', '2024-1-1 10:00:00', '<<', '---', '---x', '...', '=', 'é ü 中 😀', 'tab\there', 'k8s', 'https://s3.eu-central-1.amazonaws.com',
  CDK_TOKEN, TF_TOKEN, `prefix ${TF_TOKEN} suffix`,
];

const documents: Array<[string, unknown]> = [
  ['OpenReplay current chart', openReplayChartValues({ region: 'us-east-1', endpoint: 'https://s3.us-east-1.amazonaws.com', buckets: BUCKETS, assetsOrigin: 'https://a.example.com', existingSecret: 'or-s3' })],
  [
    'OpenReplay current chart, Azure extras',
    openReplayChartValues({
      region: 'westeurope',
      endpoint: 'https://acmereplay.blob.core.windows.net',
      buckets: BUCKETS,
      assetsOrigin: 'https://acmereplay.blob.core.windows.net/acme-assets',
      globalExtras: { env: { ...(azure.global.env as Record<string, string>), SCH_DELETE_DAYS: '7' } },
      topLevelExtras: azure.subcharts,
    }),
  ],
  ...Object.entries(
    openReplayLegacyValues({
      region: 'europe-west1',
      endpoint: 'https://storage.googleapis.com',
      buckets: BUCKETS,
      assetsOrigin: 'https://storage.googleapis.com/acme-assets/',
      accessKeyId: TF_TOKEN,
      secretKeyPlaceholder: '<terraform output -json x | jq -r \'.["secret-key"]\'>',
    }),
  ).map(([file, doc]): [string, unknown] => [`OpenReplay legacy ${file}`, doc]),
  ['LogRocket', logRocketChartValues({ userFilesBucket: 'acme-user-files', aws: { region: 'eu-central-1', useVirtualHostS3: true }, backendIngest: true, cachedAssetPrefixes: ['https://cdn.example.com/u/'] })],
  ['tricky values', Object.fromEntries(TRICKY.map((s, i) => [`k${i}`, s]))],
  ['tricky keys', Object.fromEntries(TRICKY.filter((s) => s !== '<<').map((s, i) => [s, i]))],
  ['tricky sequence', TRICKY],
  ['nesting and empty collections', { a: {}, b: [], c: null, d: [1, [2, 3], { e: 'f', g: [] }, [], {}], h: [{ i: { j: 'k' } }], l: -0, m: 1.5, n: true, o: NaN, p: -Infinity }],
  ['empty map', {}],
  ['empty sequence', []],
];

describe('toYaml layout', () => {
  it.each(documents)('%s renders as the yaml package does', (_name, doc) => {
    expect(toYaml(doc)).toBe(reference(doc));
  });

  test('map entries holding undefined are left out, as the yaml package does', () => {
    const doc = { global: { s3: { spotsBucket: undefined, region: 'eu-west-1' } } };
    expect(toYaml(doc)).toBe(reference(doc));
    expect(toYaml(doc)).not.toContain('spotsBucket');
  });

  it.each([
    ['a line break', 'first\nsecond', '"first\\nsecond"'],
    ['a trailing line break', 'line\n', '"line\\n"'],
    ['a control character', 'bell\u0007', '"bell\\x07"'],
    ['NEL, which YAML 1.1 reads as a line break', 'a\u0085b', '"a\\x85b"'],
    ['a byte order mark', '\ufeffx', '"\\ufeffx"'],
    ['a line separator', 'a\u2028b', '"a\\u2028b"'],
  ])('double-quotes a string with %s and reads back the same string', (_what, value, rendered) => {
    const out = toYaml({ env: { VALUE: value } });
    expect(out).toBe(`env:\n  VALUE: ${rendered}\n`);
    for (const version of ['1.1', '1.2'] as const) expect(parse(out, { version })).toEqual({ env: { VALUE: value } });
  });

  it.each(['0o17', '0o7'])('quotes %s, which YAML 1.2 reads as an octal number', (value) => {
    const out = toYaml({ v: value });
    expect(out).toBe(`v: "${value}"\n`);
    expect(parse(out)).toEqual({ v: value });
  });

  it.each(['---', '...', '---x'])('quotes %s where it would start a line and read as a document marker', (value) => {
    expect(toYaml(value)).toBe(`"${value}"\n`);
    expect(parse(toYaml(value))).toBe(value);
    expect(toYaml({ [value]: 1 })).toBe(`"${value}": 1\n`);
    expect(toYaml({ a: { [value]: value } })).toBe(`a:\n  ${value}: ${value}\n`);
  });

  test('quotes a << key, which YAML 1.1 reads as a merge key', () => {
    const out = toYaml({ '<<': 'x' });
    expect(out).toBe('"<<": x\n');
    expect(parse(out, { version: '1.1' })).toEqual({ '<<': 'x' });
  });
});
