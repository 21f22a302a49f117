/**
 * Foreground commands (`logs -f`, `sync` loop) run until Ctrl-C or SIGTERM,
 * then clean up and return normally instead of being killed mid-write.
 */

/**
 * Resolves with the first of `signals` the process receives. Until then the
 * default action (exit) is replaced by this wait; afterwards every listener
 * it added is removed, so a later signal acts as usual again. It does not
 * keep the event loop alive: the work it waits beside does.
 *
 * @example const signal = await waitForSignal(); stop(); // 'SIGINT' after Ctrl-C
 */
export function waitForSignal(signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const done = (signal: NodeJS.Signals) => {
      for (const s of signals) process.off(s, done);
      resolve(signal);
    };
    for (const s of signals) process.on(s, done);
  });
}
