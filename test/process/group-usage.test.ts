// Whole-group accounting: memory and CPU of the leader and every member of its
// process group, members found by a scan every few ticks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GroupUsage } from '../../src/process/group-usage.js';
import type { ProcStat } from '../../src/process/proc-stat.js';

const stat = (pid: number, pgrp: number, cpuTicks: number, rssPages: number, state = 'S'): ProcStat => ({ pid, pgrp, session: pgrp, ppid: 1, state, startTime: '1', cpuTicks, reapedChildTicks: 0, rssPages });

test('memory is the sum over the group; CPU the sum of each member\'s ticks since the previous sample; members found every N ticks', () => {
  let table: ProcStat[] = [stat(10, 10, 0, 100), stat(11, 10, 0, 1_000), stat(12, 10, 0, 10), stat(20, 20, 0, 5), stat(13, 13, 0, 7)];
  let scans = 0;
  const usage = new GroupUsage<object>({
    readStat: (pid) => table.find((s) => s.pid === pid),
    listStats: () => {
      scans++;
      return table;
    },
    discoverEveryTicks: 3,
  });
  const web = {};
  const leaders = new Map([[web, 10]]);
  const leader = () => table.find((s) => s.pid === 10)!;

  usage.begin(leaders);
  assert.deepEqual(usage.sample(web, leader(), 0), { cpu: 0, rssPages: 1_110 });
  // one second later: leader +10 ticks, member 11 +40 ticks; a new member 14 appears (not known until the next scan)
  table = [stat(10, 10, 10, 100), stat(11, 10, 40, 2_000), stat(12, 10, 0, 10), stat(14, 10, 500, 300)];
  usage.begin(leaders);
  assert.deepEqual(usage.sample(web, leader(), 1_000), { cpu: 50, rssPages: 2_110 });
  usage.begin(leaders);
  assert.deepEqual(usage.sample(web, leader(), 2_000), { cpu: 0, rssPages: 2_110 });
  // the fourth tick scans: 14 joins and counts from now (no spike of its 500 past ticks); 12 has gone
  table = [stat(10, 10, 10, 100), stat(11, 10, 40, 2_000), stat(14, 10, 600, 300)];
  usage.begin(leaders);
  assert.deepEqual(usage.sample(web, leader(), 3_000), { cpu: 0, rssPages: 2_400 });
  table = [stat(10, 10, 20, 100), stat(11, 10, 40, 2_000), stat(14, 10, 650, 300), stat(12, 10, 0, 99, 'Z')];
  usage.begin(leaders);
  assert.deepEqual(usage.sample(web, leader(), 4_000), { cpu: 60, rssPages: 2_400 });
  assert.equal(scans, 2, 'one /proc scan per discoverEveryTicks ticks');
});
