// controller.log and controller.out.log are rotated like app logs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync, closeSync, readFileSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { openControllerLog } from '../../src/log/open-controller-log.js';
import { controllerLogs, startControllerLogRotation } from '../../src/log/rotate-controller-logs.js';
import { LogOwnership } from '../../src/instance/log-ownership.js';
import { memoryStore } from '../helpers/memory-store.js';
import { tempDir, until } from '../instance/helpers.js';

test('controller.log over its size is rotated through the descriptor the logger writes to', async (t) => {
  const home = tempDir(t);
  mkdirSync(path.join(home, 'logs'), { mode: 0o700 });
  const file = path.join(home, 'logs', 'controller.log');
  const fd = openControllerLog(file);
  t.after(() => closeSync(fd));
  assert.equal(statSync(file).mode & 0o777, 0o600);
  const store = memoryStore();
  t.after(() => store.close());
  const errors: unknown[] = [];
  const stop = startControllerLogRotation({ home, slots: new LogOwnership(store, path.join(home, 'logs')), maxSizeBytes: 1_000, maxFiles: 2, checkEveryMs: 20, onError: (err) => errors.push(err) });
  t.after(stop);
  writeSync(fd, `${'x'.repeat(99)}\n`.repeat(30));
  await until('rotated', () => statSync(file).size === 0 && statSync(`${file}.1`).size === 1_000);
  writeSync(fd, 'after rotation\n');
  assert.equal(readFileSync(file, 'utf8'), 'after rotation\n');
  assert.deepEqual(errors, []);
});

test('controller.out.log is recognised as the detached controller\'s stdout', (t) => {
  const home = tempDir(t);
  mkdirSync(path.join(home, 'logs'), { mode: 0o700 });
  const out = path.join(home, 'logs', 'controller.out.log');
  const fd = openSync(out, 'a');
  const module = new URL('../../src/log/rotate-controller-logs.js', import.meta.url).pathname;
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', `import { controllerLogs } from ${JSON.stringify(module)}; process.stderr.write(JSON.stringify(controllerLogs(${JSON.stringify(home)})));`], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  closeSync(fd);
  assert.deepEqual(JSON.parse(res.stderr), [[out, 1]]);
  assert.deepEqual(controllerLogs(home), [], 'a foreground controller\'s stdout is not the file');
});
