import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Sweeper, type ProcessSample } from '../../src/process/sweep.js';
import { spawnProcess } from '../../src/process/spawn-process.js';
import { readStartTime } from '../../src/process/proc-stat.js';
import { fixture, killGroupAfter, tempDir, holdEventLoop, logFds } from '../instance/helpers.js';
import { waitFor } from '../helpers/wait-for.js';

holdEventLoop();

test('a tick samples all live pids with one usage call and reports the gone ones', async () => {
  const calls: number[][] = [];
  const alive = new Set([1, 2, 3]);
  const sweeper = new Sweeper({
    readStat: (pid) => (alive.has(pid) ? { pid, state: 'S', ppid: 1, pgrp: pid, session: pid, startTime: pid === 3 ? 'other' : 't', cpuTicks: 0, reapedChildTicks: 0, rssPages: 1 } : undefined),
    sampleUsage: async (pids) => {
      calls.push(pids);
      return Object.fromEntries(pids.map((p) => [p, { cpu: p, memory: p * 100 }]));
    },
  });
  const samples: [number, ProcessSample][] = [];
  const gone: number[] = [];
  for (const pid of [1, 2, 3, 4]) sweeper.watch({ pid, startTime: 't', onSample: (s) => samples.push([pid, s]), onGone: () => gone.push(pid) });
  alive.delete(2);
  await sweeper.tick();
  assert.deepEqual(calls, [[1]]);
  assert.deepEqual(gone.sort(), [2, 3, 4], '2 exited, 3 is a reused pid, 4 never ran');
  assert.deepEqual(samples, [[1, { cpu: 1, memory: 100 }]]);
  assert.equal(sweeper.size, 1);
  sweeper.close();
});

test('no targets: no timer; watching arms it, the last unwatch disarms it', async () => {
  const sweeper = new Sweeper({ intervalMs: 10, readStat: () => undefined, sampleUsage: async () => ({}) });
  const timer = () => (sweeper as unknown as { timer?: unknown }).timer;
  assert.equal(timer(), undefined);
  const unwatch = sweeper.watch({ pid: 1, startTime: null, onSample() {}, onGone() {} });
  assert.notEqual(timer(), undefined);
  unwatch();
  assert.equal(timer(), undefined);
});

test('real processes: usage from /proc stat, exit noticed on the next tick', async (t) => {
  const dir = tempDir(t);
  const children: Awaited<ReturnType<typeof spawnProcess>>[] = [];
  for (let i = 0; i < 3; i++) {
    const child = await spawnProcess({ script: process.execPath, args: [fixture('sleeper.mjs')], cwd: dir, env: {}, shell: false, ...logFds(t, path.join(dir, `${i}.log`)) });
    killGroupAfter(t, child.pid);
    children.push(child);
  }
  const errors: unknown[] = [];
  const sweeper = new Sweeper({ intervalMs: 50, onError: (e) => errors.push(e) });
  t.after(() => sweeper.close());
  const memory = new Map<number, number>();
  const gone: number[] = [];
  for (const c of children) sweeper.watch({ pid: c.pid, startTime: c.startTime, onSample: (s) => memory.set(c.pid, s.memory), onGone: () => gone.push(c.pid) });
  // A process sampled while it is still exec'ing has no resident memory yet: give it a few ticks.
  await waitFor(async () => {
    await sweeper.tick();
    return memory.size === 3 && [...memory.values()].every((m) => m > 5_000_000);
  }, { what: 'resident memory of all three children' });
  assert.equal(memory.size, 3);
  for (const m of memory.values()) assert.ok(m > 5_000_000, `rss ${m}`);
  process.kill(-children[0]!.pid, 'SIGKILL');
  await new Promise((resolve) => children[0]!.onExit(resolve));
  await sweeper.tick();
  assert.deepEqual(gone, [children[0]!.pid]);
  assert.deepEqual(errors, []);
  assert.equal(readStartTime(children[1]!.pid), children[1]!.startTime);
});

test('CPU percent from the tick delta of utime+stime, memory from RSS pages', async () => {
  let now = 0;
  let ticks = 0;
  const samples: ProcessSample[] = [];
  const sweeper = new Sweeper({ now: () => now, listStats: () => [], readStat: (pid) => ({ pid, state: 'R', ppid: 1, pgrp: pid, session: pid, startTime: 't', cpuTicks: ticks, reapedChildTicks: 0, rssPages: 256 }) });
  sweeper.watch({ pid: 7, startTime: 't', onSample: (s) => samples.push(s), onGone() {} });
  await sweeper.tick();
  now = 2_000;
  ticks = 50; // 0.5 s of CPU in 2 s
  await sweeper.tick();
  sweeper.close();
  assert.equal(samples[0]?.cpu, 0);
  assert.equal(samples[1]?.cpu, 25);
  assert.ok(samples[1]!.memory === 256 * 4096 || samples[1]!.memory === 256 * 65536);
});

