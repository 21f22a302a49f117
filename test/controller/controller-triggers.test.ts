// cronRestart, watch and envFile through the in-memory Controller: a fake
// clock drives the cron schedule, fake watches report file changes; each
// ends in a rolling restart (reload requests through the planner).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AppResource } from '../../src/manifest/types.js';
import { app, controllerHarness as setup, HOME } from '../helpers/controller-harness.js';

const START = Date.parse('2026-03-10T12:00:00.300Z');
const reasons = (store: ReturnType<typeof setup>['store'], name: string, reason: string) => store.events.list(name).filter((e) => e.reason === reason).map((e) => e.message);

test('cronRestart: a rolling restart of every running instance at each tick, with a CronRestart event', async () => {
  const { store, supervisor, files, controller, timers, edit } = setup({ start: START });
  files.set('web.yaml', app('web', 'instances: 2, port: "3000-3001", reloadOrder: StartFirst, cronRestart: "*/5 * * * * *"'));
  await controller.start();
  await controller.settle();
  assert.equal((await controller.appInfo('web')).spec?.nextCronRestart, Date.parse('2026-03-10T12:00:05Z'));

  timers.advance(4_600);
  await controller.settle();
  assert.equal(supervisor.log.length, 2, 'not before the tick');
  timers.advance(100);
  await controller.settle();
  assert.deepEqual(supervisor.log.slice(2), ['replace web/0 port=3000', 'replace web/1 port=3001'], 'one instance after the other');
  assert.deepEqual(reasons(store, 'web', 'CronRestart'), ['scheduled restart (cronRestart "*/5 * * * * *")']);

  await controller.act('web', 'stop', {});
  timers.advance(5_000);
  await controller.settle();
  assert.equal(reasons(store, 'web', 'CronRestart').length, 1, 'a stopped app is not started by its schedule');

  await controller.act('web', 'start', {});
  await edit('web.yaml', app('web', 'instances: 2, port: "3000-3001", reloadOrder: StartFirst, cronRestart: "0 3 * * *"'));
  const before = supervisor.log.length;
  timers.advance(60_000);
  await controller.settle();
  assert.equal(supervisor.log.length, before, 'a new schedule replaces the old one; editing it restarts nothing');

  await edit('web.yaml', undefined);
  timers.advance(1_005); // the vanish grace
  await controller.settle();
  timers.advance(24 * 3_600_000);
  await controller.settle();
  assert.equal(reasons(store, 'web', 'CronRestart').length, 1, 'a deleted app has no schedule');
});

test('watch: one watch per app, skipping berth\'s logs; a change is a rolling restart with a WatchRestart event', async () => {
  const { store, supervisor, files, controller, appWatches, edit, timers } = setup();
  files.set('web.yaml', app('web', 'port: 3000, cwd: /srv/web, watch: true, logs: {out: /srv/web/out.log}'));
  await controller.start();
  await controller.settle();
  const [watch] = appWatches();
  assert.equal(appWatches().length, 1);
  assert.deepEqual(watch!.options.watch.paths, ['/srv/web']);
  assert.deepEqual(watch!.options.skip, [`${HOME}/logs`, '/srv/web/out.log']);

  watch!.options.onChange(['/srv/web/src/a.js', '/srv/web/b.js']);
  await controller.settle();
  assert.deepEqual(supervisor.log.slice(1), ['start web/0 port=3000'], 'same ports: stop-first replacement');
  assert.deepEqual(reasons(store, 'web', 'WatchRestart'), ['b.js and 1 more file changed']);

  await edit('web.yaml', app('web', 'port: 3000, cwd: /srv/web, watch: {ignore: ["*.tmp"]}, logs: {out: /srv/web/out.log}'));
  assert.equal(watch!.closed, true, 'a changed watch is made again');
  assert.deepEqual(appWatches().map((w) => w.options.watch.ignore), [['*.tmp']]);
  assert.equal(supervisor.log.length, 2, 'editing watch restarts nothing');

  await edit('web.yaml', undefined);
  timers.advance(1_005); // the vanish grace
  await controller.settle();
  assert.deepEqual(appWatches(), [], 'closed when the app goes');
});

test('env files: one watch over every file the manifests name; a change reads the manifests again and rolls the app', async () => {
  const { store, supervisor, files, envFiles, controller, envWatches, edit, timers } = setup();
  envFiles.set('/srv/web/web.env', 'GREETING=hello\n');
  envFiles.set('/srv/api/api.env', 'TOKEN=1\n');
  files.set('web.yaml', app('web', 'port: 3000, envFile: /srv/web/web.env'));
  await controller.start();
  await controller.settle();
  assert.deepEqual(envWatches().map((w) => w.options.files), [['/srv/web/web.env']]);
  assert.equal((store.apps.get('web')!.resource as AppResource).spec.env.GREETING, 'hello');

  envFiles.set('/srv/web/web.env', 'GREETING=bonjour\n');
  envWatches()[0]!.options.onChange(['/srv/web/web.env']);
  await controller.settle();
  assert.equal((store.apps.get('web')!.resource as AppResource).spec.env.GREETING, 'bonjour');
  assert.deepEqual(supervisor.log.slice(1), ['start web/0 port=3000'], 'the new value rolls the app');

  await edit('api.yaml', app('api', 'port: 4000, envFile: [/srv/api/api.env]'));
  assert.deepEqual(envWatches().map((w) => w.options.files), [['/srv/api/api.env', '/srv/web/web.env']]);
  await edit('web.yaml', undefined);
  await edit('api.yaml', undefined);
  timers.advance(1_005); // the vanish grace
  await controller.settle();
  assert.deepEqual(envWatches(), []);
});
