import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { listLogFiles, resolveLogPaths } from '../../src/process/log-paths.js';
import { tempDir } from '../instance/helpers.js';

test('default paths are <logDir>/<app>-<index>.out.log / .err.log; spec.logs overrides', () => {
  assert.deepEqual(resolveLogPaths({ app: 'web', index: 2, logDir: '/l' }), { out: '/l/web-2.out.log', err: '/l/web-2.err.log' });
  assert.deepEqual(resolveLogPaths({ app: 'web', index: 2, logDir: '/l', logs: { out: '/x/o.log' } }), { out: '/x/o.log', err: '/l/web-2.err.log' });
});

test('listLogFiles names the existing files of every instance of the app, and no other app\'s', (t) => {
  const dir = tempDir(t);
  for (const name of ['web-0.out.log', 'web-1.err.log', 'web-10.out.log', 'webx-0.out.log', 'web-0.out.log.1']) writeFileSync(path.join(dir, name), 'x\n');
  assert.deepEqual(listLogFiles({ app: 'web', index: 'all', logDir: dir }).map((f) => `${f.index}/${f.stream}:${path.basename(f.file)}`), [
    '0/out:web-0.out.log',
    '1/err:web-1.err.log',
    '10/out:web-10.out.log',
  ]);
  assert.deepEqual(listLogFiles({ app: 'web', index: 1, logDir: dir }).map((f) => f.stream), ['err']);
  // A shared spec.logs file is listed once, under the first instance that names it.
  const shared = path.join(dir, 'shared.log');
  writeFileSync(shared, 'y\n');
  assert.deepEqual(listLogFiles({ app: 'api', index: 'all', logDir: dir, logs: { out: shared } }), [{ app: 'api', index: 0, stream: 'out', file: shared, shared: true }]);
  assert.deepEqual(listLogFiles({ app: 'web', index: 'all', logDir: path.join(dir, 'missing') }), []);
});
