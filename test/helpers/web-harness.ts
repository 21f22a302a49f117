/**
 * A controller with the dashboard on (`berth up --web` on a free loopback
 * port) running app `web`: 2 instances on a range of 3 ports (room to scale
 * to 3), both online. Cleaned up when the test ends.
 */
import type { TestContext } from 'node:test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BerthHarness, helloApp, type InstanceRow } from './berth-harness.js';
import { freePort, freePortRange } from './free-ports.js';

export const onlineOf = (rows: InstanceRow[], app = 'web') => rows.filter((r) => r.app === app && r.status === 'online' && r.pid !== null);

export async function startWebApp(t: TestContext): Promise<{ berth: BerthHarness; webPort: number; base: number; rows: InstanceRow[]; token: string }> {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const webPort = await freePort();
  await berth.up(['--web', `127.0.0.1:${webPort}`]);
  const base = await freePortRange(3);
  await berth.writeManifest('web.yaml', helloApp({ name: 'web', instances: 2, port: `${base}-${base + 2}` }));
  const rows = await berth.waitFor((r) => onlineOf(r).length === 2, 'web online');
  const token = (await readFile(path.join(berth.home, 'web-token'), 'utf8')).trim();
  return { berth, webPort, base, rows, token };
}
