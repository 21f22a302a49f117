import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { followLogs, readLogTail, tailFile, type LogLine } from '../../src/process/read-logs.js';
import { tempDir, until } from '../instance/helpers.js';

test('readLogTail returns the last N lines per instance, filling from .1 after a rotation', async (t) => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'web-0.out.log'), 'a\nb\nc\n');
  writeFileSync(path.join(dir, 'web-1.out.log'), 'z');
  writeFileSync(path.join(dir, 'web-1.err.log'), 'e1\ne2\n');
  writeFileSync(path.join(dir, 'web-0.out.log.1'), 'old1\nold2\n');
  writeFileSync(path.join(dir, 'webx-0.out.log'), 'other app\n');
  const one = await readLogTail({ app: 'web', index: 0, logDir: dir }, 2);
  assert.deepEqual(one.map((l) => l.line), ['b', 'c']);
  const filled = await readLogTail({ app: 'web', index: 0, logDir: dir }, 4);
  assert.deepEqual(filled.map((l) => l.line), ['old2', 'a', 'b', 'c']);
  const all = await readLogTail({ app: 'web', index: 'all', logDir: dir }, 10);
  assert.deepEqual(all.map((l) => `${l.index}/${l.stream}:${l.line}`), ['0/out:old1', '0/out:old2', '0/out:a', '0/out:b', '0/out:c', '1/out:z', '1/err:e1', '1/err:e2']);
  const big = path.join(dir, 'big.log');
  writeFileSync(big, Array.from({ length: 20_000 }, (_, i) => `l${i}`).join('\n') + '\n');
  assert.deepEqual(await tailFile(big, 3), ['l19997', 'l19998', 'l19999']);
});

test('followLogs sees new lines, survives truncation (rotation) and picks up new instances', async (t) => {
  const dir = tempDir(t);
  const file0 = path.join(dir, 'web-0.out.log');
  writeFileSync(file0, 'before\n');
  const seen: LogLine[] = [];
  const stop = followLogs({ app: 'web', index: 'all', logDir: dir }, (l) => seen.push(l), { pollMs: 20 });
  t.after(stop);
  appendFileSync(file0, 'one\ntw');
  await until('one', () => seen.length === 1);
  appendFileSync(file0, 'o\n');
  await until('two', () => seen.length === 2);
  // Rotated by copytruncate, then fewer bytes written than were read: the follower sees the file shrank
  // whether or not a poll fell between the truncate and the write.
  writeFileSync(file0, '');
  appendFileSync(file0, 'after\n');
  writeFileSync(path.join(dir, 'web-1.err.log'), 'new instance\n');
  await until('after rotation', () => seen.length === 4);
  assert.deepEqual(seen.map((l) => `${l.index}/${l.stream}:${l.line}`).sort(), ['0/out:after', '0/out:one', '0/out:two', '1/err:new instance']);
});
