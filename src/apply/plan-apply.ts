/**
 * What applying documents to the watched directory would do, without doing
 * it: for each document, the file it lands in (the file that already defines
 * the name, else <dir>/<name>.yaml) and whether that is a create, a
 * configure or nothing; plus prunes. Also the field-level differences, for
 * `berth diff`.
 */
import path from 'node:path';
import { loadManifestDir, type DesiredState } from '../manifest/load-manifest-dir.js';
import type { Resource } from '../manifest/types.js';
import type { InputDocument } from './read-apply-input.js';
import { matchesSelector } from './label-selector.js';

export type ApplyChange = 'created' | 'configured' | 'unchanged' | 'pruned';

export interface PlannedWrite {
  kind: Resource['kind'];
  name: string;
  change: ApplyChange;
  /** Absolute path of the file that will hold the document. */
  file: string;
  /** The new document text; undefined for prunes. */
  text?: string;
  before?: Resource;
  after?: Resource;
  differences: string[];
}

/** Comparable content of a resource: everything but where it came from. */
function comparable(resource: Resource): unknown {
  return { kind: resource.kind, metadata: resource.metadata, spec: resource.spec };
}

function leafDiffs(before: unknown, after: unknown, prefix: string, out: string[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const a = before as Record<string, unknown>;
    const b = after as Record<string, unknown>;
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) leafDiffs(a[key], b[key], prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  const show = (v: unknown) => (v === undefined ? '<none>' : JSON.stringify(v));
  out.push(`${prefix}: ${show(before)} → ${show(after)}`);
}

export function describeDifferences(before: Resource | undefined, after: Resource | undefined): string[] {
  const out: string[] = [];
  leafDiffs(before ? comparable(before) : undefined, after ? comparable(after) : undefined, '', out);
  return out;
}

export function resourceRef(resource: { kind: Resource['kind']; name: string }): string {
  return `${resource.kind === 'App' ? 'app' : 'portclaim'}/${resource.name}`;
}

export interface PlanApplyOptions {
  dir: string;
  /** `--prune -l k=v`: manifests in dir with these labels that the input lacks are pruned. */
  pruneSelector?: Record<string, string>;
}

export async function planApply(documents: InputDocument[], { dir, pruneSelector }: PlanApplyOptions): Promise<{ writes: PlannedWrite[]; current: DesiredState }> {
  const current = await loadManifestDir(dir, { missingOk: true });
  const fileOf = (resource: Resource) => path.resolve(resource.source.file);
  const writes: PlannedWrite[] = documents.map((doc) => {
    const name = doc.resource.metadata.name;
    const before = current.resources.get(name);
    const file = before ? fileOf(before) : path.join(dir, `${name}.yaml`);
    const differences = describeDifferences(before, doc.resource);
    const change: ApplyChange = !before ? 'created' : differences.length ? 'configured' : 'unchanged';
    return { kind: doc.resource.kind, name, change, file, text: doc.text, before, after: doc.resource, differences };
  });
  if (pruneSelector) {
    const applied = new Set(documents.map((d) => d.resource.metadata.name));
    for (const [name, resource] of current.resources) {
      if (applied.has(name) || !matchesSelector(resource.metadata.labels, pruneSelector)) continue;
      writes.push({ kind: resource.kind, name, change: 'pruned', file: fileOf(resource), before: resource, differences: describeDifferences(resource, undefined) });
    }
  }
  return { writes, current };
}
