/**
 * GCP conformance, statically. No emulator enforces Cloud Storage IAM,
 * public access prevention or CORS offline, so nothing here sends a request:
 * the GCP examples' synthesized cdk.tf.json is read and each check of the
 * shared matrix is decided from it (CORS rules, allUsers grants and the
 * roles they carry, public access prevention). Same scenarios, same expected
 * verdicts as the Azure and S3 runs; the checks that need a live service
 * (Vary headers, signed URLs) have no static verdict and are left out.
 */
import { expectedChecks, matrixMismatches, OTHER_ORIGIN, PRODUCTS, ProductCase, SCENARIOS } from './matrix';
import { gcsGrantTargets, mutate, RoleNames, roleNamesFromOutputs } from './mutate';
import { findInstances, parseOutputs } from '../../src/cli/outputs';
import { terraformOutputJson } from '../cli/support/deployed-outputs';
import { onlyStack, synthExample } from '../cli/support/examples';

/** Roles that let the member read objects (storage.objects.get). */
const OBJECT_READ_ROLES = [
  'roles/storage.legacyObjectReader',
  'roles/storage.legacyObjectOwner',
  'roles/storage.objectViewer',
  'roles/storage.objectUser',
  'roles/storage.objectAdmin',
  'roles/storage.admin',
];
/** Roles that let the member list objects (storage.objects.list). */
const LIST_ROLES = [
  'roles/storage.objectViewer',
  'roles/storage.objectUser',
  'roles/storage.objectAdmin',
  'roles/storage.admin',
  'roles/storage.legacyBucketReader',
  'roles/storage.legacyBucketWriter',
  'roles/storage.legacyBucketOwner',
];
const PUBLIC_MEMBERS = ['allUsers', 'allAuthenticatedUsers'];
const WRITE_METHODS = ['PUT', 'POST', 'DELETE', 'PATCH', '*'];

/** Roles granted to anyone on the internet on one bucket. */
function publicRoles(tf: any, bucketId: string): string[] {
  const res = tf.resource;
  for (const unsupported of ['google_storage_bucket_iam_policy', 'google_storage_bucket_acl', 'google_storage_default_object_acl', 'google_storage_object_acl']) {
    if (res[unsupported]) throw new Error(`${unsupported} is not read by this check; extend it`);
  }
  const roles: string[] = [];
  for (const m of Object.values<any>(res.google_storage_bucket_iam_member ?? {})) {
    if (gcsGrantTargets(tf, m, bucketId) && PUBLIC_MEMBERS.includes(m.member)) roles.push(m.role);
  }
  for (const b of Object.values<any>(res.google_storage_bucket_iam_binding ?? {})) {
    if (gcsGrantTargets(tf, b, bucketId) && (b.members as string[]).some((x) => PUBLIC_MEMBERS.includes(x))) roles.push(b.role);
  }
  for (const role of roles) {
    if (!OBJECT_READ_ROLES.includes(role) && !LIST_ROLES.includes(role)) throw new Error(`allUsers holds ${role} on ${bucketId}: add it to the role tables`);
  }
  return roles;
}

interface StaticResult {
  readonly id: string;
  readonly role: string;
  readonly verdict: 'PASS' | 'FAIL';
  readonly got: string;
}

/** Each statically decidable check of the matrix, from the document. */
function staticChecks(tf: any, p: ProductCase, names: RoleNames): StaticResult[] {
  const results: StaticResult[] = [];
  for (const { role, public: isPublic } of p.roles) {
    const [bucketId, bucket] = Object.entries<any>(tf.resource.google_storage_bucket).find(([, b]) => b.name === names[role]) ?? [];
    if (!bucket) throw new Error(`no google_storage_bucket named ${names[role]}`);
    const rules: any[] = bucket.cors ?? [];
    const originRules = (o: string) => rules.filter((r) => (r.origin as string[]).includes(o) || (r.origin as string[]).includes('*'));
    const allows = (o: string, m: string) => originRules(o).some((r) => (r.method as string[]).includes(m) || (r.method as string[]).includes('*'));
    const add = (id: string, pass: boolean, got: string) => results.push({ id, role, verdict: pass ? 'PASS' : 'FAIL', got });
    const pap = bucket.public_access_prevention ?? 'inherited';
    const granted = publicRoles(tf, bucketId!);
    const anonymousRead = pap !== 'enforced' && granted.some((r) => OBJECT_READ_ROLES.includes(r));
    const anonymousList = pap !== 'enforced' && granted.some((r) => LIST_ROLES.includes(r));
    const corsGot = JSON.stringify(rules.map((r) => ({ origin: r.origin, method: r.method })));
    const accessGot = `public_access_prevention=${pap}, allUsers roles=[${granted.join(', ')}], uniform_bucket_level_access=${bucket.uniform_bucket_level_access}`;

    for (const m of p.methods) add(`preflight:${m}`, allows(p.dashboardOrigin, m), corsGot);
    add('preflight-other-origin', !allows(OTHER_ORIGIN, 'GET'), corsGot);
    add('preflight-write', !originRules(p.dashboardOrigin).some((r) => (r.method as string[]).some((m) => WRITE_METHODS.includes(m))), corsGot);
    // Public: readable by allUsers (never by object ACLs: uniform access on). Private: no grant and prevention enforced.
    const privateOk = !anonymousRead && pap === 'enforced' && bucket.uniform_bucket_level_access === true;
    const publicOk = anonymousRead && bucket.uniform_bucket_level_access === true;
    add('anonymous-get', isPublic ? publicOk : privateOk, accessGot);
    if (isPublic) add('cors-get', publicOk && allows(p.dashboardOrigin, 'GET'), `${accessGot}; cors=${corsGot}`);
    add('listing', !anonymousList, accessGot);
  }
  return results;
}

/** Checks only a live service can decide. */
const LIVE_ONLY = /^(vary-origin|signed-get|signed-put|signed-put-tampered)@/;

describe('Google Cloud Storage (static: no offline emulator enforces GCS IAM)', () => {
  for (const p of PRODUCTS) {
    describe(`examples/${p.examples.gcp}`, () => {
      const { doc } = onlyStack(synthExample(p.examples.gcp));
      const [instance] = findInstances(parseOutputs(JSON.stringify(terraformOutputJson(doc)), `${p.examples.gcp} outputs`));
      const names = roleNamesFromOutputs(instance, p);

      for (const scenario of SCENARIOS.filter((s) => s.appliesTo(p))) {
        test(`${scenario.title}: every statically decidable verdict is the one the matrix expects`, () => {
          const results = staticChecks(mutate('gcp', scenario.id, doc, p, names), p, names);
          expect(results.map((r) => `${r.id}@${r.role}`).sort()).toEqual(expectedChecks(p, { signedPut: false }).filter((c) => !LIVE_ONLY.test(c)).sort());
          expect(matrixMismatches(results, scenario.id, p)).toEqual([]);
          expect(results.some((r) => r.verdict === 'FAIL')).toBe(scenario.negative);
        });
      }
    });
  }
});
