// The live feed over a real in-memory store and a scripted controller view:
// the snapshot on connect, then frames with only what changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LiveFeed } from '../../src/web/live-feed.js';
import type { InstanceView } from '../../src/api/api-types.js';
import { memoryStore } from '../ports/helpers.js';

function view(instance: number, cpu: number, pid: number | null = 100 + instance): InstanceView {
  return { app: 'web', instance, status: pid === null ? 'crashloop' : 'online', pid, port: 3000 + instance, ports: { tcp: [3000 + instance], udp: [] }, cpu, memory: 1000 * (instance + 1), uptime: 5000, restarts: 0, specHash: 'h' };
}

test('snapshot with history on connect; frames carry changed sections and new events only', async (t) => {
  const store = memoryStore(t);
  let views = [view(0, 1), view(1, 2)];
  const source = {
    status: () => ({ pid: 1, home: '/h', dir: '/m', version: '9.9.9', startedAt: 0 }),
    listInstances: async () => views,
    manifestErrors: () => [],
  };
  const feed = new LiveFeed({ source, store, intervalMs: 3_600_000, now: () => 42 });
  t.after(() => feed.stop());
  await feed.tick();
  await feed.tick();
  store.events.record({ app: 'web', instance: 0, type: 'Normal', reason: 'Started', message: 'Started process 100' });

  const received: { event: string; data: Record<string, unknown> }[] = [];
  const disconnect = await feed.connect((event, json) => received.push({ event, data: JSON.parse(json) as Record<string, unknown> }));
  const snapshot = received[0]!;
  assert.equal(snapshot.event, 'snapshot');
  assert.deepEqual((snapshot.data.instances as InstanceView[]).map((v) => v.pid), [100, 101]);
  assert.deepEqual((snapshot.data.history as Record<string, { cpu: number[] }>)['web/0']!.cpu, [1, 1], 'two ticks before anyone looked');
  assert.deepEqual((snapshot.data.events as { reason: string }[]).map((e) => e.reason), ['Started']);
  assert.equal((snapshot.data.controller as { version: string }).version, '9.9.9');

  // web/1 crashes: instances change, nothing else does.
  views = [view(0, 1), view(1, 0, null)];
  store.events.record({ app: 'web', instance: 1, type: 'Warning', reason: 'Crashed', message: 'exited with code 1' });
  await feed.tick();
  const frame = received[1]!;
  assert.equal(frame.event, 'frame');
  assert.deepEqual(Object.keys(frame.data).sort(), ['at', 'events', 'instances']);
  assert.deepEqual((frame.data.instances as InstanceView[])[1]!.status, 'crashloop');
  assert.deepEqual((frame.data.events as { reason: string }[]).map((e) => e.reason), ['Crashed']);
  assert.deepEqual(feed.history.series('web/1')!.cpu, [2, 2, null], 'a stopped process is a gap');

  // Nothing changed: a frame with the time only.
  await feed.tick();
  assert.deepEqual(Object.keys(received[2]!.data), ['at']);

  disconnect();
  await feed.tick();
  assert.equal(received.length, 3, 'no frames after the browser left');
  assert.equal(feed.clientCount, 0);
});
