// README recipes for `socket:` through the real controller, as a user writes them in a
// manifest, for the servers Debian packages: gunicorn (LISTEN_FDS/LISTEN_PID) and uvicorn
// `--fd 3`. Each instance is ready when its workers accept (gunicorn's sync workers wait
// in select), answers on the one port, and a `berth reload` under load hands over:
// gunicorn without a failed request; uvicorn 0.17's own shutdown resets connections it
// accepted but had not read (README), so its failures are counted, not asserted.
// Skipped, with the package to install, where absent (.ci/run installs them as root).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allOnline, BerthHarness, getJson } from '../helpers/berth-harness.js';
import { startClosedLoopLoad, type RequestSample } from '../helpers/closed-loop-load.js';
import { freePort } from '../helpers/free-ports.js';
import { failures, progress, recordedInode, socketApp } from '../helpers/socket-e2e.js';
import { readFdTargets } from '../../src/socket/socket-inode.js';
import { FIXTURES, recipeMissing } from '../socket/helpers.js';


const holds = (pid: number, inode: string): boolean => [...readFdTargets(pid).values()].includes(`socket:[${inode}]`);

const RECIPES = [
  {
    name: 'gunicorn',
    missing: recipeMissing('gunicorn'),
    drainsCleanly: true,
    script: 'gunicorn', args: ['--workers', '2', '--graceful-timeout', '5', 'wsgi_app:app'],
  },
  {
    name: 'uvicorn --fd 3',
    missing: recipeMissing('uvicorn'),
    drainsCleanly: false,
    script: '/usr/bin/python3', args: ['-m', 'uvicorn', 'asgi_app:app', '--fd', '3'],
  },
];

for (const { name, missing, drainsCleanly, script, args } of RECIPES) {
  test(`README recipe ${name} under berth: ready when its workers accept, serves on the socket, a reload under load hands over${drainsCleanly ? ' losing nothing' : ''}`, async (t) => {
    if (missing) return t.skip(missing);
    const berth = await BerthHarness.create();
    t.after(() => berth.cleanup());
    await berth.up();
    const port = await freePort();
    await berth.writeManifest('web.yaml', socketApp({ name: 'web', script, args, cwd: FIXTURES, port }));
    const [first] = await berth.waitFor(allOnline(1), `${name} online`, 60_000);
    const inode = recordedInode(berth, 'web', port)!;
    assert.ok(holds(first!.pid!, inode), 'the server holds berth\'s socket (gunicorn moves it off fd 3)');
    assert.equal(typeof (await getJson<{ pid: number }>(port)).pid, 'number');

    const load = startClosedLoopLoad({ port, clients: 8, thinkMs: 10 });
    let samples: RequestSample[] = [];
    try {
      await progress(load, 30);
      const reloaded = await berth.cli(['reload', 'web']);
      assert.equal(reloaded.code, 0, reloaded.stderr);
      await progress(load, 30);
    } finally {
      samples = await load.stop();
    }
    const [after] = await berth.instances();
    assert.notEqual(after!.pid, first!.pid, 'reloaded');
    assert.ok(holds(after!.pid!, inode), 'the same socket');
    if (drainsCleanly) assert.equal(samples.filter((s) => !s.ok).length, 0, failures(samples));
    t.diagnostic(failures(samples));
  });
}
