/**
 * The bundled SDK modules of `migrate` (scripts/bundle-sdks.ts over
 * src/cli/sdk/*.ts): each loads with no package installed beside it, has
 * the exports of its source module, signs and sends the calls the tag step
 * makes, and every bundled package is named with its license.
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { isBuiltin } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundleSdks, type BundleResult, isBundle, LICENSES_FILE, SDK_MODULES } from '../../../scripts/bundle-sdks';
import { tempDir } from '../support/cli';

const run = promisify(execFile);

interface Received {
  readonly method?: string;
  readonly url?: string;
  readonly authorization?: string;
  readonly body: string;
}

const dir = tempDir('sdk-bundle');
let bundled: BundleResult;
let server: Server;
let received: Received[] = [];
let reply: { status: number; body: string } = { status: 200, body: '' };

/** Runs a script in a folder with no node_modules above it (the bundle must resolve nothing but Node's own modules). */
async function inIsolation(script: string, env: Record<string, string> = {}): Promise<unknown> {
  const file = join(dir, `probe-${Date.now()}.js`);
  writeFileSync(file, script);
  // HOME in the temp folder: no credentials or config of the machine's user reach the SDK.
  const isolated = { PATH: process.env.PATH, HOME: dir, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', AWS_EC2_METADATA_DISABLED: 'true', ...env };
  const { stdout } = await run(process.execPath, [file], { cwd: dir, env: isolated, timeout: 30_000 });
  return JSON.parse(stdout);
}

function endpoint(): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  bundled = await bundleSdks(join(dir, 'sdk'));
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, authorization: req.headers.authorization, body });
      res.writeHead(reply.status, { 'content-type': 'application/xml' }).end(reply.body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
}, 60_000);

afterAll(() => server?.close());

beforeEach(() => {
  received = [];
});

test.each(SDK_MODULES)('%s: imports nothing but Node.js modules at run time, and is marked as a bundle', (m) => {
  // esbuild's own account of what it left external.
  expect(bundled.externals[m].length).toBeGreaterThan(0);
  expect(bundled.externals[m].filter((name) => !isBuiltin(name))).toEqual([]);
  // A fraction of the 59 MB the two SDKs install as dependencies.
  expect(bundled.files[m].bytes).toBeLessThan(2 * 1024 * 1024);
  expect(isBundle(bundled.files[m].path)).toBe(true);
});

test('a plain re-export (what a bare jsii build writes there) is not taken for a bundle', () => {
  const plain = join(dir, 'plain-s3.js');
  writeFileSync(plain, '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nvar client_s3_1 = require("@aws-sdk/client-s3");\n');
  expect(isBundle(plain)).toBe(false);
  expect(isBundle(join(dir, 'absent.js'))).toBe(false);
});

test.each(SDK_MODULES)('%s: has the exports of its source module, loaded with no package installed', async (m) => {
  const source = Object.keys(await import(`../../../src/cli/sdk/${m}`)).filter((k) => k !== '__esModule' && k !== 'default').sort();
  const exported = await inIsolation(`console.log(JSON.stringify(Object.keys(require(${JSON.stringify(bundled.files[m].path)})).sort()))`);
  expect(exported).toEqual(source);
});

test('s3: PutObjectTagging and GetObjectTagging are signed (SigV4) and carry the tags', async () => {
  reply = { status: 200, body: '<Tagging><TagSet><Tag><Key>retention</Key><Value>default</Value></Tag></TagSet></Tagging>' };
  const out = await inIsolation(`
    const { S3Client, PutObjectTaggingCommand, GetObjectTaggingCommand } = require(${JSON.stringify(bundled.files.s3.path)});
    const client = new S3Client({ endpoint: ${JSON.stringify(endpoint())}, forcePathStyle: true, region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, requestChecksumCalculation: 'WHEN_REQUIRED' });
    (async () => {
      await client.send(new PutObjectTaggingCommand({ Bucket: 'mobs', Key: '7001/dom.mobs',
        Tagging: { TagSet: [{ Key: 'retention', Value: 'default' }, { Key: 'to_delete_in_days', Value: '30' }] } }));
      const got = await client.send(new GetObjectTaggingCommand({ Bucket: 'mobs', Key: '7001/dom.mobs' }));
      console.log(JSON.stringify(got.TagSet));
    })().catch((e) => { console.error(e); process.exit(1); });`);
  expect(out).toEqual([{ Key: 'retention', Value: 'default' }]);
  const [put, get] = received;
  expect(put).toMatchObject({ method: 'PUT', url: expect.stringMatching(/^\/mobs\/7001\/dom\.mobs\?tagging=?$/), authorization: expect.stringMatching(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/s3\/aws4_request/) });
  expect(put.body).toContain('<Tag><Key>retention</Key><Value>default</Value></Tag><Tag><Key>to_delete_in_days</Key><Value>30</Value></Tag>');
  expect(get).toMatchObject({ method: 'GET', url: expect.stringMatching(/^\/mobs\/7001\/dom\.mobs\?tagging=?$/) });
}, 30_000);

