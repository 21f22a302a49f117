import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveHome } from '../../src/home/resolve-home.js';

const userHome = () => '/home/ann';

test('--home, else $BERTH_HOME, else ~/.berth; relative paths against the current folder', () => {
  assert.equal(resolveHome({ flag: 'h', env: { BERTH_HOME: '/srv/b' }, cwd: '/work', userHome }), '/work/h');
  assert.equal(resolveHome({ flag: undefined, env: { BERTH_HOME: '/srv/b' }, cwd: '/work', userHome }), '/srv/b');
  assert.equal(resolveHome({ flag: undefined, env: { BERTH_HOME: 'rel' }, cwd: '/work', userHome }), '/work/rel');
  assert.equal(resolveHome({ flag: undefined, env: {}, cwd: '/work', userHome }), '/home/ann/.berth');
  assert.equal(resolveHome({ flag: undefined, env: { BERTH_HOME: '' }, cwd: '/work', userHome }), '/home/ann/.berth', 'an empty BERTH_HOME is unset');
});
