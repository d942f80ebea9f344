import { DEFAULT_TIMEOUT_MS, MAX_BODY_BYTES } from './http-probe';
import { CliIo, EXIT_FAILED, EXIT_OK, EXIT_UNREACHABLE, parseFlags, readFlagFile, UsageError } from './io';
import { OutputsError, parseOutputs, selectInstances } from './outputs';
import { OUTPUTS_FILE_HOWTO } from './outputs-error';
import { printable } from './printable';
import { renderJson, renderTable } from './report';
import { StorageService, verify, VerifyPlan, VerifyReport, VerifyStatus } from './verify';
import { DEFAULT_OTHER_ORIGIN, DEFAULT_PROBE_KEY, FlagTarget, normalizeOrigin, planFromInstance, planFromTargets } from './verify-plan';
import { credentialRisks } from './verify-safety';
import { redactSigned } from './verify-urls';

/** Longest `--timeout`: beyond it a timer would overflow (and fire at once). */
const MAX_TIMEOUT_SECONDS = 3600;

export const VERIFY_USAGE = `Usage: replay-storage verify --origin <dashboard origin> (--outputs <file> | --target <role>=<url> ... | --replay-prefix <url>) [options]

Checks deployed replay storage from outside, as the replay player meets it:
  - CORS preflight from the dashboard origin is allowed for the player's
    methods (OpenReplay GET; LogRocket GET, HEAD); another origin is refused;
    a PUT preflight is refused
  - the public role (OpenReplay assets, LogRocket userFiles) answers an
    anonymous GET of the probe object, with CORS for the dashboard origin;
    every private role refuses it
  - anonymous listing is refused everywhere
  - optionally: presigned GETs answer with CORS, a signed PUT succeeds and a
    tampered one is refused
It warns when object responses lack 'Vary: Origin' (a cached plain load can
then break a later CORS load of the same URL).

Where to look:
  --outputs <file>        outputs of the deploy ('cdk deploy --outputs-file',
                          'terraform output -json'; '-' reads stdin)
  --stack <name>          with --outputs: only this stack
  --prefix <prefix>       with --outputs: only the construct with this output prefix
  --target <role>=<url>   a bucket/container base URL (repeatable), e.g.
                          --target assets=https://my-assets.s3.eu-west-1.amazonaws.com/
  --replay-prefix <url>   LogRocket's derived prefix (same as --target userFiles=<url>)
  --public <role>         treat this role as public (assets and userFiles are)
  --private <role>        treat this role as private
  --endpoint <url>        send every request path-style to this S3-compatible
                          endpoint instead of the cloud's URLs

What to check:
  --origin <origin>       the dashboard origin, e.g. https://replay.example.com (required)
  --other-origin <origin> an origin that must be refused (default: ${DEFAULT_OTHER_ORIGIN})
  --probe-key <key>       object key to request in every bucket; it must exist
                          in the public one (default: ${DEFAULT_PROBE_KEY})
  --methods <list>        CORS methods the origin needs (default: per product)
  --signed-get <role>=<url>  a presigned GET URL of an object in that role (repeatable)
  --signed-put <url>      a presigned/SAS PUT URL (e.g. LogRocket userFiles);
                          uploads a small probe object there
  --allow-insecure        send signed URLs over plain http:// (e.g. to a local
                          emulator); refused without it, since the signature
                          would cross the network unencrypted
  --service <s3|azure|gcs>  how to list (default: from the outputs or the URL host)
  --timeout <seconds>     per request, body included (default: ${DEFAULT_TIMEOUT_MS / 1000}, at most ${MAX_TIMEOUT_SECONDS})

Output:
  --json                  print the report as JSON instead of a table
  -h, --help              show this help

A request that gets no HTTP answer (DNS failure, connection refused or reset,
TLS failure, timeout, an answer that is not HTTP) makes its checks UNREACHABLE:
nothing was learned about the configuration from it. At most ${MAX_BODY_BYTES / 1024} KiB of each
response body is read. Signed URLs are shown without their query; sending one
to a loopback, private or link-local address prints a warning first.

Exit status:
  0  every check answered and none failed (warnings allowed)
  1  a check failed: the storage is misconfigured (even if others got no answer)
  2  the command line is wrong
  3  no check failed, but some requests got no answer (unreachable)
`;