test.each([
  ['environment variables', { AWS_ACCESS_KEY_ID: 'AKIDFROMENV', AWS_SECRET_ACCESS_KEY: 'secret' }, 'AKIDFROMENV'],
  ['a shared credentials file profile', { AWS_SHARED_CREDENTIALS_FILE: 'CREDENTIALS', AWS_PROFILE: 'migrate' }, 'AKIDFROMPROFILE'],
])('s3: with no keys given, the default credential chain finds %s (the command passes none when the environment has none)', async (_, env, keyId) => {
  const credentials = join(dir, 'credentials');
  writeFileSync(credentials, '[migrate]\naws_access_key_id = AKIDFROMPROFILE\naws_secret_access_key = secret\n');
  reply = { status: 200, body: '' };
  const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === 'CREDENTIALS' ? credentials : v]));
  await inIsolation(`
    const { S3Client, PutObjectTaggingCommand } = require(${JSON.stringify(bundled.files.s3.path)});
    const client = new S3Client({ endpoint: ${JSON.stringify(endpoint())}, forcePathStyle: true, region: 'us-east-1', requestChecksumCalculation: 'WHEN_REQUIRED' });
    client.send(new PutObjectTaggingCommand({ Bucket: 'mobs', Key: 'k', Tagging: { TagSet: [] } }))
      .then(() => console.log('"ok"'), (e) => { console.error(e); process.exit(1); });`, resolved);
  expect(received).toHaveLength(1);
  expect(received[0].authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${keyId}/`));
}, 30_000);

test('azure-blob: Set Blob Tags is signed with the shared key and carries the tags', async () => {
  reply = { status: 204, body: '' };
  const out = await inIsolation(`
    const { BlobServiceClient, StorageSharedKeyCredential } = require(${JSON.stringify(bundled.files['azure-blob'].path)});
    const service = new BlobServiceClient(${JSON.stringify(`${endpoint()}/acct`)}, new StorageSharedKeyCredential('acct', Buffer.from('key').toString('base64')));
    service.getContainerClient('mobs').getBlobClient('7001/dom.mobs').setTags({ retention: 'default' })
      .then(() => console.log('"ok"'), (e) => { console.error(e); process.exit(1); });`);
  expect(out).toBe('ok');
  expect(received).toHaveLength(1);
  expect(received[0]).toMatchObject({ method: 'PUT', url: '/acct/mobs/7001/dom.mobs?comp=tags', authorization: expect.stringMatching(/^SharedKey acct:/) });
  expect(received[0].body).toContain('<Tag><Key>retention</Key><Value>default</Value></Tag>');
}, 30_000);

test(`${LICENSES_FILE} names every bundled package, its version and its license text`, () => {
  const text = readFileSync(join(dir, 'sdk', LICENSES_FILE), 'utf8');
  const version = (name: string) => (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  for (const name of ['@aws-sdk/client-s3', '@azure/storage-blob']) {
    expect(text).toContain(`| ${name} | ${version(name)} |`);
  }
  expect(bundled.packages.length).toBeGreaterThan(10);
  for (const p of bundled.packages) {
    expect(p.license).toMatch(/^(Apache-2\.0|MIT|0BSD|ISC|BSD-[23]-Clause)$/);
    expect(text).toContain(`## ${p.name}@${p.version} (${p.license})`);
  }
  // Each with a license text: its own file, or its declared license's text with its copyright holder.
  for (const p of bundled.packages) expect(p.texts.some((t) => /^licen[cs]e|\(declared\)$/i.test(t.file))).toBe(true);
});
