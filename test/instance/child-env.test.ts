import { test } from 'node:test';
import assert from 'node:assert/strict';
import { childEnv } from '../../src/instance/child-env.js';
import { makeConfig, makeSpec } from './helpers.js';

const controller = { PATH: '/usr/bin', HOME: '/root', LANG: 'C.UTF-8', USER: 'root', AWS_SECRET_ACCESS_KEY: 'controller-only', BERTH_DEBUG: '1' };

test('by default the app inherits the controller\'s whole environment, config.env over it', () => {
  const env = childEnv(makeConfig({ env: { PORT: '3000', BERTH_DEBUG: '0' } }), controller);
  assert.deepEqual(env, { ...controller, PORT: '3000', BERTH_DEBUG: '0' });
});

test('inheritEnv: false keeps only PATH, HOME, LANG, USER of it', () => {
  const env = childEnv(makeConfig({ env: { PORT: '3000', LANG: 'en_US.UTF-8' }, spec: makeSpec({ inheritEnv: false }) }), controller);
  assert.deepEqual(env, { PATH: '/usr/bin', HOME: '/root', LANG: 'en_US.UTF-8', USER: 'root', PORT: '3000' });
});
