/**
 * `apply --wait` and `delete`: wait until the controller has reconciled the
 * written manifests (observedGeneration caught up and Ready, or the app gone).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiClient } from '../api/api-client.js';
import { BerthError } from '../errors.js';

export async function waitForApps(home: string, names: { name: string; gone: boolean }[], timeoutMs: number): Promise<void> {
  const client = new ApiClient(home);
  if (!(await client.isRunning())) return;
  await client.reconcileNow();
  const deadline = Date.now() + timeoutMs;
  const pending = new Map(names.map((n) => [n.name, n.gone]));
  let last = '';
  while (pending.size > 0) {
    for (const [name, gone] of [...pending]) {
      try {
        const info = await client.appInfo(name);
        last = `${name}: ${info.conditions.find((c) => c.type === 'Ready')?.message ?? 'not reconciled yet'}`;
        const ready = info.conditions.find((c) => c.type === 'Ready')?.status === 'True';
        if (!gone && ready && info.observedGeneration >= info.generation) pending.delete(name);
      } catch (err) {
        if (err instanceof BerthError && err.code === 'NOT_FOUND') {
          if (gone) pending.delete(name);
          else last = `${name}: not reconciled yet`;
        } else throw err;
      }
    }
    if (pending.size === 0) return;
    if (Date.now() > deadline) throw new BerthError('INTERNAL', `timed out after ${timeoutMs} ms waiting for ${[...pending.keys()].join(', ')} (${last})`);
    await sleep(100);
  }
}
