/**
 * S3 conformance: the AWS examples' synthesized CloudFormation (Block Public
 * Access, bucket policies, CORS of each role bucket) applied to a one-node
 * Ceph radosgw, then `verify` and Chromium against it, per the shared
 * matrix. radosgw is reached over plain HTTP on loopback: the TLS-only deny
 * statements are applied, but their conditions (aws:SecureTransport,
 * s3:TlsVersion) carry no value there and never match, so TLS enforcement
 * itself is checked in test/aws. Encryption, lifecycle, logging and
 * ownership settings are not applied (they change nothing a request sees).
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { applyS3, presignedGet, presignedPut, putObject, s3Client } from './apply/s3';
import { DashboardBrowser } from './harness/browser';
import { Radosgw, RADOSGW_BINARIES, startRadosgw } from './harness/radosgw';
import { CHROMIUM, describeWithSystem, missingBinaries } from './harness/system';
import { OTHER_ORIGIN, PRODUCTS } from './matrix';
import { defineScenarioSuite, EmulatedCloud } from './scenarios';
import { cdkOutputsFile } from '../cli/support/deployed-outputs';
import { onlyStack, synthExample } from '../cli/support/examples';

const missing = missingBinaries(RADOSGW_BINARIES, 'apt-get install --no-install-recommends radosgw ceph-mon ceph-osd');

describeWithSystem('S3 (Ceph radosgw)', missing, () => {
  const documents = new Map<string, { stackName: string; doc: any }>();
  let rgw: Radosgw | undefined;
  let client: S3Client;
  let browser: DashboardBrowser | undefined;

  beforeAll(async () => {
    const launching = missingBinaries([CHROMIUM], '') ? undefined : DashboardBrowser.launch([...PRODUCTS.map((p) => p.dashboardOrigin), OTHER_ORIGIN]);
    const starting = startRadosgw();
    for (const p of PRODUCTS) documents.set(p.product, onlyStack(synthExample(p.examples.aws)));
    [rgw, browser] = await Promise.all([starting, launching]);
    client = s3Client(rgw.endpoint, rgw.accessKeyId, rgw.secretAccessKey);
  }, 60_000);

  afterAll(async () => {
    client?.destroy();
    await Promise.all([rgw?.stop(), browser?.stop()]);
  });

  const s3: EmulatedCloud = {
    cloud: 'aws',
    document: (p) => documents.get(p.product)!.doc,
    outputsFile(p) {
      const { stackName, doc } = documents.get(p.product)!;
      return cdkOutputsFile(stackName, doc);
    },
    apply: (_p, doc, names) => applyS3(doc, client, Object.values(names)),
    async seed(_p, bucket, objects) {
      for (const o of objects) await putObject(client, bucket, o.key, o.body, o.contentType);
    },
    signedGetUrl: (_p, bucket, key) => presignedGet(client, bucket, key),
    signedPutUrl: (_p, bucket, key) => presignedPut(client, bucket, key),
    // The outputs name AWS hosts; send the same bucket names to radosgw, path-style.
    planOptions: () => ({ endpoint: rgw!.endpoint }),
    cliFlags: () => ['--endpoint', rgw!.endpoint],
    uploadStatus: '200',
  };

  test('the examples name their buckets (so policies and outputs agree on them)', () => {
    for (const p of PRODUCTS) {
      const names = Object.values<any>(documents.get(p.product)!.doc.Resources)
        .filter((r) => r.Type === 'AWS::S3::Bucket')
        .map((r) => r.Properties.BucketName);
      expect(names.every((n) => typeof n === 'string')).toBe(true);
    }
  });

  defineScenarioSuite(s3, { browser: () => browser });
});
