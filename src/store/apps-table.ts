/**
 * The apps table: per App or PortClaim, the last good spec the controller
 * accepted, its generation (bumped on every spec change) and the generation
 * the controller last reconciled, runtime stop/start, and conditions.
 */
import type { Db } from './open-store.js';
import type { Resource } from '../manifest/types.js';

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface Condition {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
  lastTransitionTime: string;
}

export interface AppRecord {
  name: string;
  kind: Resource['kind'];
  source: string;
  resource: Resource;
  specHash: string;
  labels: Record<string, string>;
  generation: number;
  observedGeneration: number;
  desiredState: 'running' | 'stopped';
  conditions: Condition[];
  createdAt: number;
  updatedAt: number;
}

interface AppRow {
  name: string;
  kind: Resource['kind'];
  source: string;
  spec: string;
  spec_hash: string;
  labels: string;
  generation: number;
  observed_generation: number;
  desired_state: 'running' | 'stopped';
  conditions: string;
  created_at: number;
  updated_at: number;
}

function fromRow(row: AppRow): AppRecord {
  return {
    name: row.name,
    kind: row.kind,
    source: row.source,
    resource: JSON.parse(row.spec) as Resource,
    specHash: row.spec_hash,
    labels: JSON.parse(row.labels) as Record<string, string>,
    generation: row.generation,
    observedGeneration: row.observed_generation,
    desiredState: row.desired_state,
    conditions: JSON.parse(row.conditions) as Condition[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What counts as a spec change for `generation`: anything but metadata and the source position. */
function specFingerprint(resource: Resource): string {
  return JSON.stringify({ spec: resource.spec, hash: resource.specHash });
}

export class AppsTable {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  list(): AppRecord[] {
    return (this.db.prepare('SELECT * FROM apps ORDER BY name').all() as AppRow[]).map(fromRow);
  }

  /** Each app's name and the file it came from, without parsing its spec. */
  sources(): { name: string; source: string }[] {
    return this.db.prepare('SELECT name, source FROM apps ORDER BY name').all() as { name: string; source: string }[];
  }

  get(name: string): AppRecord | undefined {
    const row = this.db.prepare('SELECT * FROM apps WHERE name = ?').get(name) as AppRow | undefined;
    return row && fromRow(row);
  }

  /**
   * Records a resource as the last good spec; bumps generation when the spec
   * changed. Returns the record and whether it was created or its spec changed.
   */
  upsert(resource: Resource): { record: AppRecord; change: 'created' | 'configured' | 'unchanged' } {
    const existing = this.get(resource.metadata.name);
    const now = this.now();
    const spec = JSON.stringify(resource);
    const labels = JSON.stringify(resource.metadata.labels);
    if (!existing) {
      this.db
        .prepare('INSERT INTO apps (name, kind, source, spec, spec_hash, labels, generation, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)')
        .run(resource.metadata.name, resource.kind, resource.source.file, spec, resource.specHash, labels, now, now);
      return { record: this.get(resource.metadata.name)!, change: 'created' };
    }
    const specChanged = existing.kind !== resource.kind || specFingerprint(existing.resource) !== specFingerprint(resource);
    const anyChange = specChanged || spec !== JSON.stringify(existing.resource);
    if (!anyChange) return { record: existing, change: 'unchanged' };
    this.db
      .prepare('UPDATE apps SET kind = ?, source = ?, spec = ?, spec_hash = ?, labels = ?, generation = generation + ?, updated_at = ? WHERE name = ?')
      .run(resource.kind, resource.source.file, spec, resource.specHash, labels, specChanged ? 1 : 0, now, resource.metadata.name);
    return { record: this.get(resource.metadata.name)!, change: specChanged ? 'configured' : 'unchanged' };
  }

  delete(name: string): void {
    this.db.prepare('DELETE FROM apps WHERE name = ?').run(name);
  }

  setObservedGeneration(name: string, generation: number): void {
    this.db.prepare('UPDATE apps SET observed_generation = ? WHERE name = ?').run(generation, name);
  }

  setDesiredState(name: string, state: 'running' | 'stopped'): void {
    this.db.prepare('UPDATE apps SET desired_state = ?, updated_at = ? WHERE name = ?').run(state, this.now(), name);
  }

  /**
   * Sets one condition, keeping lastTransitionTime when the status did not
   * change (Kubernetes semantics). Returns true when anything changed.
   */
  setCondition(name: string, condition: Omit<Condition, 'lastTransitionTime'>): boolean {
    // Only the conditions are read: a reconcile sets several, and the whole row's spec was parsed for each.
    const row = this.db.prepare('SELECT conditions FROM apps WHERE name = ?').get(name) as Pick<AppRow, 'conditions'> | undefined;
    if (!row) return false;
    const current = JSON.parse(row.conditions) as Condition[];
    const previous = current.find((c) => c.type === condition.type);
    if (previous && previous.status === condition.status && previous.reason === condition.reason && previous.message === condition.message) return false;
    const lastTransitionTime = previous && previous.status === condition.status ? previous.lastTransitionTime : new Date(this.now()).toISOString();
    const conditions = [...current.filter((c) => c.type !== condition.type), { ...condition, lastTransitionTime }];
    this.db.prepare('UPDATE apps SET conditions = ? WHERE name = ?').run(JSON.stringify(conditions), name);
    return true;
  }
}
