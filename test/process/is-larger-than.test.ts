// The sweep's size check of a log file: more than N bytes, through the
// descriptor, without moving the offset the app appends through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { isLargerThan } from '../../src/process/log-file-io.js';
import { tempDir } from '../instance/helpers.js';

test('isLargerThan answers size > bytes at every boundary and leaves appends where they were', (t) => {
  const file = path.join(tempDir(t), 'app.out.log');
  const fd = openSync(file, 'a+');
  t.after(() => closeSync(fd));
  assert.equal(isLargerThan(fd, 0), false, 'empty');
  writeSync(fd, 'abc');
  assert.deepEqual([isLargerThan(fd, 2), isLargerThan(fd, 3), isLargerThan(fd, 2 ** 40)], [true, false, false]);
  writeSync(fd, 'de');
  assert.equal(readFileSync(file, 'utf8'), 'abcde');
});
