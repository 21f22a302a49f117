// F31: a hand-over waiting for a replacement that never gets ready used to
// hold `berth down` (and delete) for its 60 s ready timeout. Cancelling
// stops the replacement now; the old process keeps running.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openStore } from '../../src/store/store.js';
import { Supervisor } from '../../src/instance/supervisor.js';
import { isProcessAlive } from '../../src/process/is-process-alive.js';
import { makeSpec, tempDir, until, killGroupAfter } from './helpers.js';
import { freePort } from '../helpers/free-ports.js';

test('cancelHandOvers stops a replacement that never gets ready; the hand-over gives up at once, the old process runs on', async (t) => {
  const dir = tempDir(t, 'berth-cancel-');
  const store = openStore(path.join(dir, 'state.db'));
  const supervisor = new Supervisor({ store, home: dir, sweepIntervalMs: 100 });
  t.after(async () => {
    await supervisor.stopAll();
    supervisor.detachAll();
    store.close();
  });
  const spec = makeSpec({ script: 'sleep', args: ['1000'], cwd: dir, stopTimeoutMs: 2_000 });
  const base = { app: 'app', index: 0, env: {}, logDir: path.join(dir, 'logs'), spec };
  const old = supervisor.start({ ...base, specHash: 'h1', ports: { tcp: [], udp: [] } });
  await old.waitReady({ timeoutMs: 5_000 });
  killGroupAfter(t, old.snapshot().pid);

  // sleep never listens on its port: the replacement stays `starting` until its 60 s ready timeout
  const port = await freePort();
  const handOver = supervisor.replace({ ...base, specHash: 'h2', ports: { port, tcp: [], udp: [] } }, { order: 'StartFirst' });
  const failed = handOver.then(() => undefined, (err: Error) => err);
  await until('the replacement running', () => supervisor.list({ all: true }).some((h) => h !== old && h.snapshot().pid !== null));
  const replacement = supervisor.list({ all: true }).find((h) => h !== old)!;
  const replacementPid = replacement.snapshot().pid!;
  killGroupAfter(t, replacementPid);

  await supervisor.cancelHandOvers('app');
  const err = await failed;
  assert.match(err?.message ?? '', /replacement for instance 0 did not become ready: .* is stopped and not ready/, 'given up because cancelled, not after 60 s');
  await until('the replacement reaped', () => !isProcessAlive(replacementPid));
  assert.equal(old.snapshot().status, 'online');
  assert.equal(supervisor.get('app', 0), old);
  assert.equal(store.events.list('app').find((e) => e.reason === 'ReloadFailed')?.message.endsWith('the old process keeps running'), true);
});
