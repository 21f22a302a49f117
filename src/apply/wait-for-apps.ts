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
  const check = async (name: string, gone: boolean): Promise<void> => {
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
  };
  while (pending.size > 0) {
    // a few requests in flight at once: 500 apps one by one took a second per round
    const queue = [...pending];
    await Promise.all(Array.from({ length: Math.min(8, queue.length) }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await check(...next);
    }));
    if (pending.size === 0) return;
    if (Date.now() > deadline) throw new BerthError('INTERNAL', `timed out after ${timeoutMs} ms waiting for ${[...pending.keys()].join(', ')} (${last})`);
    await sleep(100);
  }
}
