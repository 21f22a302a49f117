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
  const checkReady = async (name: string): Promise<void> => {
    try {
      const info = await client.appInfo(name);
      last = `${name}: ${info.conditions.find((c) => c.type === 'Ready')?.message ?? 'not reconciled yet'}`;
      const ready = info.conditions.find((c) => c.type === 'Ready')?.status === 'True';
      if (ready && info.observedGeneration >= info.generation) pending.delete(name);
    } catch (err) {
      if (err instanceof BerthError && err.code === 'NOT_FOUND') last = `${name}: not reconciled yet`;
      else throw err;
    }
  };
  while (pending.size > 0) {
    // Apps that must be gone: one list per round, however many (a delete -f of 500 documents asked 500 times).
    if ([...pending.values()].some((gone) => gone)) {
      const known = new Set((await client.listApps()).apps.map((a) => a.name));
      for (const [name, gone] of [...pending]) {
        if (!gone) continue;
        if (known.has(name)) last = `${name}: still there`;
        else pending.delete(name);
      }
    }
    // a few requests in flight at once: 500 apps one by one took a second per round
    const queue = [...pending].filter(([, gone]) => !gone).map(([name]) => name);
    await Promise.all(Array.from({ length: Math.min(8, queue.length) }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await checkReady(next);
    }));
    if (pending.size === 0) return;
    if (Date.now() > deadline) throw new BerthError('INTERNAL', `timed out after ${timeoutMs} ms waiting for ${[...pending.keys()].join(', ')} (${last})`);
    await sleep(100);
  }
}
