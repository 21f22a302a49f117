/**
 * Reloads and restarts asked for (`berth reload`, `berth restart`) and not
 * yet carried out: inputs of the next plan of the app, per instance index.
 * An index leaves once its replacement or restart was done, so a failed
 * reconcile retries what is left. In memory: a controller that dies
 * mid-reload has nothing to resume (the processes run on).
 */
export type RolloutKind = 'reload' | 'restart';

export class RolloutRequests {
  private readonly pending = new Map<string, Map<number, RolloutKind>>();

  /** Asks for every index in `indexes`; a reload wins over a restart of the same index. */
  request(app: string, kind: RolloutKind, indexes: Iterable<number>): void {
    let byIndex = this.pending.get(app);
    if (!byIndex) this.pending.set(app, (byIndex = new Map()));
    for (const index of indexes) if (byIndex.get(index) !== 'reload') byIndex.set(index, kind);
  }

  /** The indexes of `app` waiting for `kind`. */
  of(app: string, kind: RolloutKind): Set<number> {
    return new Set([...(this.pending.get(app) ?? [])].filter(([, k]) => k === kind).map(([index]) => index));
  }

  /** The index was replaced, restarted, started fresh or removed: nothing left to do for it. */
  done(app: string, index: number): void {
    const byIndex = this.pending.get(app);
    byIndex?.delete(index);
    if (byIndex?.size === 0) this.pending.delete(app);
  }

  forget(app: string): void {
    this.pending.delete(app);
  }
}
