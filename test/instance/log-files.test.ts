// The log files berth owns: created O_EXCL and recorded, reopened only while
// they are the recorded file, shared by instances naming the same path,
// rotated from the sweep through the held descriptor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync, writeSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { LogFiles } from '../../src/instance/log-files.js';
import { LogOwnership } from '../../src/instance/log-ownership.js';
import { BerthError } from '../../src/errors.js';
import { memoryStore } from '../helpers/memory-store.js';
import { fixture, holdEventLoop, tempDir, until } from './helpers.js';
import { supervisorSetup } from './supervisor-harness.js';
import { waitFor } from '../helpers/wait-for.js';

holdEventLoop();

const limits = { maxSizeBytes: 1_000, maxFiles: 2 };

function setup(t: Parameters<typeof tempDir>[0]) {
  const home = tempDir(t, 'berth-logs-');
  const store = memoryStore();
  t.after(() => store.close());
  const errors: unknown[] = [];
  const logs = new LogFiles(new LogOwnership(store, path.join(home, 'logs')), (err) => errors.push(err));
  return { home, store, logs, errors, logDir: path.join(home, 'logs') };
}

const notOwned = (stream: string, file: string) => (err: unknown) => err instanceof BerthError && err.code === 'SPAWN_FAILED' && err.message === `logs.${stream}: ${file} exists and was not created by berth`;

test('a new file is created 0640 and recorded; reopened while it is the same file; a replaced one is refused', async (t) => {
  const { store, logs, home } = setup(t);
  const out = path.join(home, 'elsewhere', 'app.log');
  const err = path.join(home, 'elsewhere', 'app.err');
  const first = await logs.acquire({ out, err }, limits);
  writeSync(first.out, 'one\n');
  first.release();
  assert.equal(statSync(out).mode & 0o777, 0o640);
  assert.ok(store.logFiles.get(out));
  const again = await logs.acquire({ out, err }, limits);
  writeSync(again.out, 'two\n');
  again.release();
  assert.equal(readFileSync(out, 'utf8'), 'one\ntwo\n', 'berth appends to its own file');
  // someone swaps the file for another: not berth's any more
  renameSync(out, `${out}.moved`);
  writeFileSync(out, 'mine\n');
  await assert.rejects(logs.acquire({ out, err }, limits), notOwned('out', out));
  assert.equal(readFileSync(out, 'utf8'), 'mine\n');
  assert.deepEqual(logs.openFiles, [], 'a failed acquire holds nothing');
});

test('a user\'s file, a symlink, a FIFO: never opened for writing; a legacy log in <home>/logs is berth\'s', async (t) => {
  const { logs, home, logDir } = setup(t);
  const user = path.join(home, 'user.txt');
  writeFileSync(user, 'precious\n');
  await assert.rejects(logs.acquire({ out: user, err: path.join(home, 'e.log') }, limits), notOwned('out', user));
  mkdirSync(logDir, { recursive: true });
  const link = path.join(logDir, 'web-0.err.log');
  symlinkSync(user, link);
  await assert.rejects(logs.acquire({ out: path.join(home, 'o.log'), err: link }, limits), notOwned('err', link));
  assert.equal(readFileSync(user, 'utf8'), 'precious\n');
  // an older berth's log in its own folder (no record yet) is taken as berth's
  const legacy = path.join(logDir, 'web-0.out.log');
  writeFileSync(legacy, 'old\n');
  const held = await logs.acquire({ out: legacy, err: path.join(logDir, 'web-0.err2.log') }, limits);
  writeSync(held.out, 'new\n');
  held.release();
  assert.equal(readFileSync(legacy, 'utf8'), 'old\nnew\n');
});

