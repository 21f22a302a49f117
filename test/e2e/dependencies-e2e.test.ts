// dependsOn with a real controller and real processes: the dependent waits
// (pending, WaitingForDependency in list, info and events) and never starts
// before its dependency is Ready; `berth down` stops dependents first, with
// a controller and without one. Order comes from the apps' own journal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BerthHarness, ROOT, allOnline } from '../helpers/berth-harness.js';
import { freePort } from '../helpers/free-ports.js';

const SERVER = path.join(ROOT, 'test', 'fixtures', 'journal-server.mjs');

function journalApp(name: string, port: number, journal: string, { gate, dependsOn }: { gate?: string; dependsOn?: string } = {}): string {
  return [
    'apiVersion: berth/v1',
    'kind: App',
    `metadata: {name: ${name}}`,
    'spec:',
    '  script: node',
    `  args: [${SERVER}, ${name}, ${journal}${gate ? `, ${gate}` : ''}]`,
    `  port: ${port}`,
    '  stopTimeout: 5s',
    ...(dependsOn ? [`  dependsOn: ${dependsOn}`] : []),
    '',
  ].join('\n');
}

/** The journal as [name, what, ms] entries, in the order written. */
async function readJournal(file: string): Promise<[string, string, number][]> {
  const text = await readFile(file, 'utf8');
  return text.trim().split('\n').map((line) => {
    const [name, what, ms] = line.split(' ');
    return [name!, what!, Number(ms)];
  });
}

const at = (journal: [string, string, number][], name: string, what: string) => journal.findIndex(([n, w]) => n === name && w === what);

test('a dependent waits, pending with WaitingForDependency, and starts only once its dependency is Ready; down stops it first', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const journal = path.join(berth.root, 'journal');
  const gate = path.join(berth.root, 'db-may-listen');
  await berth.up();
  await berth.writeManifest('db.yaml', journalApp('db', await freePort(), journal, { gate }));
  await berth.writeManifest('web.yaml', journalApp('web', await freePort(), journal, { dependsOn: '[db]' }));

  const rows = await berth.waitFor((r) => r.some((i) => i.app === 'db' && i.status === 'starting') && r.some((i) => i.app === 'web' && i.reason === 'WaitingForDependency'), 'web waiting for db');
  const web = rows.find((i) => i.app === 'web')!;
  assert.deepEqual([web.status, web.pid, web.message], ['pending', null, 'waiting for app "db" to be Ready (0/1 ready)']);
  const list = await berth.cli(['list']);
  assert.match(list.stderr, /^Note: web is waiting for app "db" to be Ready \(0\/1 ready\)$/m);
  const info = JSON.parse((await berth.cli(['info', 'web', '-o', 'json'])).stdout) as { events: { reason: string; message: string }[]; conditions: { type: string; reason: string }[]; spec: { dependsOn: unknown } };
  assert.ok(info.events.some((e) => e.reason === 'WaitingForDependency' && e.message.includes('"db"')), JSON.stringify(info.events));
  assert.equal(info.conditions.find((c) => c.type === 'Progressing')?.reason, 'WaitingForDependency');
  assert.deepEqual(info.spec.dependsOn, [{ name: 'db', condition: 'Ready' }]);

  await writeFile(gate, '');
  await berth.waitFor(allOnline(2), 'db and web online');
  const started = await readJournal(journal);
  assert.ok(at(started, 'db', 'ready') >= 0 && at(started, 'db', 'ready') < at(started, 'web', 'start'), `web started after db was ready: ${JSON.stringify(started)}`);
  assert.ok(started[at(started, 'web', 'start')]![2] >= started[at(started, 'db', 'ready')]![2]);

  const down = await berth.cli(['down']);
  assert.equal(down.code, 0, down.stderr);
  const stopped = await readJournal(journal);
  assert.ok(at(stopped, 'web', 'exit') >= 0 && at(stopped, 'web', 'exit') < at(stopped, 'db', 'sigterm'), `db was signalled after web exited: ${JSON.stringify(stopped)}`);
});

test('without a controller, berth down also stops dependents first', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const journal = path.join(berth.root, 'journal');
  await berth.up();
  await berth.writeManifest('db.yaml', journalApp('db', await freePort(), journal));
  await berth.writeManifest('api.yaml', journalApp('api', await freePort(), journal, { dependsOn: '[{name: db, condition: Started}]' }));
  await berth.waitFor(allOnline(2), 'db and api online');
  await berth.killController();
  const down = await berth.cli(['down']);
  assert.match(down.stdout, /controller not running; stopped 2 processes/);
  const stopped = await readJournal(journal);
  assert.ok(at(stopped, 'api', 'exit') >= 0 && at(stopped, 'api', 'exit') < at(stopped, 'db', 'sigterm'), JSON.stringify(stopped));
});
