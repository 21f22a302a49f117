// SPEC "Faults": a corrupt state.db gives a one-line error naming the file
// and how to recover, on every command; `berth down` still stops the apps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSync, writeSync, closeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { BerthHarness, sleeperApp } from '../helpers/berth-harness.js';
import { isProcessAlive } from '../../src/process/is-process-alive.js';
import { waitFor } from '../helpers/wait-for.js';

test('a corrupt state.db: one line naming the file and the way out; down still stops the apps', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  await berth.writeManifest('a.yaml', sleeperApp('a'));
  const [row] = await berth.waitFor((r) => r.some((i) => i.status === 'online'), 'a online');
  await berth.killController('SIGTERM'); // apps keep running

  const file = path.join(berth.home, 'state.db');
  const fd = openSync(file, 'r+');
  writeSync(fd, randomBytes(4096), 0, 4096, 1024); // as the review did: dd bs=1024 count=4 seek=1
  closeSync(fd);
  const line = new RegExp(`^Error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is corrupt \\([^)]*\\); move it away to start fresh: mv \\S+ \\S+\\.corrupt \\(\`berth down\` still stops the apps\\)$`);
  for (const args of [['ports'], ['list'], ['up', '--dir', berth.dir], ['up', '--dir', berth.dir, '--detach']]) {
    const res = await berth.cli(args);
    assert.equal(res.code, 1, `${args.join(' ')}: ${res.stderr}`);
    const lines = res.stderr.trim().split('\n');
    assert.match(lines.at(-1)!, line, args.join(' '));
    assert.equal(lines.filter((l) => l.startsWith('Error')).length, 1, res.stderr);
  }
  assert.ok(isProcessAlive(row!.pid!), 'nothing was stopped by the failed commands');

  const down = await berth.cli(['down']);
  assert.equal(down.code, 0, down.stderr);
  assert.match(down.stderr, /^Warning: .*state\.db is corrupt/);
  assert.match(down.stdout, /stopped 1 process/);
  await waitFor(() => !isProcessAlive(row!.pid!), { what: 'the app stopped' });
});