test('instances sharing one path get the same file at once; it closes with the last of them', async (t) => {
  const { logs, home } = setup(t);
  const shared = path.join(home, 'shared.log');
  const [a, b] = await Promise.all([
    logs.acquire({ out: shared, err: shared }, limits),
    logs.acquire({ out: shared, err: path.join(home, 'b.err') }, limits),
  ]);
  assert.equal(a.out, b.out);
  a.release();
  assert.deepEqual(logs.openFiles.sort(), [path.join(home, 'b.err'), shared].sort());
  b.release();
  assert.deepEqual(logs.openFiles, []);
});

test('checkSizes rotates a file over maxSize, the copy capped at maxSize', async (t) => {
  const { logs, home, errors } = setup(t);
  const out = path.join(home, 'big.log');
  const held = await logs.acquire({ out, err: out }, limits);
  t.after(() => held.release());
  writeSync(held.out, 'x'.repeat(5_000));
  logs.checkSizes();
  await until('rotated', () => existsSync(`${out}.1`) && statSync(out).size === 0);
  assert.equal(statSync(`${out}.1`).size, 1_000);
  assert.deepEqual(errors, []);
});

test('checkSizes takes turns past its budget: each tick looks at that many files, every file within a round', async (t) => {
  const { logs, home, errors } = setup(t);
  const files = ['a', 'b', 'c', 'd', 'e'].map((name) => path.join(home, `${name}.log`));
  const held = await Promise.all(files.map((file) => logs.acquire({ out: file, err: file }, limits)));
  t.after(() => held.forEach((h) => h.release()));
  // the last one opened is over its size: with 2 checks a tick it is reached on the 3rd tick, not before
  writeSync(held[4]!.out, 'x'.repeat(5_000));
  logs.checkSizes(2);
  logs.checkSizes(2);
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(existsSync(`${files[4]}.1`), false, 'not looked at in the first two ticks');
  logs.checkSizes(2);
  await until('rotated on the third tick', () => existsSync(`${files[4]}.1`));
  // a file that grows later is found within the next round (3 ticks), wherever the turn stands
  writeSync(held[1]!.out, 'y'.repeat(5_000));
  for (let tick = 0; tick < 3; tick++) logs.checkSizes(2);
  await until('second file rotated within a round', () => existsSync(`${files[1]}.1`));
  assert.deepEqual(errors, []);
});

test('rotation bounds disk use: the files of a 2 MB/s writer never exceed maxSize × (maxFiles + 1) plus one second of its output', async (t) => {
  const setup = supervisorSetup(t, { sweepIntervalMs: 200 });
  const rate = 2 * 1024 * 1024;
  const maxSizeBytes = 256 * 1024;
  const maxFiles = 2;
  const bound = maxSizeBytes * (maxFiles + 1) + rate;
  const progress = path.join(setup.dir, 'written');
  setup.track(setup.supervisor.start(setup.config({ args: [fixture('log-flood.mjs'), String(rate), progress], logs: { maxSizeBytes, maxFiles } }, { app: 'flood' })));
  const logDir = path.join(setup.dir, 'logs');
  const total = () => (existsSync(logDir) ? readdirSync(logDir) : []).filter((f) => f.startsWith('flood-0.out.log')).reduce((sum, f) => sum + (statOrUndefined(path.join(logDir, f))?.size ?? 0), 0);
  let largest = 0;
  // watch the total the whole time the app writes 6 MB (about 24 rotations' worth)
  await waitFor(() => {
    largest = Math.max(largest, total());
    return existsSync(progress) && Number(readFileSync(progress, 'utf8')) >= 6 * 1024 * 1024;
  }, { what: '6 MB written', timeoutMs: 30_000, pollMs: 10 });
  assert.ok(existsSync(path.join(logDir, 'flood-0.out.log.2')), 'rotated');
  t.diagnostic(`largest total ${largest} bytes, bound ${bound}`);
  assert.ok(largest <= bound, `largest total ${largest} bytes, bound ${bound}`);
  assert.deepEqual(setup.errors, []);
});

function statOrUndefined(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined; // renamed or dropped meanwhile
  }
}
