// SPEC "Faults": symlinked files and folders in the manifest directory are
// followed (sites-enabled style); cycles are detected and reported, never
// walked (the review saw a controller grow to 4 GB on one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BerthHarness, sleeperApp } from '../helpers/berth-harness.js';

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

test('sites-enabled links are followed and watched; a symlink cycle is reported and costs nothing', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const available = path.join(berth.root, 'sites-available');
  mkdirSync(available);
  writeFileSync(path.join(available, 'ext.yaml'), sleeperApp('ext'));
  writeFileSync(path.join(berth.root, 'solo.yaml'), sleeperApp('solo'));
  symlinkSync(available, path.join(berth.dir, 'enabled'));
  symlinkSync(path.join(berth.root, 'solo.yaml'), path.join(berth.dir, 'solo.yaml'));
  await berth.up(['--resync', '1h']); // only the watcher can notice what follows
  await berth.waitFor((r) => ['ext', 'solo'].every((app) => r.some((i) => i.app === app && i.status === 'online')), 'both linked apps online');

  mkdirSync(path.join(berth.dir, 'loop'));
  symlinkSync('../loop', path.join(berth.dir, 'loop', 'self'));
  symlinkSync(berth.dir, path.join(berth.dir, 'loop', 'up'));
  writeFileSync(path.join(available, 'ext.yaml'), sleeperApp('ext', 'instances: 2')); // an edit behind the link
  const rows = await berth.waitFor((r) => r.filter((i) => i.app === 'ext' && i.status === 'online').length === 2, 'ext scaled through the link');
  assert.equal(rows.filter((r) => r.app === 'solo').length, 1);
  const info = JSON.parse((await berth.cli(['info', 'solo', '-o', 'json'])).stdout) as { name: string };
  assert.equal(info.name, 'solo', 'the controller answers');
  assert.ok(rssMb(berth.controller!.pid!) < 200, `controller RSS ${rssMb(berth.controller!.pid!).toFixed(0)} MB`);
  assert.match(berth.logTail(), /symlink cycle: leads back to/);
});
