import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate, migrations, type Migration } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/store.js';
import { parseManifestText } from '../../src/manifest/parse-manifest-text.js';

const latest = migrations.at(-1)!.version;

test('a new database is migrated to the latest version', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-store-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const store = openStore(path.join(dir, 'state.db'));
  t.after(() => store.close());
  assert.equal(store.db.pragma('user_version', { simple: true }), latest);
  assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
});

test('an existing database keeps its rows and gains only newer migrations', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-store-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'state.db');
  const first = openStore(file);
  const resource = parseManifestText('apiVersion: berth/v1\nkind: App\nmetadata: {name: web}\nspec: {script: node}\n', 'web.yaml').resources[0]!;
  first.apps.upsert(resource);
  first.close();

  const db = new Database(file);
  t.after(() => db.close());
  const applied: number[] = [];
  const extra: Migration = { version: latest + 1, description: 'test column', up: (d) => { applied.push(latest + 1); d.exec('ALTER TABLE apps ADD COLUMN note TEXT'); } };
  assert.deepEqual(migrate(db, [...migrations, extra]), { from: latest, to: latest + 1 });
  assert.deepEqual(migrate(db, [...migrations, extra]), { from: latest + 1, to: latest + 1 });
  assert.deepEqual(applied, [latest + 1]);
  assert.equal((db.prepare('SELECT name FROM apps').get() as { name: string }).name, 'web');
});

test('a failing migration rolls back whole and leaves the version', async (t) => {
  const db = new Database(':memory:');
  t.after(() => db.close());
  migrate(db);
  const broken: Migration = { version: latest + 1, description: 'broken', up: (d) => { d.exec('CREATE TABLE half (x)'); d.exec('NOT SQL'); } };
  assert.throws(() => migrate(db, [...migrations, broken]));
  assert.equal(db.pragma('user_version', { simple: true }), latest);
  assert.equal(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get() && (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get() as { n: number }).n, 0);
});

test('apps: generation bumps on spec change only; conditions keep transition time', async (t) => {
  let now = 1_000;
  const db = new Database(':memory:');
  t.after(() => db.close());
  migrate(db);
  const { Store } = await import('../../src/store/store.js');
  const store = new Store(db, { now: () => now });
  const parse = (text: string) => parseManifestText(text, 'web.yaml').resources[0]!;
  const v1 = parse('apiVersion: berth/v1\nkind: App\nmetadata: {name: web}\nspec: {script: node}\n');
  assert.equal(store.apps.upsert(v1).change, 'created');
  assert.equal(store.apps.upsert(v1).change, 'unchanged');
  const labelled = parse('apiVersion: berth/v1\nkind: App\nmetadata: {name: web, labels: {a: b}}\nspec: {script: node}\n');
  assert.equal(store.apps.upsert(labelled).change, 'unchanged');
  assert.equal(store.apps.get('web')?.generation, 1);
  assert.deepEqual(store.apps.get('web')?.labels, { a: 'b' });
  const scaled = parse('apiVersion: berth/v1\nkind: App\nmetadata: {name: web}\nspec: {script: node, instances: 3}\n');
  assert.equal(store.apps.upsert(scaled).change, 'configured');
  assert.equal(store.apps.get('web')?.generation, 2);

  store.apps.setCondition('web', { type: 'Ready', status: 'False', reason: 'Starting', message: '0/3 ready' });
  now = 5_000;
  store.apps.setCondition('web', { type: 'Ready', status: 'False', reason: 'Starting', message: '1/3 ready' });
  assert.equal(store.apps.get('web')?.conditions[0]?.lastTransitionTime, new Date(1_000).toISOString());
  store.apps.setCondition('web', { type: 'Ready', status: 'True', reason: 'AllReady', message: '3/3 ready' });
  assert.equal(store.apps.get('web')?.conditions[0]?.lastTransitionTime, new Date(5_000).toISOString());
});

test('processes creating a new home\'s store at the same moment all succeed', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-store-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const storeModule = new URL('../../src/store/store.js', import.meta.url).href;
  for (let round = 0; round < 5; round++) {
    const file = path.join(dir, `state-${round}.db`);
    // Each waits for the same instant, then opens (and so creates and migrates) the store.
    const start = Date.now() + 400;
    const script = `const { openStore } = await import('${storeModule}'); while (Date.now() < ${start}); const s = openStore(${JSON.stringify(file)}); console.log(s.db.pragma('user_version', { simple: true })); s.close();`;
    const runs = await Promise.all(Array.from({ length: 6 }, () => new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('exit', (code) => resolve({ code, out, err }));
    })));
    for (const run of runs) {
      assert.equal(run.code, 0, run.err.split('\n').find((l) => l.includes('Error')) ?? run.err);
      assert.equal(run.out.trim(), String(latest));
    }
  }
});
