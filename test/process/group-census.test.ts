// Group members found by reading only what may have changed since the last
// look: against a model of the kernel (pid reuse, cursor wrap, setsid,
// setpgid), then against real process trees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GroupCensus } from '../../src/process/group-census.js';
import { readProcStat } from '../../src/process/proc-stat.js';
import { spawnProcess } from '../../src/process/spawn-process.js';
import { FakeKernel } from './fake-kernel.js';
import { holdEventLoop, killGroupAfter, logFds, tempDir, until } from '../instance/helpers.js';

holdEventLoop();

/** mulberry32: the same "random" history on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random thing a host does: instances start, fork, exit, leave or rejoin groups; threads move the cursor. */
function act(kernel: FakeKernel, leaders: number[], rand: () => number): void {
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)]!;
  const procs = kernel.listPids();
  const r = rand();
  if (r < 0.08 || leaders.length === 0) {
    const leader = kernel.fork(1);
    kernel.setsid(leader);
    leaders.push(leader);
  } else if (r < 0.35) {
    // children in an instance's session, or unrelated ones
    kernel.fork(rand() < 0.7 ? pick(procs.filter((pid) => leaders.includes(kernel.procs.get(pid)!.session))) ?? 1 : pick(procs));
  } else if (r < 0.6) {
    kernel.exit(pick(procs));
  } else if (r < 0.7) {
    kernel.setsid(pick(procs));
  } else if (r < 0.85) {
    const pid = pick(procs);
    const session = kernel.procs.get(pid)!.session;
    const groups = [...kernel.procs.values()].filter((p) => p.session === session).map((p) => p.pgrp);
    kernel.setpgid(pid, rand() < 0.5 ? pid : pick(groups));
  } else {
    // a burst of threads: sometimes enough for the cursor to go all the way round
    const threads = rand() < 0.1 ? Math.floor(rand() * 3_000) : Math.floor(rand() * 40);
    for (let i = 0; i < threads; i++) kernel.thread();
  }
}

test('the members found are exactly the processes of the groups, over histories with pid reuse and cursor wraps', () => {
  for (const seed of [1, 2, 3, 4]) {
    const rand = random(seed);
    const kernel = new FakeKernel(1_200);
    const leaders: number[] = [];
    let listed: number[] = [];
    // Things also happen between the readings of the allocator and the listing.
    const during = () => {
      for (let i = rand() < 0.3 ? 3 : 0; i > 0; i--) act(kernel, leaders, rand);
    };
    const census = new GroupCensus({
      listPids: () => {
        during();
        listed = kernel.listPids();
        during();
        return listed;
      },
      readStat: (pid) => kernel.readStat(pid),
      readAllocator: () => kernel.allocator(),
      fullEvery: Number.MAX_SAFE_INTEGER, // exact without the safety net
    });
    let partial = 0;
    for (let round = 0; round < 300; round++) {
      for (let i = Math.floor(rand() * 8); i > 0; i--) act(kernel, leaders, rand);
      const groups = new Set(leaders);
      const found = census.membersOf(groups).map((stat) => stat.pid).sort((a, b) => a - b);
      // Processes created after the listing are for the next look.
      const expected = kernel.members(groups).filter((pid) => listed.includes(pid));
      assert.deepEqual(found, expected, `seed ${seed}, round ${round}`);
      if (census.lastReads < listed.length) partial++;
    }
    assert.ok(partial > 100, `most looks read only part of the table (seed ${seed}: ${partial} of 300)`);
  }
});

/** A census over `kernel` that runs `afterListing` between its listing of /proc and its reading of the allocator. */
function censusWithHooks(kernel: FakeKernel, afterListing: () => void = () => {}): GroupCensus {
  return new GroupCensus({
    listPids: () => {
      const pids = kernel.listPids();
      afterListing();
      return pids;
    },
    readStat: (pid) => kernel.readStat(pid),
    readAllocator: () => kernel.allocator(),
    fullEvery: Number.MAX_SAFE_INTEGER,
  });
}

/** A kernel whose cursor went round once (pids ahead of it are old ones), an instance leader and an unrelated process at `at`. */
function wrappedKernel(at: number, cursor: number): { kernel: FakeKernel; leader: number; other: number } {
  const kernel = new FakeKernel(1_000);
  const leader = kernel.fork(1);
  kernel.setsid(leader);
  kernel.advanceTo(at - 1);
  const other = kernel.fork(1);
  kernel.advanceTo(cursor);
  return { kernel, leader, other };
}

