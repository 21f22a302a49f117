// dependsOn through the in-memory Controller: the start gate (pending with
// WaitingForDependency, one event per wait, woken by the dependency's
// instances), compose semantics once running, and dependents-first stops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { app, controllerHarness as setup } from '../helpers/controller-harness.js';

const condition = (store: ReturnType<typeof setup>['store'], name: string, type: string) => store.apps.get(name)!.conditions.find((c) => c.type === type);
const events = (store: ReturnType<typeof setup>['store'], name: string, reason: string) => store.events.list(name).filter((e) => e.reason === reason).map((e) => e.message);

test('a dependent waits, pending with WaitingForDependency, until every instance of its dependency is Ready', async () => {
  const { store, supervisor, files, controller, timers } = setup();
  supervisor.startStatus.set('db', 'starting');
  files.set('db.yaml', app('db', 'instances: 2, port: "5432-5433"'));
  files.set('web.yaml', app('web', 'port: 3000, dependsOn: [db]'));
  await controller.start();
  await controller.settle();
  assert.deepEqual(supervisor.log, ['start db/0 port=5432', 'start db/1 port=5433'], 'web does not start');

  const [view] = (await controller.listInstances()).filter((v) => v.app === 'web');
  assert.deepEqual([view?.status, view?.reason, view?.message], ['pending', 'WaitingForDependency', 'waiting for app "db" to be Ready (0/2 ready)']);
  assert.equal(condition(store, 'web', 'Progressing')?.reason, 'WaitingForDependency');
  timers.advance(50);
  assert.equal(condition(store, 'web', 'Ready')?.reason, 'WaitingForDependency');

  supervisor.setStatus('db', 0, 'online');
  await controller.settle();
  assert.equal(supervisor.log.length, 2, 'one of two ready is not Ready');
  assert.equal(condition(store, 'web', 'Progressing')?.message, 'waiting for app "db" to be Ready (1/2 ready)');

  supervisor.setStatus('db', 1, 'online');
  await controller.settle();
  assert.deepEqual(supervisor.log.slice(2), ['start web/0 port=3000']);
  assert.equal(condition(store, 'web', 'Progressing')?.reason, 'Reconciled');
  assert.deepEqual(events(store, 'web', 'WaitingForDependency'), ['waiting for app "db" to be Ready (0/2 ready)'], 'one event per wait');
  assert.equal((await controller.listInstances()).find((v) => v.app === 'web')?.reason, undefined);

  // compose semantics: a dependency that turns unready later leaves the running dependent alone.
  supervisor.setStatus('db', 0, 'crashloop');
  await controller.reconcileNow();
  assert.deepEqual(supervisor.log.slice(3), []);
});

test('condition Started waits for running processes, not readiness; an undefined dependency is waited for until it appears', async () => {
  const { supervisor, files, controller, edit } = setup();
  supervisor.startStatus.set('cache', 'starting');
  files.set('cache.yaml', app('cache', 'port: 6379'));
  files.set('api.yaml', app('api', 'port: 4000, dependsOn: [{name: cache, condition: Started}, queue]'));
  await controller.start();
  await controller.settle();
  assert.deepEqual(supervisor.log, ['start cache/0 port=6379']);
  const api = (await controller.listInstances()).find((v) => v.app === 'api');
  assert.equal(api?.message, 'waiting for app "queue" to be Ready (it is not defined)', 'cache has started: the next dependency is waited for');

  await edit('queue.yaml', app('queue', 'port: 5672'));
  await controller.settle();
  assert.deepEqual(supervisor.log.slice(1), ['start queue/0 port=5672', 'start api/0 port=4000']);
});

test('berth start waits at the gate like a first start; crash restarts and the running app never do', async () => {
  const { supervisor, files, controller } = setup();
  files.set('db.yaml', app('db', 'port: 5432'));
  files.set('web.yaml', app('web', 'port: 3000, dependsOn: [db]'));
  await controller.start();
  await controller.settle();
  await controller.act('web', 'stop', {});
  await controller.act('db', 'stop', {});
  await controller.act('web', 'start', {});
  const web = (await controller.listInstances()).find((v) => v.app === 'web');
  assert.deepEqual([web?.status, web?.message], ['pending', 'waiting for app "db" to be Ready (it is stopped)']);
  assert.equal(supervisor.get('web', 0)?.stopped, true);

  await controller.act('db', 'start', {});
  await controller.settle();
  assert.equal(supervisor.get('web', 0)?.stopped, false, 'the start asked for while waiting happens once db is up');
  assert.deepEqual(supervisor.log.slice(-2), ['start db/0 port=5432', 'start web/0 port=3000']);
});

test('shutdown with stopApps stops dependents first, layer by layer', async () => {
  const { supervisor, files, controller } = setup();
  files.set('db.yaml', app('db', 'port: 5432'));
  files.set('api.yaml', app('api', 'port: 4000, dependsOn: [db]'));
  files.set('web.yaml', app('web', 'port: 3000, dependsOn: [api, {name: db, condition: Started}]'));
  files.set('cache.yaml', app('cache', 'port: 6379'));
  await controller.start();
  await controller.settle();
  await controller.settle();
  await controller.shutdown({ stopApps: true });
  const stops = supervisor.log.filter((line) => line.startsWith('stop '));
  assert.deepEqual(stops, ['stop cache/0', 'stop web/0', 'stop api/0', 'stop db/0']);
});

test('apps deleted together are removed dependents first', async () => {
  const { store, supervisor, files, controller, edit, timers } = setup();
  files.set('db.yaml', app('db', 'port: 5432'));
  files.set('web.yaml', app('web', 'port: 3000, dependsOn: [db]'));
  await controller.start();
  await controller.settle();
  await controller.settle();
  files.delete('db.yaml');
  await edit('web.yaml', undefined);
  timers.advance(1_005); // the vanish grace
  await controller.settle();
  assert.deepEqual(supervisor.log.filter((line) => line.startsWith('remove')), ['remove web/0', 'remove db/0']);
  assert.equal(store.apps.get('db'), undefined);
});
