import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDnsLabel, toDnsLabel } from '../../../src/manifest/ecosystem/to-dns-label.js';

test('valid labels are recognised', () => {
  assert.equal(isDnsLabel('web-app'), true);
  assert.equal(isDnsLabel('web_app'), false);
  assert.equal(isDnsLabel('-web'), false);
  assert.equal(isDnsLabel('a'.repeat(64)), false);
});

test('names become the nearest label', () => {
  assert.equal(toDnsLabel('web_app'), 'web-app');
  assert.equal(toDnsLabel('Web_App'), 'web-app');
  assert.equal(toDnsLabel('API Server (v2)'), 'api-server-v2');
  assert.equal(toDnsLabel('café.worker'), 'cafe-worker');
  assert.equal(toDnsLabel('__init__'), 'init');
  assert.equal(toDnsLabel(`${'a'.repeat(62)}_b`), 'a'.repeat(62));
  assert.equal(toDnsLabel('!!'), '');
});
