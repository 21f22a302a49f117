// Waits for "all online" by reading berth's store from the benchmark process
// (read-only; SQLite's WAL lets a reader look while the controller writes),
// so that watching costs the controller nothing, as watching /proc costs PM2's
// daemon nothing and the floor's 'spawn' events cost its loop nothing. Asking
// the API instead (GET /v1/instances every 100 ms) cost the controller 10-14 ms
// a poll at 1000 instances (every instance's view, samples refreshed): a tenth
// of the burst being timed. An instance's row is written in the same turn as
// its status changes (src/instance/row-writer.ts), so the store is not late.
import path from 'node:path';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

const ONLINE = "SELECT count(*) AS n FROM instances WHERE status = 'online' AND pid IS NOT NULL";

/** Polls `<home>/state.db` until `n` instances are online with a pid; returns ms since `t0`. */
export async function waitAllOnlineInStore(home, n, { t0 = performance.now(), pollMs = 20, timeoutMs = 10 * 60_000 } = {}) {
  const file = path.join(home, 'state.db');
  let db;
  let online;
  try {
    for (;;) {
      if (!db && existsSync(file)) {
        db = new Database(file, { readonly: true, fileMustExist: true, timeout: 1_000 });
        online = db.prepare(ONLINE);
      }
      if (online && online.get().n >= n) return performance.now() - t0;
      if (performance.now() - t0 > timeoutMs) throw new Error(`${n} instances not online after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, pollMs));
    }
  } finally {
    db?.close();
  }
}
