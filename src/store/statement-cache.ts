/**
 * Keeps every prepared statement of a connection: better-sqlite3's
 * `prepare()` parses and plans its SQL on each call, and the tables run the
 * same few statements over and over (several per spawn, one per status
 * change). At 1000 instances the re-preparing was ~8 % of the controller's
 * CPU while they started (bench/RESULTS.md). The SQL texts are the tables'
 * own constants (plus the column sets of an update), so the cache stays
 * small. A statement is only run (`run`, `get`, `all`), never iterated or
 * switched to pluck/raw mode, so sharing one is safe.
 */
import type Database from 'better-sqlite3';

/** Makes `db.prepare(sql)` return the statement prepared the first time for that text. */
export function cachePreparedStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = prepare(sql)));
    return statement;
  }) as typeof db.prepare;
}
