/**
 * Registers the matrix for one emulated cloud: per product and scenario,
 * apply the (possibly broken) synthesized document to the emulator, seed the
 * objects a deployment would hold, run `verify` from the outputs the deploy
 * would print, and open the dashboard in Chromium.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DashboardBrowser, PageVisit, probeFontFile } from './harness/browser';
import { CHROMIUM, missingBinaries, testWithSystem } from './harness/system';
import { assertMatrix, browserExpectation, Cloud, OTHER_ORIGIN, PRODUCTS, ProductCase, SCENARIOS } from './matrix';
import { mutate, RoleNames, roleNamesFromOutputs } from './mutate';
import { findInstances, parseOutputs } from '../../src/cli/outputs';
import { renderTable } from '../../src/cli/report';
import { verify, VerifyPlan, VerifyReport } from '../../src/cli/verify';
import { DEFAULT_PROBE_KEY, planFromInstance, PlanOptions } from '../../src/cli/verify-plan';
import { runCli, tempDir, writeJson } from '../cli/support/cli';

export const FONT_KEY = 'fonts/replay-probe.ttf';
export const RECORDING_KEY = 'sessions/4711/dom.mobs';
export const RECORDING_BODY = 'recorded session 4711';
export const PROBE_BODY = 'replay-storage probe';

/** An object to put in a bucket/container as the owner. */
export interface SeedObject {
  readonly key: string;
  readonly body: Buffer;
  readonly contentType: string;
}

/** The emulator side of one cloud. */
export interface EmulatedCloud {
  /** Status a valid signed upload gets (S3 200, Azure 201). */
  readonly uploadStatus: string;
  readonly cloud: Extract<Cloud, 'aws' | 'azure'>;
  /** The synthesized document of a product's example. */
  document(p: ProductCase): any;
  /** The outputs file the deploy would print (emulator URLs and keys). */
  outputsFile(p: ProductCase): unknown;
  /** Makes the emulator match the document. */
  apply(p: ProductCase, doc: any, names: RoleNames): Promise<void>;
  seed(p: ProductCase, bucket: string, objects: readonly SeedObject[]): Promise<void>;
  signedGetUrl(p: ProductCase, bucket: string, key: string): Promise<string>;
  signedPutUrl(p: ProductCase, bucket: string, key: string): Promise<string>;
  /** Extra plan options (an S3 endpoint override) and the same as command-line flags. */
  planOptions(p: ProductCase): Partial<PlanOptions>;
  cliFlags(p: ProductCase): string[];
}

const browserMissing = missingBinaries([CHROMIUM], 'apt-get install -y chromium');

/** Deployment state of the current scenario, filled by its beforeAll. */
interface ScenarioRun {
  plan: VerifyPlan;
  report: VerifyReport;
  names: RoleNames;
  fontUrl: string;
  publicProbeUrl: string;
  recordingUrl?: string;
}

