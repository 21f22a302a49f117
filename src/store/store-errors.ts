/**
 * A state.db SQLite cannot read as a database: one line naming the file and
 * the way out, whatever command met it (SPEC "Faults"). `berth down` still
 * stops the apps without it (by their spawn markers).
 */
import { BerthError } from '../errors.js';

const CORRUPTION = /^SQLITE_(CORRUPT|NOTADB)/;

/** SQLITE_CORRUPT (and its extended codes), SQLITE_NOTADB, or already a StoreCorruptError. */
export function isCorruption(err: unknown): boolean {
  if (err instanceof StoreCorruptError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CORRUPTION.test(code);
}

export class StoreCorruptError extends BerthError {
  constructor(readonly file: string, detail: string, options: { cause?: unknown } = {}) {
    super('STORE_CORRUPT', `${file} is corrupt (${detail}); move it away to start fresh: mv ${file} ${file}.corrupt (\`berth down\` still stops the apps)`, options);
  }
}

/** The error as a StoreCorruptError of `file` when it is corruption, else unchanged. */
export function asStoreError(err: unknown, file: string): unknown {
  if (err instanceof StoreCorruptError || !isCorruption(err)) return err;
  return new StoreCorruptError(file, (err as Error).message, { cause: err });
}
