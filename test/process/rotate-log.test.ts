import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveLogPaths } from '../../src/process/log-paths.js';
import { rotateOpenLog, type RotationSlots } from '../../src/process/rotate-log.js';
import { createAppendFile } from '../../src/process/log-file-io.js';
import { spawnProcess } from '../../src/process/spawn-process.js';
import { fixture, killGroupAfter, tempDir, until, holdEventLoop } from '../instance/helpers.js';

holdEventLoop();

/** Slots that let berth replace any numbered copy except the names in `foreign`. */
function slots(foreign: string[] = []): RotationSlots {
  return { mayReplace: async (file) => !foreign.includes(file), created: () => {}, moved: () => {} };
}

test('rotation through the held descriptor keeps maxFiles copies, each capped at maxSize, and the app keeps writing', async (t) => {
  const dir = tempDir(t);
  const { out } = resolveLogPaths({ app: 'spam', index: 0, logDir: dir });
  const { handle } = await createAppendFile(out);
  t.after(() => handle.close());
  const child = await spawnProcess({ script: process.execPath, args: [fixture('log-spammer.mjs'), '2', '20'], cwd: dir, env: {}, shell: false, stdout: handle.fd, stderr: handle.fd });
  killGroupAfter(t, child.pid);
  const log = { file: out, handle, maxSizeBytes: 20_000, maxFiles: 3 };
  for (let rotations = 0; rotations < 5; rotations++) {
    // let it grow well past maxSize: the copy still holds only the newest maxSize bytes
    await until('log grows', () => statSync(out).size > 50_000);
    assert.equal(await rotateOpenLog(log, statSync(out).size, slots()), 'rotated');
  }
  assert.ok(existsSync(`${out}.1`) && existsSync(`${out}.2`) && existsSync(`${out}.3`));
  assert.equal(existsSync(`${out}.4`), false, 'only maxFiles rotated copies');
  for (const n of [1, 2, 3]) assert.equal(statSync(`${out}.${n}`).size, 20_000, `copy ${n} is capped at maxSize`);
  // O_APPEND: after truncation the app writes at the new end, no sparse hole of zeros.
  await until('writes after rotation', () => statSync(out).size > 0);
  assert.equal(readFileSync(out, 'utf8').includes('\0'), false);
  assert.match(readFileSync(`${out}.1`, 'utf8'), /^line \d+ x+$/m);
});

test('a numbered copy that is not berth\'s is never replaced: the log is truncated instead', async (t) => {
  const dir = tempDir(t);
  const out = path.join(dir, 'app.log');
  const { handle } = await createAppendFile(out);
  t.after(() => handle.close());
  writeFileSync(`${out}.2`, 'a user file\n');
  await handle.write('x'.repeat(100));
  const result = await rotateOpenLog({ file: out, handle, maxSizeBytes: 10, maxFiles: 3 }, 100, slots([`${out}.2`]));
  assert.equal(result, 'truncated');
  assert.equal(statSync(out).size, 0);
  assert.equal(readFileSync(`${out}.2`, 'utf8'), 'a user file\n');
  assert.equal(existsSync(`${out}.1`), false);
});
