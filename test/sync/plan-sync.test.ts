import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planSync, type DiskFile } from '../../src/sync/plan-sync.js';
import type { ValidatedFile } from '../../src/sync/validate-revision.js';
import type { InventoryEntry } from '../../src/store/sync-table.js';

const res = (key: string, canonical = key) => ({ key, canonical, line: 1, col: 1 });
const file = (name: string, sha: string, ...keys: [string, string?][]): ValidatedFile => ({ file: name, content: sha, sha256: sha, resources: keys.map(([k, c]) => res(k, c)) });
const inv = (...entries: [string, string, string[]][]) => new Map<string, InventoryEntry>(entries.map(([f, sha, resources]) => [f, { file: f, sha256: sha, resources }]));
const disk = (...entries: [string, string, ...[string, string?][]][]) =>
  new Map<string, DiskFile>(entries.map(([f, sha, ...keys]) => [f, { sha256: sha, resources: keys.map(([k, c]) => res(k, c)) }]));

test('first sync creates every file and resource', () => {
  const plan = planSync({ desired: [file('web.yaml', 's1', ['app/web'])], inventory: inv(), disk: disk(), selfHeal: true });
  assert.deepEqual(plan.writes.map((w) => w.file), ['web.yaml']);
  assert.deepEqual(plan.actions, [{ key: 'app/web', action: 'created' }]);
  assert.deepEqual(plan.inventory, [{ file: 'web.yaml', sha256: 's1', resources: ['app/web'] }]);
});

test('a changed file is configured; only the resources that changed say so', () => {
  const plan = planSync({
    desired: [file('all.yaml', 's2', ['app/web', 'v2'], ['app/api', 'same'])],
    inventory: inv(['all.yaml', 's1', ['app/web', 'app/api']]),
    disk: disk(['all.yaml', 's1', ['app/web', 'v1'], ['app/api', 'same']]),
    selfHeal: true,
  });
  assert.deepEqual(plan.actions, [{ key: 'app/web', action: 'configured' }, { key: 'app/api', action: 'unchanged' }]);
});

test('prunes only inventoried files; the names come from the inventory when the file is gone', () => {
  const plan = planSync({ desired: [file('a.yaml', 's', ['app/a'])], inventory: inv(['a.yaml', 's', ['app/a']], ['b.yaml', 'x', ['app/b']]), disk: disk(['a.yaml', 's', ['app/a']]), selfHeal: true });
  assert.deepEqual(plan.prunes, ['b.yaml']);
  assert.deepEqual(plan.writes, []);
  assert.deepEqual(plan.actions, [{ key: 'app/a', action: 'unchanged' }, { key: 'app/b', action: 'pruned' }]);
});

test('a file in the way that this source did not write is a conflict; the same content is adopted', () => {
  const conflict = planSync({ desired: [file('a.yaml', 'new', ['app/a'])], inventory: inv(), disk: disk(['a.yaml', 'mine', ['app/a']]), selfHeal: true });
  assert.deepEqual(conflict.conflicts, ['a.yaml']);
  const adopted = planSync({ desired: [file('a.yaml', 'same', ['app/a'])], inventory: inv(), disk: disk(['a.yaml', 'same', ['app/a']]), selfHeal: true });
  assert.deepEqual([adopted.conflicts, adopted.writes, adopted.inventory.length], [[], [], 1]);
});

test('drift: self-heal rewrites; without it the hand edit stays unless the repository changed the file', () => {
  const input = { desired: [file('a.yaml', 's1', ['app/a', 'git'])], inventory: inv(['a.yaml', 's1', ['app/a']]), disk: disk(['a.yaml', 'edited', ['app/a', 'hand']]) };
  const healed = planSync({ ...input, selfHeal: true });
  assert.deepEqual([healed.writes.length, healed.actions], [1, [{ key: 'app/a', action: 'configured' }]]);
  const kept = planSync({ ...input, selfHeal: false });
  assert.deepEqual([kept.writes.length, kept.driftKept, kept.actions], [0, ['a.yaml'], [{ key: 'app/a', action: 'unchanged' }]]);
  const repoChanged = planSync({ ...input, desired: [file('a.yaml', 's2', ['app/a', 'git2'])], selfHeal: false });
  assert.equal(repoChanged.writes.length, 1);
  const deleted = planSync({ ...input, disk: disk(), selfHeal: true });
  assert.deepEqual(deleted.actions, [{ key: 'app/a', action: 'created' }]);
});