test('a pid reused by a member after the cursor went all the way round is read again, on a crowded table too', () => {
  const kernel = new FakeKernel(1_000);
  const leader = kernel.fork(1);
  kernel.setsid(leader);
  kernel.advanceTo(300);
  // 300 pids taken: a round of the cursor needs only ~400 forks, not 700
  for (let i = 0; i < 300; i++) kernel.fork(1);
  const census = censusWithHooks(kernel);
  const other = kernel.fork(1); // 601, where the cursor stands at the first look
  assert.deepEqual(census.membersOf(new Set([leader])), []);
  kernel.exit(other);
  const forks = kernel.forks;
  kernel.advanceTo(300); // all the way round: by 999 to 300; 301 … 600 are taken
  assert.ok(kernel.forks - forks < 500, `a round in ${kernel.forks - forks} forks`);
  assert.equal(kernel.fork(leader), other, 'the member took the unrelated process\'s pid');
  assert.deepEqual(census.membersOf(new Set([leader])).map((s) => s.pid), [other]);
});

test('a pid reused by a member just after the cursor wrapped at pid_max is read again', () => {
  const kernel = new FakeKernel(1_000);
  const leader = kernel.fork(1);
  kernel.setsid(leader);
  kernel.advanceTo(304);
  const other = kernel.fork(1); // 305
  kernel.advanceTo(990);
  const census = censusWithHooks(kernel);
  census.membersOf(new Set([leader]));
  kernel.exit(other);
  kernel.advanceTo(other - 1); // 991 … 999, then 300 … 304
  assert.equal(kernel.fork(leader), other);
  assert.deepEqual(census.membersOf(new Set([leader])).map((s) => s.pid), [other]);
});

test('a process that moves into a group whose leader is gone is found through the group\'s session', () => {
  const kernel = new FakeKernel(32_768);
  const leader = kernel.fork(1);
  kernel.setsid(leader);
  const member = kernel.fork(leader);
  const neighbour = kernel.fork(leader);
  kernel.setpgid(neighbour, neighbour); // its own group, in the leader's session
  const census = censusWithHooks(kernel);
  const groups = new Set([leader]);
  assert.deepEqual(census.membersOf(groups).map((s) => s.pid), [member]);
  kernel.exit(leader);
  assert.equal(kernel.setpgid(neighbour, leader), true);
  assert.deepEqual(census.membersOf(groups).map((s) => s.pid).sort(), [member, neighbour].sort());
});

test('a pid reused by a member between the listing and the allocator reading is read by the same look', () => {
  const { kernel, leader, other } = wrappedKernel(501, 400);
  let reuse = false;
  const census = censusWithHooks(kernel, () => {
    if (!reuse) return;
    kernel.exit(other);
    kernel.advanceTo(other - 1);
    assert.equal(kernel.fork(leader), other);
  });
  census.membersOf(new Set([leader]));
  reuse = true;
  assert.deepEqual(census.membersOf(new Set([leader])).map((s) => s.pid), [other]);
});

test('a quiet host: a look reads the members and the other processes of the groups\' sessions, and the new ones; never the rest, nor the leaders', () => {
  const kernel = new FakeKernel(32_768);
  for (let i = 0; i < 200; i++) kernel.fork(1);
  const leaders = [0, 1, 2].map(() => {
    const leader = kernel.fork(1);
    kernel.setsid(leader);
    kernel.fork(kernel.fork(leader));
    return leader;
  });
  const census = new GroupCensus({ listPids: () => kernel.listPids(), readStat: (pid) => kernel.readStat(pid), readAllocator: () => kernel.allocator() });
  const groups = new Set(leaders);
  assert.equal(census.membersOf(groups).length, 6);
  assert.equal(census.lastReads, kernel.procs.size - 3, 'the first look reads everything but the leaders');
  assert.equal(census.membersOf(groups).length, 6);
  assert.equal(census.lastReads, 6, 'then: the members only');
  kernel.fork(1);
  kernel.fork(leaders[0]!);
  assert.equal(census.membersOf(groups).length, 7);
  assert.equal(census.lastReads, 8, 'and the two new processes');
  for (let i = 0; i < 100; i++) {
    const leader = kernel.fork(1);
    kernel.setsid(leader);
    groups.add(leader);
  }
  assert.equal(census.membersOf(groups).length, 7);
  assert.equal(census.lastReads, 7, '100 instances just started: their leaders are not read');
});