function pairs(flag: string, list: string[] | undefined): FlagTarget[] {
  return (list ?? []).map((item) => {
    const i = item.indexOf('=');
    if (i <= 0 || i === item.length - 1) throw new UsageError(`verify: '${flag}' takes <role>=<url> (got: ${redactSigned(item)}).`);
    const role = item.slice(0, i);
    const url = item.slice(i + 1);
    assertHttpUrl(flag, url);
    return { role, url };
  });
}

function assertHttpUrl(flag: string, value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`verify: '${flag}' must be an http(s) URL (got: ${redactSigned(value)}).`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new UsageError(`verify: '${flag}' must be an http(s) URL (got: ${redactSigned(value)}).`);
  if (url.username || url.password) throw new UsageError(`verify: '${flag}' must not hold a user name or password (got: ${url.protocol}//…@${url.host}).`);
}

function origin(flag: string, value: string): string {
  try {
    return normalizeOrigin(flag, value);
  } catch (e) {
    throw new UsageError(`verify: ${(e as Error).message}`);
  }
}

/** What the command line asks for. */
export interface VerifyArgs {
  readonly plan?: VerifyPlan;
  readonly json: boolean;
  readonly timeoutMs: number;
  readonly help: boolean;
  readonly allowInsecure: boolean;
}

