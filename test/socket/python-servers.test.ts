// README recipes with the servers Debian packages: gunicorn takes the socket
// through LISTEN_FDS/LISTEN_PID, uvicorn through `--fd 3`. Each is ready by
// accept detection (its workers), serves on the one socket, and hands over
// under load: gunicorn without a failed request; uvicorn 0.17 keeps serving
// but its own shutdown closes connections it accepted and had not read yet
// (h11_impl.py `shutdown`: no request cycle → transport.close()), so a few
// can fail under load; counted, not asserted. Skipped, with the reason,
// where the package is not installed (`apt-get install gunicorn python3-uvicorn`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAcceptor } from '../../src/socket/index.js';
import { startClosedLoopLoad } from '../helpers/closed-loop-load.js';
import { SocketSwapper, type SwapperCommand } from '../helpers/socket-swapper.js';
import { holdEventLoop, until } from '../instance/helpers.js';
import { FIXTURES, getJsonFrom, openTestSocket, recipeMissing } from './helpers.js';

holdEventLoop();

const env = { ...(process.env as Record<string, string>) };

const SERVERS: { name: string; missing?: string; drainsCleanly: boolean; command: SwapperCommand }[] = [
  {
    name: 'gunicorn (LISTEN_FDS, 2 sync workers)',
    missing: recipeMissing('gunicorn'),
    drainsCleanly: true,
    command: { script: 'gunicorn', args: ['--workers', '2', '--graceful-timeout', '5', '--chdir', FIXTURES, 'wsgi_app:app'], cwd: FIXTURES, env },
  },
  {
    name: 'uvicorn --fd 3',
    missing: recipeMissing('uvicorn'),
    drainsCleanly: false,
    command: { script: '/usr/bin/python3', args: ['-m', 'uvicorn', '--app-dir', FIXTURES, 'asgi_app:app', '--fd', '3'], cwd: FIXTURES, env },
  },
];

for (const { name, missing, drainsCleanly, command } of SERVERS) {
  test(`${name}: ready by accept detection, serves on berth's socket, 3 hand-overs under load${drainsCleanly ? ' lose nothing' : ''}`, async (t) => {
    if (missing) return t.skip(missing);
    const socket = await openTestSocket(t);
    const swapper = new SocketSwapper(socket, command);
    t.after(() => swapper.killAll());
    await swapper.start(1);
    const leader = swapper.instances[0]!.pid!;
    const acceptor = findAcceptor(leader, socket.inode);
    assert.ok(acceptor, 'a process of the instance accepts');
    t.diagnostic(`accepting: pid ${acceptor.pid} (leader ${leader}) via ${acceptor.via}`);
    assert.equal(typeof (await getJsonFrom(socket.port)).body.pid, 'number');

    const load = startClosedLoopLoad({ port: socket.port, clients: 8 });
    let samples: Awaited<ReturnType<typeof load.stop>> = [];
    let swappedAt = Infinity;
    try {
      for (const order of ['StartFirst', 'StopFirst', 'StartFirst'] as const) {
        const target = load.count() + 20;
        await until('20 more requests', () => load.count() >= target, 30_000);
        await swapper.swap(0, order);
      }
      swappedAt = performance.now();
      const target = load.count() + 20;
      await until('20 more requests', () => load.count() >= target, 30_000);
    } finally {
      samples = await load.stop();
    }
    const failed = samples.filter((s) => !s.ok);
    const report = `${failed.length} of ${samples.length} failed${failed.length ? `: ${[...new Set(failed.map((s) => s.error))].join(', ')}` : ''}`;
    if (drainsCleanly) assert.equal(failed.length, 0, report);
    const last = swapper.instances[0]!.pid;
    assert.ok(samples.some((s) => s.ok && s.start > swappedAt), 'the last generation serves');
    t.diagnostic(`${report}; last generation ${last}`);
  });
}