test('every fullEvery looks, and when the allocator cannot be read, everything is read', () => {
  const kernel = new FakeKernel(32_768);
  for (let i = 0; i < 50; i++) kernel.fork(1);
  const leader = kernel.fork(1);
  kernel.setsid(leader);
  let readable = true;
  const census = new GroupCensus({ listPids: () => kernel.listPids(), readStat: (pid) => kernel.readStat(pid), readAllocator: () => (readable ? kernel.allocator() : undefined), fullEvery: 3 });
  const reads = () => (census.membersOf(new Set([leader])), census.lastReads);
  assert.deepEqual([reads(), reads(), reads(), reads()], [51, 0, 0, 51], 'every process but the leader');
  readable = false;
  assert.equal(reads(), 51);
});

/**
 * A real tree under one group: a child, a middle shell with a grandchild, a
 * setsid'd process outside the group. SIGUSR1 starts a process that is
 * orphaned at once (`(sleep &)`: its parent exits, it stays in the group).
 */
const TREE = `
trap '(sleep 1000 & echo $! > late.pid)' USR1
sleep 1000 & echo $! > child.pid
sh -c 'sleep 1000 & echo $! > grandchild.pid; wait' & echo $! > middle.pid
setsid sleep 1000 & echo $! > escaped.pid
echo ready > ready
while :; do wait; done
`;

test('real processes: a child, a grandchild, one orphaned between two looks; not one that left with setsid; one that exits before it is read', async (t) => {
  const dir = tempDir(t);
  const leader = await spawnProcess({ script: 'sh', args: ['-c', TREE], cwd: dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, shell: false, ...logFds(t, path.join(dir, 'out.log')) });
  killGroupAfter(t, leader.pid);
  const pidOf = (name: string) => Number(readFileSync(path.join(dir, `${name}.pid`), 'utf8'));
  await until('the tree started', () => existsSync(path.join(dir, 'ready')) && existsSync(path.join(dir, 'grandchild.pid')));
  const [child, middle, grandchild, escaped] = ['child', 'middle', 'grandchild', 'escaped'].map(pidOf) as [number, number, number, number];
  killGroupAfter(t, escaped);
  await until('the escaped one has its own session', () => readProcStat(escaped)?.session === escaped);

  let vanish: number | undefined;
  const census = new GroupCensus({
    readStat: (pid) => {
      if (pid === vanish) {
        process.kill(pid, 'SIGKILL');
        // its parent, the leader's shell, reaps it
        const deadline = Date.now() + 5_000;
        while (existsSync(`/proc/${pid}`) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      }
      return readProcStat(pid);
    },
  });
  const groups = new Set([leader.pid]);
  const members = () => census.membersOf(groups).filter((s) => s.state !== 'Z').map((s) => s.pid).sort((a, b) => a - b);
  const sorted = (pids: number[]) => [...pids].sort((a, b) => a - b);
  assert.deepEqual(members(), sorted([child, middle, grandchild]), 'the first look (reads everything)');
  assert.deepEqual(members(), sorted([child, middle, grandchild]), 'a look that reads part of the table');

  process.kill(leader.pid, 'SIGUSR1');
  await until('the late one started', () => existsSync(path.join(dir, 'late.pid')) && readFileSync(path.join(dir, 'late.pid'), 'utf8').endsWith('\n'));
  const late = pidOf('late');
  await until('the late one is orphaned: its subshell exited, its parent is outside the group', () => {
    const parent = readProcStat(late)?.ppid;
    return parent !== undefined && readProcStat(parent)?.pgrp !== leader.pid;
  });
  process.kill(middle, 'SIGKILL');
  await until('the middle shell is gone', () => readProcStat(middle) === undefined || readProcStat(middle)?.state === 'Z');
  assert.ok(census.membersOf(groups).some((s) => s.pid === late), 'the late orphan is found by the next look');
  assert.deepEqual(members().filter((pid) => pid !== middle), sorted([child, grandchild, late]), 'the grandchild stays a member after its parent died');

  vanish = child;
  assert.deepEqual(members().filter((pid) => pid !== middle), sorted([grandchild, late]), 'the child exited between the listing and its read');
  vanish = undefined;
  assert.deepEqual(members().filter((pid) => pid !== middle), sorted([grandchild, late]));
});