/** Builds the plan from the command line; exported for tests. */
export function verifyPlanFromArgs(args: string[], io: CliIo): VerifyArgs {
  const { values: f } = parseFlags('verify', {
    args,
    options: {
      'outputs': { type: 'string' },
      'stack': { type: 'string' },
      'prefix': { type: 'string' },
      'target': { type: 'string', multiple: true },
      'replay-prefix': { type: 'string' },
      'public': { type: 'string', multiple: true },
      'private': { type: 'string', multiple: true },
      'endpoint': { type: 'string' },
      'origin': { type: 'string' },
      'other-origin': { type: 'string' },
      'probe-key': { type: 'string' },
      'methods': { type: 'string' },
      'signed-get': { type: 'string', multiple: true },
      'signed-put': { type: 'string' },
      'service': { type: 'string' },
      'timeout': { type: 'string' },
      'allow-insecure': { type: 'boolean' },
      'json': { type: 'boolean' },
      'help': { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  const json = f.json === true;
  const allowInsecure = f['allow-insecure'] === true;
  if (f.help) return { json, timeoutMs: 0, help: true, allowInsecure };

  if (!f.origin) throw new UsageError("verify: '--origin <dashboard origin>' is required (e.g. --origin https://replay.example.com).");
  const dashboard = origin('--origin', f.origin);
  const other = f['other-origin'] ? origin('--other-origin', f['other-origin']) : undefined;
  if (other === dashboard) throw new UsageError("verify: '--other-origin' must differ from '--origin'.");

  const timeoutSeconds = f.timeout === undefined ? DEFAULT_TIMEOUT_MS / 1000 : Number(f.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new UsageError(`verify: '--timeout' must be a positive number of seconds (got: ${f.timeout}).`);
  if (timeoutSeconds > MAX_TIMEOUT_SECONDS) throw new UsageError(`verify: '--timeout' must be at most ${MAX_TIMEOUT_SECONDS} seconds (got: ${f.timeout}).`);

  let service: StorageService | undefined;
  if (f.service !== undefined) {
    if (!['s3', 'azure', 'gcs'].includes(f.service)) throw new UsageError(`verify: '--service' must be s3, azure or gcs (got: ${f.service}).`);
    service = f.service as StorageService;
  }
  if (f.endpoint) assertHttpUrl('--endpoint', f.endpoint);
  if (f['signed-put']) assertHttpUrl('--signed-put', f['signed-put']);
  const signedGet = Object.fromEntries(pairs('--signed-get', f['signed-get']).map((p) => [p.role, p.url]));
  const methods = f.methods?.split(',').map((m) => m.trim().toUpperCase()).filter(Boolean);
  if (methods && methods.length === 0) throw new UsageError("verify: '--methods' takes a list like GET,HEAD.");

  const targets = pairs('--target', f.target);
  if (f['replay-prefix']) {
    assertHttpUrl('--replay-prefix', f['replay-prefix']);
    targets.push({ role: 'userFiles', url: f['replay-prefix'] });
  }
  const common = {
    origin: dashboard,
    otherOrigin: other,
    probeKey: f['probe-key'],
    endpoint: f.endpoint,
    signedGet,
    signedPutUrl: f['signed-put'],
  };

  let plan: VerifyPlan;
  if (f.outputs) {
    if (targets.length > 0) throw new UsageError("verify: use either '--outputs' or '--target'/'--replay-prefix', not both.");
    const source = f.outputs === '-' ? 'stdin' : f.outputs;
    const doc = parseOutputs(readFlagFile(io, '--outputs', f.outputs, `the outputs file (${OUTPUTS_FILE_HOWTO})`), source);
    const instances = selectInstances(doc, source, { stack: f.stack, prefix: f.prefix });
    if (instances.length > 1) {
      throw new OutputsError(`${source} holds ${instances.length} replay-storage constructs (${instances.map((i) => i.label).join(', ')}); pick one with --prefix (and --stack).`);
    }
    plan = planFromInstance(instances[0], common);
    if (methods) plan = { ...plan, methods };
    if (service) plan = { ...plan, service };
  } else {
    if (targets.length === 0) throw new UsageError("verify: say where to look: '--outputs <file>', '--target <role>=<url>' or '--replay-prefix <url>'.");
    plan = planFromTargets(targets, { ...common, publicRoles: f.public, privateRoles: f.private, methods, service });
  }
  for (const role of Object.keys(signedGet)) {
    if (!plan.targets.some((t) => t.role === role)) throw new UsageError(`verify: '--signed-get ${printable(role)}=...' names no checked role (roles: ${plan.targets.map((t) => printable(t.role)).join(', ')}).`);
  }
  return { plan, json, timeoutMs: timeoutSeconds * 1000, help: false, allowInsecure };
}

const EXIT_CODES: Readonly<Record<VerifyStatus, number>> = { ok: EXIT_OK, misconfigured: EXIT_FAILED, unreachable: EXIT_UNREACHABLE };

export async function verifyCommand(args: string[], io: CliIo): Promise<number> {
  const { plan, json, timeoutMs, help, allowInsecure } = verifyPlanFromArgs(args, io);
  if (help || !plan) {
    io.stdout(VERIFY_USAGE);
    return EXIT_OK;
  }
  // Before any request: where the signed URLs (credentials) would go.
  const risks = credentialRisks(plan, allowInsecure);
  if (risks.plainHttp.length > 0 && !allowInsecure) {
    const shown = risks.plainHttp.map((s) => printable(`${s.flag}${redactSigned(s.url)}`)).join(', ');
    throw new UsageError(
      `verify: refusing to send signed URLs over plain http:// (${shown}): the signature would cross the network unencrypted, usable by anyone who sees it until it expires. ` +
        'Use an https:// URL, or pass --allow-insecure (e.g. for a local emulator).',
    );
  }
  for (const warning of risks.warnings) io.stderr(`${warning}\n`);
  const report: VerifyReport = await verify(plan, { timeoutMs });
  io.stdout(json ? renderJson(report) : renderTable(report));
  return EXIT_CODES[report.status];
}