test('past maxReadsPerTick targets take turns: each is read once per round, one /proc scan every discoverEveryTicks rounds, tasks every tick', async () => {
  const reads: number[] = [];
  let scans = 0;
  let taskRuns = 0;
  const sweeper = new Sweeper({
    maxReadsPerTick: 2,
    discoverEveryTicks: 2,
    listStats: () => (scans++, []),
    readStat: (pid) => (reads.push(pid), { pid, state: 'S', ppid: 1, pgrp: pid, session: pid, startTime: 't', cpuTicks: 0, reapedChildTicks: 0, rssPages: 1 }),
  });
  const sampled = new Map<number, number>();
  for (const pid of [1, 2, 3, 4, 5]) sweeper.watch({ pid, startTime: 't', onSample: () => sampled.set(pid, (sampled.get(pid) ?? 0) + 1), onGone() {} });
  sweeper.addTask(() => void taskRuns++);
  for (let tick = 0; tick < 6; tick++) await sweeper.tick();
  sweeper.close();
  assert.deepEqual(reads.slice(0, 6), [1, 2, 3, 4, 5, 1], 'two a tick, in watch order, wrapping around');
  assert.equal(reads.length, 12);
  assert.deepEqual([...sampled.values()].sort(), [2, 2, 2, 3, 3], 'six ticks of two reads: every target read twice or three times');
  assert.equal(taskRuns, 6);
  assert.equal(scans, 1, 'rounds of 3 ticks, a scan every 2 rounds: ticks 0 and 6');
});

test('on-demand targets are read only while samples are wanted: at once on the first ask, then in turn for sampleDemandMs', async () => {
  let now = 0;
  const reads: number[] = [];
  let looks = 0;
  const sweeper = new Sweeper({
    now: () => now,
    maxReadsPerTick: 2,
    sampleDemandMs: 5_000,
    listStats: () => (looks++, []),
    readStat: (pid) => (reads.push(pid), { pid, state: 'S', ppid: 1, pgrp: pid, session: pid, startTime: 't', cpuTicks: now / 10, reapedChildTicks: 0, rssPages: 1 }),
  });
  const samples = new Map<number, ProcessSample>();
  const watch = (pid: number, onDemand: boolean) => sweeper.watch({ pid, startTime: 't', onDemand, onSample: (s) => samples.set(pid, s), onGone() {} });
  watch(1, false); // adopted: its reads are how its end is seen
  for (const pid of [2, 3, 4]) watch(pid, true); // children: their 'exit' says it
  await sweeper.tick();
  await sweeper.tick();
  assert.deepEqual(reads, [1, 1], 'no samples wanted: only the polled target is read');
  assert.equal(looks, 1, 'looks for members are for the polled groups alone');

  reads.length = 0;
  now = 1_000;
  await sweeper.wantSamples();
  assert.deepEqual(reads, [1, 2, 3, 4], 'the first ask reads every target at once, past maxReadsPerTick');
  assert.equal(looks, 2, 'and looks for members: they may have come while nobody read');
  assert.deepEqual([...samples.keys()].sort(), [1, 2, 3, 4], 'every target sampled');
  now = 2_000;
  await sweeper.wantSamples();
  assert.deepEqual(reads, [1, 2, 3, 4], 'a second ask while they are read in turn reads nothing more at once');

  reads.length = 0;
  await sweeper.tick();
  await sweeper.tick();
  assert.deepEqual(reads, [1, 2, 3, 4], 'while wanted, every target takes its turn');
  now = 7_000; // 5 s after the last ask
  reads.length = 0;
  await sweeper.tick();
  await sweeper.tick();
  assert.deepEqual(reads, [1, 1], 'no longer wanted: the polled target alone again');
  sweeper.close();
});

test('an on-demand target found gone on a read is reported like any other', async () => {
  const sweeper = new Sweeper({ listStats: () => [], readStat: () => undefined });
  const gone: number[] = [];
  sweeper.watch({ pid: 9, startTime: 't', onDemand: true, onSample() {}, onGone: () => gone.push(9) });
  await sweeper.tick();
  assert.deepEqual(gone, [], 'not read while nobody asks');
  await sweeper.wantSamples();
  assert.deepEqual(gone, [9]);
  assert.equal(sweeper.size, 0);
  sweeper.close();
});

test('concurrent asks share the one read of everyone', async () => {
  let reads = 0;
  const sweeper = new Sweeper({ listStats: () => [], readStat: (pid) => (reads++, { pid, state: 'S', ppid: 1, pgrp: pid, session: pid, startTime: 't', cpuTicks: 0, reapedChildTicks: 0, rssPages: 1 }) });
  for (const pid of [1, 2, 3]) sweeper.watch({ pid, startTime: 't', onDemand: true, onSample() {}, onGone() {} });
  const running = sweeper.tick(); // a tick under way when the asks come
  await Promise.all([sweeper.wantSamples(), sweeper.wantSamples(), sweeper.wantSamples()]);
  await running;
  assert.equal(reads, 3);
  sweeper.close();
});
