/**
 * Reloads of the manifest directory, one at a time. A reload reads the whole
 * folder, so a call made while another reload waits its turn joins that one:
 * it starts after the call and sees what the call was about. (The 500 files
 * of one apply fired ~30 watcher events; each queued a read of every file,
 * and the reads ran on into the next command.)
 *
 * @example
 * const reloads = new ReloadQueue((options) => loadDesired(options));
 * reloads.request({});             // runs now
 * reloads.request({});             // waits for the first
 * reloads.request({ graceMs: 0 }); // joins the second, which now runs with graceMs 0
 * reloads.request({ only: file });  // joins it too; it still reads every file
 */
export interface ReloadOptions {
  /** How long a vanished file's apps are held (VanishGrace); the smallest asked for wins. */
  graceMs?: number;
  /**
   * The one file known to have changed: it alone is read, the others are
   * taken as the last read found them. Joined with a call that names another
   * file or none, the reload reads everything.
   */
  only?: string;
}

export class ReloadQueue {
  private tail: Promise<void> = Promise.resolve();
  private waiting?: { options: ReloadOptions; done: Promise<void> };

  constructor(private readonly load: (options: ReloadOptions) => Promise<void>) {}

  /** Resolves once a reload that started after this call has finished; rejects as that reload did. */
  request(options: ReloadOptions = {}): Promise<void> {
    const { graceMs, only } = options;
    if (this.waiting) {
      const merged = this.waiting.options;
      if (graceMs !== undefined) merged.graceMs = Math.min(graceMs, merged.graceMs ?? graceMs);
      if (merged.only !== only) delete merged.only;
      return this.waiting.done;
    }
    const next = { options: { ...options }, done: Promise.resolve() };
    next.done = this.tail.then(() => {
      this.waiting = undefined;
      return this.load(next.options);
    });
    this.waiting = next;
    this.tail = next.done.catch(() => undefined);
    return next.done;
  }

  /** Resolves (never rejects) once every reload asked for so far has run. */
  idle(): Promise<void> {
    return this.tail;
  }
}
