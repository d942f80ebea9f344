import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAIRS, type OverheadResult } from './overhead';
import { synthApp, type Cloud } from '../lib/apps';
import { ensureOk } from '../lib/measure';
import { cfnCheckSetting, OUT, ROOT } from '../lib/paths';
import { verdict, type Report } from '../lib/report';
import { countByType, formatCounts, readCdkOut, readCdktfOut, type SynthStack } from '../lib/synth-output';

/** CloudFormation types that run code in the account at deploy time. */
const CUSTOM_RESOURCE = /^(Custom::|AWS::CloudFormation::CustomResource$|AWS::Lambda::)/;
/** Terraform constructs that run code on the machine applying the plan. */
const TF_CODE_RUNNERS = ['null_resource', 'terraform_data'];

function readOut(cloud: Cloud, outdir: string): SynthStack[] {
  return cloud === 'aws' ? readCdkOut(outdir) : readCdktfOut(outdir);
}

/** Resources under `<stack>/<constructId>/`. */
function constructCounts(stacks: SynthStack[], constructId: string): { text: string; total: number } {
  const own = stacks.flatMap((s) => s.resources.filter((r) => r.path.split('/')[1] === constructId));
  return { text: formatCounts(countByType(own)), total: own.length };
}

/** Code-running resources anywhere in the app, with their construct paths. */
function codeRunners(cloud: Cloud, outdir: string, stacks: SynthStack[]): string[] {
  if (cloud === 'aws') {
    return stacks.flatMap((s) => s.resources.filter((r) => CUSTOM_RESOURCE.test(r.type)).map((r) => `${r.type} at ${r.path}`));
  }
  const found: string[] = [];
  for (const s of stacks) {
    for (const r of s.resources) if (TF_CODE_RUNNERS.includes(r.type)) found.push(`${r.type} at ${r.path}`);
    const text = readFileSync(join(outdir, 'stacks', s.name, 'cdk.tf.json'), 'utf8');
    if (/"provisioner"/.test(text)) found.push(`provisioner block in ${s.name}`);
    if (/"external"/.test(text)) found.push(`external data source in ${s.name}`);
  }
  return found;
}

export async function deployedFootprint(report: Report, overheadResults?: OverheadResult[]): Promise<void> {
  report.heading(2, 'Deployed footprint');
  report.paragraph(
    'Resources each construct adds (counted by type under the construct\'s path in the synthesized template / cdk.tf.json), ' +
      'with only its required props (bench/apps/defaults-<cloud>.ts) and as the examples configure it. AWS synthesized with the CloudFormation check ' +
      `${cfnCheckSetting(join(ROOT, 'examples', 'aws-openreplay')).on ? 'on' : 'off'}. ` +
      'Code-running resources searched in the whole app: AWS `Custom::*`, `AWS::CloudFormation::CustomResource`, `AWS::Lambda::*`; ' +
      'Terraform `null_resource`, `terraform_data`, provisioners and `external` data sources. Target: zero Lambda-backed custom resources by default.',
  );
  const rows: string[][] = [];
  for (const cloud of ['aws', 'gcp', 'azure'] as const) {
    const outdir = join(OUT, 'deployed', `defaults-${cloud}`);
    ensureOk(await synthApp({ cloud, dir: join(ROOT, 'bench', 'apps'), entry: `defaults-${cloud}.ts`, outdir }), `defaults-${cloud}`);
    const defaults = readOut(cloud, outdir);
    const runners = codeRunners(cloud, outdir, defaults);
    for (const pair of PAIRS.filter((p) => p.cloud === cloud)) {
      const measured = overheadResults?.find((r) => r.pair.name === pair.name);
      const exampleOut = measured?.exampleOutdir ?? join(OUT, 'deployed', pair.name);
      let exampleStacks = measured?.exampleStacks;
      if (!exampleStacks) {
        const exampleDir = join(ROOT, 'examples', pair.name);
        ensureOk(await synthApp({ cloud, dir: exampleDir, outdir: exampleOut, cdkJsonDir: exampleDir }), pair.name);
        exampleStacks = readOut(cloud, exampleOut);
      }
      const exampleRunners = codeRunners(cloud, exampleOut, exampleStacks);
      const d = constructCounts(defaults, pair.constructId);
      const e = constructCounts(exampleStacks, pair.constructId);
      rows.push([
        `${cloud} ${pair.constructId}Storage`,
        `${d.total}: ${d.text}`,
        `${e.total}: ${e.text}`,
        runners.length || exampleRunners.length ? [...runners, ...exampleRunners].join('; ') : 'none',
      ]);
    }
    report.figure({
      section: 'Deployed',
      figure: `${cloud}: Lambda-backed custom resources / code runners by default`,
      value: runners.length ? runners.join('; ') : '0',
      target: '0',
      verdict: verdict(runners.length === 0),
    });
  }
  report.table(['construct', 'resources, required props only', 'resources, as in the example', 'custom resources / code runners'], rows);
}
