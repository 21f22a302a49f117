// The default pool sits below the kernel's ephemeral range; a pool that
// overlaps the host's range is warned about at `berth up`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_PORT_POOL, poolOverlapWarning, readEphemeralRange } from '../../src/ports/port-pool.js';
import { BerthHarness } from '../helpers/berth-harness.js';

test('the default pool is 20000-32767, clear of the default ephemeral range; overlaps are named', (t) => {
  assert.deepEqual(DEFAULT_PORT_POOL, { start: 20000, end: 32767 });
  const linuxDefault = { start: 32768, end: 60999 };
  assert.equal(poolOverlapWarning(DEFAULT_PORT_POOL, linuxDefault), undefined);
  assert.equal(
    poolOverlapWarning({ start: 20000, end: 45000 }, linuxDefault),
    "port pool 20000-45000 overlaps the kernel's ephemeral ports 32768-60999 (/proc/sys/net/ipv4/ip_local_port_range): an outgoing connection can take a stopped app's port; choose --port-pool outside it",
  );
  assert.equal(poolOverlapWarning({ start: 1, end: 9 }, undefined), undefined, 'no /proc: nothing to say');
  const dir = mkdtempSync(path.join(tmpdir(), 'berth-pool-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'range'), '32768\t60999\n');
  assert.deepEqual(readEphemeralRange(path.join(dir, 'range')), linuxDefault);
  assert.equal(readEphemeralRange(path.join(dir, 'missing')), undefined);
});

test('berth up warns when its pool overlaps the host\'s ephemeral range', async (t) => {
  const host = readEphemeralRange();
  if (!host) return t.skip('no /proc/sys/net/ipv4/ip_local_port_range on this host');
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const pool = `${Math.max(1024, host.start - 10)}-${host.start + 10}`;
  await berth.up(['--port-pool', pool]);
  assert.match(berth.controllerOutput, new RegExp(`warn +port pool ${pool} overlaps the kernel's ephemeral ports ${host.start}-${host.end}`));
});
