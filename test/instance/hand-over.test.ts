// The reload hand-over's order of steps, over a fake host: who starts, who stops, and when.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { handOver, type HandOverHost } from '../../src/instance/hand-over.js';
import type { InstanceHandle } from '../../src/instance/instance-handle.js';
import { makeConfig } from './helpers.js';

function host({ oldRunning = true, nextReady = true } = {}) {
  const steps: string[] = [];
  const events: string[] = [];
  const handle = (name: string, ready: boolean, restarts = 0) => {
    let status = 'online';
    return {
      name,
      restarts,
      snapshot: () => ({ status, restarts }),
      stop: async () => {
        steps.push(`stop ${name}`);
        status = 'stopped';
      },
      waitReady: async () => {
        steps.push(`wait ${name}`);
        if (!ready) throw new Error(`Instance web/0 is errored and not ready`);
      },
    } as unknown as InstanceHandle;
  };
  let current: InstanceHandle | undefined = oldRunning ? handle('old', true, 3) : undefined;
  const fake: HandOverHost = {
    get: () => current,
    start: (_config, _adopt, options) => {
      steps.push(`start new (restarts ${options?.restarts ?? 0})`);
      return (current = handle('new', nextReady));
    },
    startReplacement: (_config, options) => {
      steps.push(`start replacement (restarts ${options?.restarts ?? 0})`);
      const next = handle('new', nextReady);
      // The real Supervisor hands the row over once the replacement is online.
      if (nextReady) queueMicrotask(() => (current = next));
      return next;
    },
    recordEvent: (_app, _index, level, reason, message) => events.push(`${level} ${reason}: ${message}`),
  };
  return { fake, steps, events };
}

test('StartFirst: the replacement is ready before the old process stops; it carries the restart count + 1, as PM2 counts a reload', async () => {
  const { fake, steps, events } = host();
  await handOver(fake, makeConfig({ ports: { port: 3001, tcp: [], udp: [] } }), { order: 'StartFirst' });
  assert.deepEqual(steps, ['start replacement (restarts 4)', 'wait new', 'stop old']);
  assert.deepEqual(events, ['Normal Replaced: instance 0 replaced (port 3001)']);
});

test('StartFirst whose replacement never gets ready: it is stopped, the old one keeps running, the reconcile fails', async () => {
  const { fake, steps, events } = host({ nextReady: false });
  await assert.rejects(handOver(fake, makeConfig(), { order: 'StartFirst' }), /replacement for instance 0 did not become ready/);
  assert.deepEqual(steps, ['start replacement (restarts 4)', 'wait new', 'stop new']);
  assert.match(events[0]!, /^Warning ReloadFailed: .*; the old process keeps running$/);
});

test('StopFirst: the old process stops before the new one starts; a failed start is reported, not thrown', async () => {
  const { fake, steps, events } = host({ nextReady: false });
  await handOver(fake, makeConfig(), { order: 'StopFirst' });
  assert.deepEqual(steps, ['stop old', 'start new (restarts 4)', 'wait new']);
  assert.match(events[0]!, /^Warning ReloadFailed: replacement for instance 0 did not become ready/);
});

test('nothing running: StartFirst just starts', async () => {
  const { fake, steps } = host({ oldRunning: false });
  await handOver(fake, makeConfig(), { order: 'StartFirst' });
  assert.deepEqual(steps, ['start new (restarts 0)', 'wait new']);
});
