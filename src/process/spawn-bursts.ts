/**
 * Spawns asked for during one event-loop turn go out back to back in that
 * turn's check phase (setImmediate), instead of one per promise continuation
 * with an instance's bookkeeping in between.
 *
 * Why: fork() write-protects every private page of the controller, and each
 * page it writes before the next fork faults once more. With an instance's
 * bookkeeping (xstate, SQLite, log files) between two forks, 1000 `sleep`
 * spawns cost the controller ~255k minor faults; back to back ~115k, and
 * ~0.3 s less system time (bench/analysis.md). A caller records what must
 * exist before its process (the spawn marker) before asking, so deferring
 * the fork to the end of the turn keeps that order.
 */

/**
 * Wraps `spawn` so the calls of one turn run together, in the order asked.
 *
 * @example const spawn = inBursts(spawnProcess); await Promise.all([spawn(a), spawn(b)]); // one burst: a then b
 */
export function inBursts<Request, Spawned>(spawn: (request: Request) => Promise<Spawned>, defer: (run: () => void) => void = setImmediate): (request: Request) => Promise<Spawned> {
  let burst: Array<() => void> = [];
  const run = () => {
    const now = burst;
    burst = [];
    for (const start of now) start();
  };
  return (request) =>
    new Promise<Spawned>((resolve, reject) => {
      if (burst.length === 0) defer(run);
      burst.push(() => {
        // an adapter that throws instead of rejecting must not stop the rest of the burst
        try {
          spawn(request).then(resolve, reject);
        } catch (err) {
          reject(err);
        }
      });
    });
}
