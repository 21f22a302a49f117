import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { resolveLogPaths } from '../../src/process/log-paths.js';
import { rotateLogIfNeeded } from '../../src/process/rotate-log.js';
import { spawnProcess } from '../../src/process/spawn-process.js';
import { fixture, killGroupAfter, tempDir, until, holdEventLoop } from '../instance/helpers.js';

holdEventLoop();

test('rotation of a log that a running app writes keeps maxFiles copies and the app keeps writing', async (t) => {
  const dir = tempDir(t);
  const { out, err } = resolveLogPaths({ app: 'spam', index: 0, logDir: dir });
  const child = await spawnProcess({ script: process.execPath, args: [fixture('log-spammer.mjs'), '2', '20'], cwd: dir, env: {}, shell: false, stdoutPath: out, stderrPath: err });
  killGroupAfter(t, child.pid);
  let rotations = 0;
  while (rotations < 5) {
    await until('log grows', () => existsSync(out) && statSync(out).size > 20_000);
    if (await rotateLogIfNeeded(out, { maxSizeBytes: 20_000, maxFiles: 3 })) rotations++;
  }
  assert.ok(existsSync(`${out}.1`) && existsSync(`${out}.2`) && existsSync(`${out}.3`));
  assert.equal(existsSync(`${out}.4`), false, 'only maxFiles rotated copies');
  // O_APPEND: after truncation the app writes at the new end, no sparse hole of zeros.
  await until('writes after rotation', () => statSync(out).size > 0);
  assert.equal(readFileSync(out, 'utf8').includes('\0'), false);
  assert.match(readFileSync(`${out}.1`, 'utf8'), /^line \d+ x+$/m);
  assert.equal(await rotateLogIfNeeded(path.join(dir, 'missing.log'), { maxSizeBytes: 1, maxFiles: 1 }), false);
});
