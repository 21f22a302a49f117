/**
 * The live log tail of one instance for the dashboard: its last lines, then
 * every new line as it is written (the same tail -F `berth logs -f` uses).
 */
import path from 'node:path';
import type { Store } from '../store/store.js';
import type { LogSpec } from '../manifest/types.js';
import { followLogs, readLogTail, type LogLine } from '../process/read-logs.js';
import { NotFoundError } from '../errors.js';

/** Browsers choke on megabyte lines; a tail is for reading. */
const MAX_LINE = 4_096;

export interface LogStreamOptions {
  store: Store;
  home: string;
  app: string;
  index: number;
  lines?: number;
  pollMs?: number;
  onLine: (line: { stream: 'out' | 'err'; line: string }) => void;
  onError?: (err: unknown) => void;
}

/** Sends the tail, then follows. Returns the stop function. */
export async function streamInstanceLogs({ store, home, app, index, lines = 200, pollMs = 500, onLine, onError = () => {} }: LogStreamOptions): Promise<() => void> {
  const record = store.apps.get(app);
  if (!record || record.kind !== 'App') throw new NotFoundError(`app "${app}"`);
  const target = { app, index, logDir: path.join(home, 'logs'), logs: (record.resource.spec as { logs?: LogSpec }).logs };
  const send = ({ stream, line }: LogLine) => onLine({ stream, line: line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line });
  // Follow from the current end first, so no line falls between the tail and the follow.
  let backlog: LogLine[] | undefined = [];
  const stop = followLogs(target, (line) => (backlog ? backlog.push(line) : send(line)), { pollMs, onError });
  try {
    for (const line of await readLogTail(target, lines)) send(line);
  } catch (err) {
    stop();
    throw err;
  }
  for (const line of backlog) send(line);
  backlog = undefined;
  return stop;
}
