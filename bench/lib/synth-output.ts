import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One synthesized resource: its type, logical id and construct path. */
export interface SynthResource {
  readonly type: string;
  readonly logicalId: string;
  readonly path: string;
}

/** What an app synthesized, per stack. */
export interface SynthStack {
  readonly name: string;
  readonly resources: SynthResource[];
  readonly outputs: string[];
  /** The document with run-specific parts removed, for comparing two apps. */
  readonly normalized: unknown;
}

/** Reads every CloudFormation template of a cloud assembly. */
export function readCdkOut(dir: string): SynthStack[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.template.json'))
    .sort()
    .map((f) => {
      const t = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      const resources: SynthResource[] = Object.entries<any>(t.Resources ?? {}).map(([id, r]) => ({
        type: r.Type,
        logicalId: id,
        path: r.Metadata?.['aws:cdk:path'] ?? '',
      }));
      const normalized = JSON.parse(JSON.stringify(t));
      // CDK analytics name the construct classes in use, which is the point of the comparison, not a resource.
      for (const [id, r] of Object.entries<any>(normalized.Resources ?? {})) if (r.Type === 'AWS::CDK::Metadata') delete normalized.Resources[id];
      return { name: f.replace(/\.template\.json$/, ''), resources, outputs: Object.keys(t.Outputs ?? {}), normalized };
    });
}

/** Reads every stack of a cdktf.out folder. */
export function readCdktfOut(dir: string): SynthStack[] {
  const stacks = join(dir, 'stacks');
  if (!existsSync(stacks)) return [];
  return readdirSync(stacks)
    .sort()
    .map((name) => {
      const t = JSON.parse(readFileSync(join(stacks, name, 'cdk.tf.json'), 'utf8'));
      const resources: SynthResource[] = [];
      for (const [type, byId] of Object.entries<any>(t.resource ?? {})) {
        for (const [id, r] of Object.entries<any>(byId)) resources.push({ type, logicalId: id, path: r['//']?.metadata?.path ?? '' });
      }
      const normalized = JSON.parse(JSON.stringify(t));
      // The local backend's state path is the app's working directory.
      if (normalized.terraform?.backend?.local) delete normalized.terraform.backend.local.path;
      return { name, resources, outputs: Object.keys(t.output ?? {}), normalized };
    });
}

/** `AWS::S3::Bucket x5, ...` */
export function countByType(resources: SynthResource[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of resources) m.set(r.type, (m.get(r.type) ?? 0) + 1);
  return new Map([...m.entries()].sort((a, b) => a[0].localeCompare(b[0])));
}

export function formatCounts(counts: Map<string, number>): string {
  return [...counts.entries()].map(([t, n]) => `${t} ${n}`).join(', ');
}

/** Paths where two JSON documents differ (at most `limit`). */
export function jsonDiff(a: unknown, b: unknown, limit = 5, path = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return [path || '/'];
  }
  const out: string[] = [];
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  for (const k of keys) {
    out.push(...jsonDiff((a as any)[k], (b as any)[k], limit - out.length, `${path}/${k}`));
    if (out.length >= limit) break;
  }
  return out;
}
