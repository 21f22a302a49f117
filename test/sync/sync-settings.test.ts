import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveSourceName, validateSourceName } from '../../src/sync/source-name.js';
import { normaliseRepoPath, resolveRepoLocation } from '../../src/sync/repo-location.js';
import { resolveSyncSettings } from '../../src/sync/sync-settings.js';

test('source names: base name without .git, DNS-1123-sanitised', () => {
  assert.equal(deriveSourceName('https://github.com/acme/Web_Apps.git'), 'web-apps');
  assert.equal(deriveSourceName('git@github.com:acme/infra.git'), 'infra');
  assert.equal(deriveSourceName('/srv/repos/deploy/'), 'deploy');
  assert.equal(deriveSourceName('file:///tmp/__'), 'repo');
  assert.equal(deriveSourceName(`/x/${'a'.repeat(80)}`).length, 63);
  assert.equal(validateSourceName('infra-2'), 'infra-2');
  assert.throws(() => validateSourceName('../etc'), /--name: "\.\.\/etc" is not a valid name/);
});

test('repo locations: paths become absolute, URLs and scp-like stay', () => {
  assert.equal(resolveRepoLocation('../infra', '/home/me/app'), '/home/me/infra');
  assert.equal(resolveRepoLocation('file:///srv/infra', '/x'), 'file:///srv/infra');
  assert.equal(resolveRepoLocation('git@github.com:acme/infra.git', '/x'), 'git@github.com:acme/infra.git');
  assert.throws(() => resolveRepoLocation('--upload-pack=evil', '/x'), /starts with '-'/);
  assert.equal(normaliseRepoPath('./deploy//prod/'), 'deploy/prod');
  assert.equal(normaliseRepoPath('.'), '');
  assert.throws(() => normaliseRepoPath('deploy/../../etc'), /no '\.\.'/);
});

test('settings: defaults and validation', () => {
  assert.deepEqual(resolveSyncSettings({ repo: '../infra.git', interval: '1m' }, '/srv/app'), {
    name: 'infra', repo: '/srv/infra.git', branch: null, path: '', dir: '/srv/app/manifests', intervalMs: 60_000, selfHeal: true, allowEmpty: false,
  });
  assert.throws(() => resolveSyncSettings({ repo: 'x', interval: 'soon' }, '/'), /--interval: invalid duration "soon"/);
  assert.throws(() => resolveSyncSettings({ repo: 'x', interval: '10ms' }, '/'), /too short/);
  assert.throws(() => resolveSyncSettings({ repo: 'x', branch: '-x' }, '/'), /--branch/);
});
