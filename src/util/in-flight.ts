/**
 * Work still running that a shutdown must wait out (to settle, not to
 * succeed): a spawn that was opening its log files when the controller
 * detached still writes the store and the log folder until it gives up.
 *
 * @example const spawning = new InFlight(); spawning.track(spawnInstance(...)); ...; await spawning.settled();
 */
export class InFlight {
  private readonly running = new Set<Promise<void>>();

  /** Counts `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
    return work;
  }

  /** Resolves once everything tracked, also what was tracked meanwhile, has settled. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
