/**
 * The one scenario matrix every cloud runs: which configuration is applied
 * (as synthesized, or deliberately broken) and the verdict each check must
 * get. The role table and the player's methods come from the library's
 * core; the dashboard origins are the examples' inputs.
 */
import { renderTable } from '../../src/cli/report';
import { CheckResult, Verdict, VerifyReport } from '../../src/cli/verify';
import { PRODUCT_METHODS } from '../../src/cli/verify-plan';
import { BrowserAccess, LOGROCKET_USER_FILES, openReplayRoles } from '../../src/core/roles';
import type { ExampleName } from '../cli/support/examples';

export type ProductName = 'openreplay' | 'logrocket';
export type Cloud = 'aws' | 'gcp' | 'azure';

export interface ProductCase {
  readonly product: ProductName;
  /** The dashboard origin each example passes as `dashboardOrigins`. */
  readonly dashboardOrigin: string;
  readonly examples: Record<Cloud, ExampleName>;
  readonly roles: readonly { readonly role: string; readonly public: boolean }[];
  readonly publicRole: string;
  /** A role that must stay private (none for LogRocket's single bucket). */
  readonly privateRole?: string;
  /** The private role the player reads through presigned GET URLs. */
  readonly signedGetRole?: string;
  /** Where a backend-signed upload goes. */
  readonly signedPutRole: string;
  readonly methods: readonly string[];
}

export const PRODUCTS: readonly ProductCase[] = [
  {
    product: 'openreplay',
    dashboardOrigin: 'https://openreplay.example.com',
    examples: { aws: 'aws-openreplay', gcp: 'gcp-openreplay', azure: 'azure-openreplay' },
    roles: openReplayRoles(true).map((r) => ({ role: r.role, public: r.access === BrowserAccess.PUBLIC_READ })),
    publicRole: 'assets',
    privateRole: 'recordings',
    signedGetRole: 'recordings',
    signedPutRole: 'sourcemaps',
    methods: PRODUCT_METHODS.openreplay,
  },
  {
    product: 'logrocket',
    dashboardOrigin: 'https://logrocket.example.com',
    examples: { aws: 'aws-logrocket', gcp: 'gcp-logrocket', azure: 'azure-logrocket' },
    roles: [{ role: LOGROCKET_USER_FILES.role, public: LOGROCKET_USER_FILES.access === BrowserAccess.PUBLIC_READ }],
    publicRole: LOGROCKET_USER_FILES.role,
    signedPutRole: LOGROCKET_USER_FILES.role,
    methods: PRODUCT_METHODS.logrocket,
  },
];

/** The origin the "flipped" scenario puts in place of the dashboard's. */
export const FLIPPED_ORIGIN = 'https://flipped.example.com';
/** Where the browser opens the page that must be refused. */
export const OTHER_ORIGIN = 'https://other.example.com';

export type ScenarioId = 'as-synthesized' | 'origin-flipped' | 'private-role-public' | 'public-role-private';

export interface Scenario {
  readonly id: ScenarioId;
  readonly title: string;
  /** Deliberately broken: the suite must see it fail. */
  readonly negative: boolean;
  appliesTo(p: ProductCase): boolean;
}

export const SCENARIOS: readonly Scenario[] = [
  { id: 'as-synthesized', title: 'as synthesized', negative: false, appliesTo: () => true },
  { id: 'origin-flipped', title: 'negative: CORS origin flipped to another origin', negative: true, appliesTo: () => true },
  { id: 'private-role-public', title: 'negative: a private role made public', negative: true, appliesTo: (p) => p.privateRole !== undefined },
  { id: 'public-role-private', title: 'negative: the public role made private', negative: true, appliesTo: () => true },
];

