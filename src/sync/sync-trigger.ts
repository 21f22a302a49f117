/**
 * `berth sync --now NAME` asks a running loop for an immediate sync by
 * creating `<home>/sync/<name>/trigger`; the loop polls for the file every
 * second and deletes it when it starts the sync. A file rather than a socket
 * or a signal: it needs no running controller, no PID, and a request made
 * while no loop runs is simply picked up by the next one.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { triggerFile } from './sync-paths.js';

/** @example await requestSyncNow('/srv/.berth', 'infra'); */
export async function requestSyncNow(home: string, name: string): Promise<void> {
  const file = triggerFile(home, name);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${new Date().toISOString()}\n`);
}

/** True when a request was waiting (and is now consumed). */
export async function consumeSyncRequest(home: string, name: string): Promise<boolean> {
  try {
    await rm(triggerFile(home, name));
    return true;
  } catch {
    return false;
  }
}
