/**
 * The status of every sync source as users and `berth info` see it: the
 * last fetched and applied revisions and a Ready condition, True when the
 * applied revision is the fetched one and the last sync had no error (Argo
 * CD's Synced, Flux's Ready).
 */
import type { Store } from '../store/store.js';
import type { SyncRevision, SyncSourceRecord, SyncSourceSettings } from '../store/sync-table.js';
import { shortRev } from './sync-error.js';

export interface SyncRevisionStatus {
  rev: string;
  shortRev: string;
  subject: string;
  /** ISO 8601 */
  at: string;
}

export interface SyncCondition {
  type: 'Ready';
  status: 'True' | 'False';
  reason: 'Synced' | 'SyncFailed' | 'OutOfSync' | 'NotSynced';
  message: string;
}

export interface SyncStatus extends SyncSourceSettings {
  /** The branch asked for, else the one the remote's HEAD resolved to, else null. */
  branch: string | null;
  suspended: boolean;
  lastFetched: SyncRevisionStatus | null;
  lastApplied: SyncRevisionStatus | null;
  lastError: { message: string; at: string } | null;
  conditions: SyncCondition[];
}

function revisionStatus(revision: SyncRevision | null): SyncRevisionStatus | null {
  return revision && { rev: revision.rev, shortRev: shortRev(revision.rev), subject: revision.subject, at: new Date(revision.at).toISOString() };
}

function readyCondition(source: SyncSourceRecord): SyncCondition {
  const { lastFetched, lastApplied, lastError } = source;
  if (lastError) return { type: 'Ready', status: 'False', reason: 'SyncFailed', message: lastError.message };
  if (!lastFetched || !lastApplied) return { type: 'Ready', status: 'False', reason: 'NotSynced', message: 'not synced yet' };
  if (lastFetched.rev !== lastApplied.rev) {
    return { type: 'Ready', status: 'False', reason: 'OutOfSync', message: `fetched ${shortRev(lastFetched.rev)}, applied ${shortRev(lastApplied.rev)}` };
  }
  return { type: 'Ready', status: 'True', reason: 'Synced', message: `applied ${shortRev(lastApplied.rev)} "${lastApplied.subject}"` };
}

/** @example readSyncStatus(store).find((s) => s.name === 'infra')?.conditions[0]?.status === 'True' */
export function toSyncStatus(source: SyncSourceRecord): SyncStatus {
  return {
    name: source.name,
    repo: source.repo,
    branch: source.branch ?? source.resolvedBranch,
    path: source.path,
    dir: source.dir,
    intervalMs: source.intervalMs,
    selfHeal: source.selfHeal,
    allowEmpty: source.allowEmpty,
    suspended: source.suspended,
    lastFetched: revisionStatus(source.lastFetched),
    lastApplied: revisionStatus(source.lastApplied),
    lastError: source.lastError && { message: source.lastError.message, at: new Date(source.lastError.at).toISOString() },
    conditions: [readyCondition(source)],
  };
}

/**
 * Every source, by name. Read-only: safe from the CLI while a loop runs.
 *
 * @example for (const s of readSyncStatus(store)) console.log(s.name, s.lastApplied?.shortRev, s.conditions[0].status);
 */
export function readSyncStatus(store: Store): SyncStatus[] {
  return store.sync.list().map(toSyncStatus);
}
