/**
 * Starts, reloads and restarts asked for (`berth start|reload|restart`) and
 * not yet carried out: inputs of the next plan of the app, per instance
 * index. A reconcile takes a snapshot, plans with it, and settles what it
 * carried out; a request that arrives meanwhile stays for the next run, and
 * a failed reconcile retries what is left. In memory: a controller that dies
 * mid-reload has nothing to resume (the processes run on).
 */
export type RolloutKind = 'reload' | 'restart' | 'start';

export type RolloutSnapshot = ReadonlyMap<number, RolloutKind>;

const STRENGTH: Record<RolloutKind, number> = { start: 0, restart: 1, reload: 2 };

/** The indexes of a snapshot asked for `kind`. */
export function indexesFor(snapshot: RolloutSnapshot, kind: RolloutKind): Set<number> {
  return new Set([...snapshot].filter(([, k]) => k === kind).map(([index]) => index));
}

export class RolloutRequests {
  private readonly pending = new Map<string, Map<number, RolloutKind>>();

  /** Asks for every index in `indexes`; a reload wins over a restart, which wins over a start. */
  request(app: string, kind: RolloutKind, indexes: Iterable<number>): void {
    let byIndex = this.pending.get(app);
    if (!byIndex) this.pending.set(app, (byIndex = new Map()));
    for (const index of indexes) {
      const asked = byIndex.get(index);
      if (asked === undefined || STRENGTH[kind] > STRENGTH[asked]) byIndex.set(index, kind);
    }
  }

  /** What is asked for `app` now, to plan with. */
  snapshot(app: string): RolloutSnapshot {
    return new Map(this.pending.get(app));
  }

  /** The request for `index` was carried out (or found nothing to do), unless a newer one replaced it. */
  done(app: string, index: number, kind: RolloutKind | undefined): void {
    const byIndex = this.pending.get(app);
    if (kind === undefined || byIndex?.get(index) !== kind) return;
    byIndex.delete(index);
    if (byIndex.size === 0) this.pending.delete(app);
  }

  /** Every request of a snapshot the reconcile planned with is done. */
  settle(app: string, snapshot: RolloutSnapshot): void {
    for (const [index, kind] of snapshot) this.done(app, index, kind);
  }

  forget(app: string): void {
    this.pending.delete(app);
  }
}