/** Verdicts a check may get in a scenario. */
export function expectedVerdicts(scenario: ScenarioId, p: ProductCase, check: { id: string; role: string }): readonly Verdict[] {
  // Caching advice, not conformance: servers differ on Vary for plain requests.
  if (check.id === 'vary-origin') return ['PASS', 'WARN'];
  const corsRead = check.id.startsWith('preflight:') || check.id === 'cors-get' || check.id === 'signed-get';
  switch (scenario) {
    case 'as-synthesized':
      return ['PASS'];
    case 'origin-flipped':
      return corsRead ? ['FAIL'] : ['PASS'];
    case 'private-role-public':
      return check.id === 'anonymous-get' && check.role === p.privateRole ? ['FAIL'] : ['PASS'];
    case 'public-role-private':
      return (check.id === 'anonymous-get' || check.id === 'cors-get') && check.role === p.publicRole ? ['FAIL'] : ['PASS'];
  }
}

/** Every check (`id@role`) a full run reports for a product. */
export function expectedChecks(p: ProductCase, options: { signedPut: boolean; roles?: readonly string[] }): string[] {
  const ids: string[] = [];
  for (const { role, public: isPublic } of p.roles) {
    // Only the roles the construct created (spots are off on Azure by default).
    if (options.roles && !options.roles.includes(role)) continue;
    for (const m of p.methods) ids.push(`preflight:${m}@${role}`);
    ids.push(`preflight-other-origin@${role}`, `preflight-write@${role}`, `anonymous-get@${role}`);
    if (isPublic) ids.push(`cors-get@${role}`, `vary-origin@${role}`);
    ids.push(`listing@${role}`);
    if (role === p.signedGetRole) ids.push(`signed-get@${role}`);
  }
  if (options.signedPut) ids.push(`signed-put@${p.signedPutRole}`, `signed-put-tampered@${p.signedPutRole}`);
  return ids;
}

/** Differences between results and the matrix, one line each. */
export function matrixMismatches(results: readonly Pick<CheckResult, 'id' | 'role' | 'verdict' | 'got'>[], scenario: ScenarioId, p: ProductCase): string[] {
  const out: string[] = [];
  for (const r of results) {
    const allowed = expectedVerdicts(scenario, p, r);
    if (!allowed.includes(r.verdict)) out.push(`${r.id}@${r.role}: expected ${allowed.join(' or ')}, got ${r.verdict} (${r.got})`);
  }
  return out;
}

/** Fails with the verify table when any verdict or the set of checks is off. */
export function assertMatrix(
  report: VerifyReport,
  scenario: ScenarioId,
  p: ProductCase,
  options: { signedPut: boolean; roles?: readonly string[] },
): void {
  const problems = matrixMismatches(report.results, scenario, p);
  const got = report.results.map((r) => `${r.id}@${r.role}`);
  const want = expectedChecks(p, options);
  const missing = want.filter((c) => !got.includes(c));
  const extra = got.filter((c) => !want.includes(c));
  if (missing.length) problems.push(`checks missing: ${missing.join(', ')}`);
  if (extra.length) problems.push(`checks not in the matrix: ${extra.join(', ')}`);
  if (problems.length > 0) throw new Error(`${scenario} (${p.product}) does not match the matrix:\n${problems.join('\n')}\n\n${renderTable(report)}`);
  expect(problems).toEqual([]);
}

/** What the browser must see from each page origin. */
export interface BrowserExpectation {
  /** The font, the public object and the presigned recording from the dashboard page. */
  readonly dashboard: 'allowed' | 'blocked';
  /** The same from another origin. */
  readonly other: 'allowed' | 'blocked';
}

/** Scenarios the browser runs (the others change nothing a page could see differently). */
export function browserExpectation(scenario: ScenarioId): BrowserExpectation | undefined {
  switch (scenario) {
    case 'as-synthesized':
      return { dashboard: 'allowed', other: 'blocked' };
    case 'origin-flipped':
      return { dashboard: 'blocked', other: 'blocked' };
    default:
      return undefined;
  }
}
