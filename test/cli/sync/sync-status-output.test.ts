import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSyncStatus } from '../../../src/cli/sync/sync-status-output.js';
import type { SyncStatus } from '../../../src/sync/read-sync-status.js';

const now = Date.parse('2026-11-24T12:00:00Z');
const base: SyncStatus = {
  name: 'infra', repo: '/src/infra', branch: 'main', path: '', dir: '/srv/manifests', intervalMs: 30_000, selfHeal: true, allowEmpty: false,
  suspended: false, lastFetched: null, lastApplied: null, lastError: null,
  conditions: [{ type: 'Ready', status: 'False', reason: 'NotSynced', message: 'not synced yet' }],
};

test('sync status: one row per source with revisions and their ages, then the errors', () => {
  const applied = { rev: 'a'.repeat(40), shortRev: 'aaaaaaa', subject: 'scale web', at: '2026-11-24T11:58:30Z' };
  const text = formatSyncStatus([
    { ...base, lastFetched: { ...applied, at: '2026-11-24T11:59:55Z' }, lastApplied: applied, conditions: [{ type: 'Ready', status: 'True', reason: 'Synced', message: '' }] },
    { ...base, name: 'apps', branch: null, path: 'deploy', suspended: true, lastError: { message: 'git fetch failed', at: '2026-11-24T11:00:00Z' } },
  ], now);
  const [header, infra, apps, , errors, error] = text.split('\n');
  assert.match(header!, /^NAME\s+REPO\s+BRANCH\s+PATH\s+FETCHED\s+APPLIED\s+READY\s+SUSPENDED$/);
  assert.match(infra!, /^infra\s+\/src\/infra\s+main\s+\.\s+aaaaaaa \(5s\)\s+aaaaaaa "scale web" \(1m\)\s+True\s+no$/);
  assert.match(apps!, /^apps\s+\/src\/infra\s+-\s+deploy\s+-\s+-\s+False\s+yes$/);
  assert.equal(errors, 'Errors:');
  assert.equal(error, '  apps: git fetch failed');
  assert.equal(formatSyncStatus([], now), 'No sync sources. Start one with `berth sync --repo URL`.');
});
