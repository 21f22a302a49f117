// SPEC "Faults": a manifest directory that is missing, not a folder or
// unreadable is never read as "no apps". At `up` it is an error; at run time
// (renamed away) the controller keeps the apps, says so under `berth list`,
// and picks the folder up again when it returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rename, writeFile } from 'node:fs/promises';
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { BerthHarness, sleeperApp } from '../helpers/berth-harness.js';
import { ApiClient } from '../../src/api/api-client.js';

test('up on a misspelled --dir or on a file exits 1 and stops nothing; foreground and --detach alike', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  await berth.writeManifest('a.yaml', sleeperApp('a'));
  const [before] = await berth.waitFor((r) => r.some((i) => i.status === 'online'), 'a online');
  await berth.killController('SIGTERM');

  const typo = path.join(berth.root, 'manifsts');
  for (const detach of [[], ['--detach']]) {
    const res = await berth.cli(['up', '--dir', typo, ...detach]);
    assert.equal(res.code, 1, res.stderr);
    assert.equal(res.stderr.trim(), `Error: manifest directory ${typo}: ENOENT`);
  }
  const file = path.join(berth.root, 'file.yaml');
  await writeFile(file, sleeperApp('b'));
  const res = await berth.cli(['up', '--dir', file]);
  assert.match(res.stderr, /^Error: manifest directory .*file\.yaml: ENOTDIR/);

  await berth.up();
  const [after] = await berth.waitFor((r) => r.some((i) => i.status === 'online'), 'a adopted');
  assert.equal(after!.pid, before!.pid, 'the same process, never stopped');
});

test('the watched folder renamed away keeps every app; list warns; the folder is picked up again when it returns', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  await berth.writeManifest('a.yaml', sleeperApp('a'));
  const [before] = await berth.waitFor((r) => r.some((i) => i.status === 'online'), 'a online');

  await rename(berth.dir, `${berth.dir}.old`);
  let listed = await berth.cli(['list']);
  for (let i = 0; i < 50 && !listed.stderr.includes('Warning'); i++) listed = await berth.cli(['list']);
  assert.match(listed.stderr, /^Warning: manifest directory .*manifests: ENOENT; the controller keeps the last good desired state$/m);
  await new ApiClient(berth.home).reconcileNow(); // what a resync does: reload, reconcile every app
  const kept = await berth.instances();
  assert.deepEqual(kept.map((r) => [r.app, r.pid, r.status]), [['a', before!.pid, 'online']]);

  await rename(`${berth.dir}.old`, berth.dir);
  await berth.writeManifest('b.yaml', sleeperApp('b'));
  const rows = await berth.waitFor((r) => r.some((i) => i.app === 'b' && i.status === 'online'), 'b started from the returned folder', 10_000);
  assert.equal(rows.find((r) => r.app === 'a')?.pid, before!.pid);
  const info = JSON.parse((await berth.cli(['info', 'a', '-o', 'json'])).stdout) as { events: { reason: string }[] };
  assert.deepEqual(info.events.filter((e) => e.reason.startsWith('ManifestDir')).map((e) => e.reason), ['ManifestDirUnavailable', 'ManifestDirRestored']);
  assert.equal((await berth.cli(['list'])).stderr, '');
});

test('a manifest dropped right after `up --detach` returns is never missed (no resync to help)', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  for (let round = 0; round < 3; round++) {
    const up = await berth.cli(['up', '--dir', berth.dir, '--resync', '1h', '--detach']);
    assert.equal(up.code, 0, up.stderr);
    await berth.writeManifest(`late${round}.yaml`, sleeperApp(`late${round}`));
    await berth.waitFor((r) => r.some((i) => i.app === `late${round}` && i.status === 'online'), `late${round} online`, 10_000);
    assert.equal((await berth.cli(['down'])).code, 0);
  }
});

test('a manifest rewritten in place with a gap (truncate, 300 ms, write) keeps its app running', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const text = sleeperApp('fa');
  await berth.writeManifest('fa.yaml', text);
  const [before] = await berth.waitFor((r) => r.some((i) => i.status === 'online'), 'fa online');
  const fd = openSync(path.join(berth.dir, 'fa.yaml'), 'w'); // truncated: the watcher reads an empty file
  await new Promise((r) => setTimeout(r, 300)); // the gap the review used (a slow generator, `cat >`)
  writeSync(fd, text);
  closeSync(fd);
  await new ApiClient(berth.home).reconcileNow('fa');
  const info = JSON.parse((await berth.cli(['info', 'fa', '-o', 'json'])).stdout) as { events: { reason: string }[]; instances: { pid: number }[] };
  assert.equal(info.instances[0]?.pid, before!.pid);
  assert.ok(!info.events.some((e) => e.reason === 'Deleted'), info.events.map((e) => e.reason).join(', '));
});
