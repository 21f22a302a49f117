import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectConfigFormat } from '../../../src/manifest/ecosystem/detect-config-format.js';

test('JavaScript configs by extension', () => {
  assert.equal(detectConfigFormat('ecosystem.config.js', ''), 'pm2-js');
  assert.equal(detectConfigFormat('/srv/ecosystem.config.cjs', ''), 'pm2-js');
  assert.equal(detectConfigFormat('ecosystem.config.mjs', ''), 'pm2-js');
});

test('YAML: berth when it has a top-level apiVersion, else PMDaemon', () => {
  assert.equal(detectConfigFormat('web.yaml', 'apiVersion: berth/v1\nkind: App\n'), 'berth');
  assert.equal(detectConfigFormat('web.yml', '# comment\n---\napiVersion: berth/v1\n'), 'berth');
  assert.equal(detectConfigFormat('apps.yaml', 'apps:\n  - name: web\n    script: node\n'), 'pmdaemon-yaml');
  assert.equal(detectConfigFormat('app.yml', 'name: web\nscript: node\nenv:\n  apiVersion: x\n'), 'pmdaemon-yaml');
});

test('JSON: berth only with a top-level apiVersion; broken JSON is still an ecosystem config', () => {
  assert.equal(detectConfigFormat('apps.json', '{"apps": []}'), 'pmdaemon-json');
  assert.equal(detectConfigFormat('web.json', '{"apiVersion": "berth/v1", "kind": "App"}'), 'berth');
  assert.equal(detectConfigFormat('apps.json', '{"apps": [,]}'), 'pmdaemon-json');
});

test('no telling extension (stdin): judged by content', () => {
  assert.equal(detectConfigFormat('-', '  {"name": "web", "script": "node"}'), 'pmdaemon-json');
  assert.equal(detectConfigFormat('-', 'apps:\n  - name: web\n'), 'pmdaemon-yaml');
  assert.equal(detectConfigFormat('-', 'apiVersion: berth/v1\n'), 'berth');
});
