// `berth top`'s frame from plain data: bars, widths that follow the
// terminal, rows that do not fit, no colour unless asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bar, renderTop } from '../../src/cli/top/render-top.js';
import type { InstanceView } from '../../src/api/api-types.js';

const view = (app: string, instance: number, patch: Partial<InstanceView> = {}): InstanceView => ({
  app, instance, status: 'online', pid: 1000 + instance, port: null, ports: { tcp: [], udp: [] }, cpu: 25, memory: 50 * 2 ** 20, uptime: 90_000, restarts: 0, specHash: 'h', ...patch,
});
const now = new Date(2026, 10, 24, 14, 2, 11);

test('bars fill to the fraction and never overflow', () => {
  assert.equal(bar(0, 12, false), '[          ]');
  assert.equal(bar(0.5, 12, false), '[|||||     ]');
  assert.equal(bar(3, 12, false), '[||||||||||]');
  assert.equal(bar(1, 5, true, 36), '[\u001b[36m|||\u001b[0m]');
});

test('one row per instance with CPU (of one core) and memory (of the largest) bars; every line fits the width', () => {
  const instances = [view('web', 0, { cpu: 50, memory: 100 * 2 ** 20 }), view('web', 1, { cpu: 100, memory: 25 * 2 ** 20, restarts: 3 }), view('worker', 0, { status: 'crashloop', pid: null, cpu: null, memory: null, uptime: null })];
  for (const columns of [80, 120, 200]) {
    const lines = renderTop({ instances, columns, rows: 40, now, colour: false });
    for (const line of lines) assert.ok(line.length <= columns, `${columns}: "${line}" is ${line.length} wide`);
    assert.match(lines[0]!, /^berth top · 3 instances of 2 apps · 14:02:11 +q quit$/);
    assert.match(lines[1]!, /^APP\/ID +STATUS +PID CPU +MEMORY +RESTARTS UPTIME$/);
  }
  const lines = renderTop({ instances, columns: 120, rows: 40, now, colour: false });
  const [web0, web1, worker] = lines.slice(2);
  const bars = (line: string) => [...line.matchAll(/\[(\|*) *\]/g)].map((m) => m[1]!.length);
  const [cpu0, mem0] = bars(web0!);
  const [cpu1, mem1] = bars(web1!);
  assert.ok(cpu1! > cpu0! && cpu0! > 0, 'a busier instance has the longer CPU bar');
  assert.ok(mem0! > mem1! && mem1! > 0, 'the largest instance has the full memory bar');
  assert.equal(mem0, cpu1, 'both full');
  assert.match(web1!, /^web\/1 +online +1001 \[\|+\] +100\.0% \[\|+ +\] +25\.0mb +3 +1m$/);
  assert.match(worker!, /^worker\/0 +crashloop +- \[ +\] +- \[ +\] +- +0 +-$/);
});

test('narrow terminals drop the bars; short ones say how many rows are hidden', () => {
  const instances = Array.from({ length: 10 }, (_, i) => view('web', i));
  const narrow = renderTop({ instances, columns: 60, rows: 40, now, colour: false });
  assert.doesNotMatch(narrow.join('\n'), /\[/);
  assert.match(narrow[1]!, /CPU +MEMORY/);
  const short = renderTop({ instances, columns: 120, rows: 6, now, colour: false });
  assert.equal(short.length, 6);
  assert.equal(short.at(-1), '… 7 more (make the terminal taller)');
});

test('colour only when asked; an empty home says what to do', () => {
  assert.doesNotMatch(renderTop({ instances: [view('web', 0)], columns: 120, rows: 10, now, colour: false }).join(''), /\u001b/);
  assert.match(renderTop({ instances: [view('web', 0)], columns: 120, rows: 10, now, colour: true }).join(''), /\u001b\[32monline/);
  assert.match(renderTop({ instances: [], columns: 80, rows: 10, now, colour: false }).join('\n'), /No apps\./);
});
