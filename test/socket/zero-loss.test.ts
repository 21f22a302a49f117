// Zero loss at the primitive level: a socket owned by the test (as the
// controller owns it), 8 closed-loop HTTP clients, and 10 hand-overs of the
// instance in each order, for an unmodified Node app (through the preload)
// and a Python stdlib LISTEN_FDS app: no failed request, every generation
// answered, and the same socket inode throughout. With 4 instances, more
// than one PID answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTcpSocket, socketInodeOf, type ListeningSocket } from '../../src/socket/index.js';
import { startClosedLoopLoad, type RequestSample } from '../helpers/closed-loop-load.js';
import { SocketSwapper, type HandOverOrder, type SwapperCommand } from '../helpers/socket-swapper.js';
import { holdEventLoop, until } from '../instance/helpers.js';
import { FIXTURES, fixture, openTestSocket } from './helpers.js';

holdEventLoop();

const SWAPS = 10;
const CLIENTS = 8;
const APPS: Record<string, SwapperCommand> = {
  'an unmodified Node app': { script: process.execPath, args: [fixture('plain-http-server.mjs')], cwd: FIXTURES, env: { ...(process.env as Record<string, string>) } },
  'a Python stdlib LISTEN_FDS app': { script: 'python3', args: [fixture('listen-fds-server.py')], cwd: FIXTURES, env: { ...(process.env as Record<string, string>) } },
};

function summary(samples: RequestSample[]): string {
  const failed = samples.filter((s) => !s.ok);
  return `${failed.length} of ${samples.length} failed${failed.length ? `: ${[...new Set(failed.map((s) => s.error))].join(', ')}` : ''}`;
}

/** Waits until `more` requests finished since now (progress between hand-overs; a condition, not a sleep). */
async function progress(load: { count(): number }, more: number): Promise<void> {
  const target = load.count() + more;
  await until(`${more} more requests`, () => load.count() >= target, 30_000);
}

function sameSocketEverywhere(socket: ListeningSocket, swapper: SocketSwapper): void {
  assert.equal(findTcpSocket(socket.inode)?.listening, true);
  for (const child of swapper.instances) assert.equal(socketInodeOf(child.pid!, 3), socket.inode, `instance ${child.pid} holds the one socket`);
}

for (const [name, command] of Object.entries(APPS)) {
  for (const order of ['StartFirst', 'StopFirst'] as HandOverOrder[]) {
    test(`${name}, ${SWAPS} ${order} hand-overs under ${CLIENTS} closed-loop clients: 0 failed requests`, async (t) => {
      const socket = await openTestSocket(t);
      const swapper = new SocketSwapper(socket, command);
      t.after(() => swapper.killAll());
      await swapper.start(1);
      const load = startClosedLoopLoad({ port: socket.port, clients: CLIENTS });
      let samples: RequestSample[] = [];
      try {
        await progress(load, 20);
        for (let i = 0; i < SWAPS; i++) {
          await swapper.swap(0, order);
          sameSocketEverywhere(socket, swapper);
          await progress(load, 16);
        }
      } finally {
        samples = await load.stop();
      }
      assert.equal(samples.filter((s) => !s.ok).length, 0, summary(samples));
      assert.equal(swapper.generations.length, SWAPS + 1);
      const answered = new Set(samples.map((s) => s.pid));
      for (const pid of swapper.generations) assert.ok(answered.has(pid), `generation ${pid} answered`);
      t.diagnostic(`${samples.length} requests, ${summary(samples)}, inode ${socket.inode} throughout`);
    });
  }

  test(`${name}, 4 instances on one port: more than one PID answers, and rolling hand-overs lose nothing`, async (t) => {
    const socket = await openTestSocket(t);
    const swapper = new SocketSwapper(socket, command);
    t.after(() => swapper.killAll());
    await swapper.start(4);
    const load = startClosedLoopLoad({ port: socket.port, clients: CLIENTS });
    let samples: RequestSample[] = [];
    let swapsFrom = Infinity;
    try {
      await progress(load, 200);
      swapsFrom = performance.now();
      for (let i = 0; i < 4; i++) await swapper.swap(i, i % 2 ? 'StopFirst' : 'StartFirst');
      sameSocketEverywhere(socket, swapper);
      await progress(load, 50);
    } finally {
      samples = await load.stop();
    }
    assert.equal(samples.filter((s) => !s.ok).length, 0, summary(samples));
    // Before any hand-over, the 4 first instances alone share the socket's queue.
    const byPid = new Map<number, number>();
    for (const s of samples) if (s.pid && s.end < swapsFrom) byPid.set(s.pid, (byPid.get(s.pid) ?? 0) + 1);
    assert.ok(byPid.size >= 2, `distinct PIDs answered from 4 instances: ${byPid.size}`);
    t.diagnostic(`${samples.length} requests; before the hand-overs ${byPid.size} of 4 PIDs answered: ${[...byPid.values()].join(' / ')}`);
  });
}