export function defineScenarioSuite(c: EmulatedCloud, hooks: { browser: () => DashboardBrowser | undefined }): void {
  const cloudName = c.cloud;
  const font = readFileSync(probeFontFile());
  const outputsDir = tempDir(`conformance-${cloudName}`);

  for (const p of PRODUCTS) {
    describe(`examples/${p.examples[cloudName]}`, () => {
      for (const scenario of SCENARIOS.filter((s) => s.appliesTo(p))) {
        describe(scenario.title, () => {
          const run = {} as ScenarioRun;

          beforeAll(async () => {
            const [instance] = findInstances(parseOutputs(JSON.stringify(c.outputsFile(p)), `${p.examples[cloudName]} outputs`));
            const names = roleNamesFromOutputs(instance, p);
            await c.apply(p, mutate(c.cloud, scenario.id, c.document(p), p, names), names);
            const probe: SeedObject = { key: DEFAULT_PROBE_KEY, body: Buffer.from(PROBE_BODY), contentType: 'text/plain' };
            for (const { role } of p.roles) {
              // A role the construct did not create (spots off on Azure) has no bucket to seed.
              if (names[role] === undefined) continue;
              const objects = [probe];
              if (role === p.publicRole) objects.push({ key: FONT_KEY, body: font, contentType: 'font/ttf' });
              if (role === p.signedGetRole) objects.push({ key: RECORDING_KEY, body: Buffer.from(RECORDING_BODY), contentType: 'application/octet-stream' });
              await c.seed(p, names[role], objects);
            }
            const signedGet: Record<string, string> = {};
            if (p.signedGetRole) signedGet[p.signedGetRole] = await c.signedGetUrl(p, names[p.signedGetRole], RECORDING_KEY);
            const signedPutUrl = await c.signedPutUrl(p, names[p.signedPutRole], `uploads/${randomUUID()}.png`);
            const plan = planFromInstance(instance, { origin: p.dashboardOrigin, signedGet, signedPutUrl, ...c.planOptions(p) });
            const publicBase = plan.targets.find((t) => t.role === p.publicRole)!.url;
            const report = await verify(plan);
            if (process.env.REPLAY_STORAGE_CONFORMANCE_VERBOSE === '1') {
              // eslint-disable-next-line no-console
              console.log(`${cloudName} ${p.product} ${scenario.id}\n${renderTable(report)}`);
            }
            Object.assign(run, {
              plan,
              names,
              report,
              fontUrl: `${publicBase}${FONT_KEY}`,
              publicProbeUrl: `${publicBase}${DEFAULT_PROBE_KEY}`,
              recordingUrl: p.signedGetRole ? signedGet[p.signedGetRole] : undefined,
            });
          }, 30_000);

          test('every verify verdict is the one the matrix expects', () => {
            assertMatrix(run.report, scenario.id, p, { signedPut: true, roles: Object.keys(run.names) });
            expect(run.report.ok).toBe(!scenario.negative);
          });

          if (scenario.id === 'as-synthesized') {
            test('replay-storage verify, given the outputs file, passes', async () => {
              const file = writeJson(outputsDir, `${cloudName}-${p.product}.json`, c.outputsFile(p));
              const r = await runCli(['verify', '--outputs', file, '--origin', p.dashboardOrigin, ...c.cliFlags(p)]);
              expect(r.stderr).toBe('');
              expect(r.stdout).toMatch(/^CHECK +ROLE +EXPECTED +GOT +VERDICT\n/);
              expect(r.stdout).toMatch(/\nOK: \d+ passed, 0 failed, \d+ warnings/);
              expect(r.code).toBe(0);
            });

            test('a signed upload as the backend signs it is accepted, a tampered one refused', () => {
              const put = run.report.results.filter((r) => r.id.startsWith('signed-put'));
              expect(put.map((r) => [r.id, r.got])).toEqual([
                ['signed-put', c.uploadStatus],
                ['signed-put-tampered', '403'],
              ]);
            });
          }

          const expectation = browserExpectation(scenario.id);
          if (expectation) {
            testWithSystem(
              `Chromium: the dashboard page is ${expectation.dashboard === 'allowed' ? 'served' : 'refused'} the font, the public object${p.signedGetRole ? ' and the presigned recording' : ''}; another origin is refused`,
              browserMissing,
              async () => {
                const browser = hooks.browser()!;
                const probe = {
                  fontUrl: run.fontUrl,
                  fetch: { public: run.publicProbeUrl, ...(run.recordingUrl ? { recording: run.recordingUrl } : {}) },
                };
                const [dashboard, other] = await Promise.all([browser.visit(p.dashboardOrigin, probe), browser.visit(OTHER_ORIGIN, probe)]);
                expectPage(dashboard, expectation.dashboard, p.dashboardOrigin, run);
                expectPage(other, expectation.other, OTHER_ORIGIN, run);
              },
              20_000,
            );
          }
        });
      }
    });
  }
}

/** The browser's verdict on one page and the console lines that explain it. */
function expectPage(visit: PageVisit, expected: 'allowed' | 'blocked', origin: string, run: ScenarioRun): void {
  const cors = visit.console.filter((m) => /CORS policy/.test(m));
  if (expected === 'allowed') {
    expect({ origin, font: visit.font, fetches: visit.fetches, cors }).toEqual({
      origin,
      font: 'loaded',
      fetches: { public: `200 ${PROBE_BODY}`, ...(run.recordingUrl ? { recording: `200 ${RECORDING_BODY}` } : {}) },
      cors: [],
    });
    return;
  }
  expect({ origin, font: visit.font, fetches: Object.keys(visit.fetches) }).toEqual({ origin, font: 'error', fetches: Object.keys(visit.fetches) });
  for (const [label, result] of Object.entries(visit.fetches)) expect([label, result]).toEqual([label, expect.stringMatching(/^blocked \(Failed to fetch\)$/)]);
  const quoted = `from origin '${origin}' has been blocked by CORS policy`;
  expect(cors.filter((m) => m.includes(`Access to fetch at '${run.publicProbeUrl}' ${quoted}`))).toHaveLength(1);
  expect(cors.filter((m) => m.includes(`Access to font at '${run.fontUrl}' ${quoted}`))).toHaveLength(1);
}
