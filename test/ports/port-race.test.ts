// Two real OS processes allocate from the same small pool in the same SQLite
// file at the same moment: no port may ever be handed to both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/store.js';
import { freePortRange } from '../helpers/free-ports.js';

const worker = fileURLToPath(new URL('../fixtures/ports-race-worker.js', import.meta.url));

/** Runs a fixture script to its end and parses what it printed as JSON. */
function runFixture<T>(t: import('node:test').TestContext, script: string, args: string[]): Promise<T> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => { out += d; });
  child.stderr.on('data', (d: Buffer) => { err += d; });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`worker exited ${code}: ${err}`))));
  });
}

const probeWorker = fileURLToPath(new URL('../fixtures/ports-probe-race-worker.js', import.meta.url));

test('two processes racing for the same pool never hold a port twice', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-ports-race-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'state.db');
  openStore(file).close(); // migrate once, before the race
  const [start, end] = [20000, 20299];
  const goAt = String(Date.now() + 400);
  const results = await Promise.all([1, 2].map((id) => runFixture<Record<string, number[]>>(t, worker, [file, String(id), String(start), String(end), goAt])));

  const given = results.flatMap((r) => Object.entries(r).flatMap(([owner, ports]) => ports.map((port) => ({ owner, port }))));
  const ports = given.map((g) => g.port);
  assert.equal(new Set(ports).size, ports.length, 'no port handed out twice');
  assert.ok(results.every((r) => Object.keys(r).length > 10), 'both workers got blocks');
  const [mine, theirs] = results.map((r) => Object.values(r).flat());
  assert.ok(Math.min(...mine!) < Math.max(...theirs!) && Math.min(...theirs!) < Math.max(...mine!), 'their blocks interleave: they really raced');
  for (const r of results) {
    for (const block of Object.values(r)) assert.ok(block.every((p, i) => i === 0 || p === block[i - 1]! + 1), 'blocks are contiguous');
  }
  const store = openStore(file);
  t.after(() => store.close());
  const rows = store.allocations.list();
  assert.deepEqual(rows.map((r) => `${r.owner}/${r.port}`).sort(), given.map((g) => `${g.owner}/${g.port}`).sort(), 'what each worker was told is exactly what the store holds');
  assert.ok(ports.length >= end - start, 'the pool was used up (at most one lone port left)');
});

test('processes allocating at the same instant with real bind probes: one another\'s probes never make a free pool look full', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-ports-probe-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const workers = 4;
  const each = 8;
  for (let round = 0; round < 3; round++) {
    const file = path.join(dir, `state-${round}.db`);
    openStore(file).close();
    const base = await freePortRange(workers * each);
    const goAt = String(Date.now() + 500);
    const results = await Promise.all(Array.from({ length: workers }, (_, id) => runFixture<{ got: number[]; error: string | null }>(t, probeWorker, [file, String(id), String(base), String(base + workers * each - 1), goAt, String(each)])));
    const errors = results.map((r) => r.error).filter((e) => e !== null);
    assert.deepEqual(errors, [], `round ${round}: a pool of ${workers * each} free ports looked full`);
    const ports = results.flatMap((r) => r.got);
    assert.equal(new Set(ports).size, workers * each, 'every port of the pool handed out once');
  }
});
