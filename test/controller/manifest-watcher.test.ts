// The real watcher (chokidar) on a real folder: changes are reported, and a
// folder renamed away and back (or replaced) is watched again.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ignoredBy, watchManifestDir, type WatchOptions } from '../../src/controller/manifest-watcher.js';
import { waitFor } from '../helpers/wait-for.js';
import { loadManifestDir } from '../../src/manifest/load-manifest-dir.js';

/** A new folder `m` in a temp root, watched with `options`; `reports.count` counts onChange calls. Removed after the test. */
function watchNewFolder(t: TestContext, options: Partial<WatchOptions> = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'berth-watch-'));
  const dir = path.join(root, 'm');
  mkdirSync(dir);
  const reports = { count: 0, files: [] as (string | undefined)[] };
  const watcher = watchManifestDir({ dir, onChange: (file) => reports.files.push(file) && reports.count++, ...options });
  t.after(async () => {
    await watcher.close();
    rmSync(root, { recursive: true, force: true });
  });
  return { root, dir, watcher, reports };
}

test('a folder renamed away, then back or replaced, is watched again', async (t) => {
  const { root, dir, reports } = watchNewFolder(t, { identityCheckMs: 50 });
  /** Writes `file` until the watcher reports a change (chokidar may still be setting up its watch). */
  const reportsWrite = (file: string, what: string) => {
    const before = reports.count;
    return waitFor(() => {
      writeFileSync(path.join(dir, file), `v: ${Date.now()}\n`);
      return reports.count > before;
    }, { what, pollMs: 200 });
  };
  const reportsSoon = (what: string) => {
    const before = reports.count;
    return waitFor(() => reports.count > before, { what });
  };
  await reportsWrite('a.yaml', 'the first change');

  const away = reportsSoon('the folder going away reported');
  renameSync(dir, path.join(root, 'm.old'));
  await away;
  const back = reportsSoon('the folder coming back reported');
  renameSync(path.join(root, 'm.old'), dir);
  await back;
  await reportsWrite('b.yaml', 'a new file in the returned folder');

  // Replaced by another folder of the same name: the watch follows the name.
  const replaced = reportsSoon('the replaced folder reported');
  renameSync(dir, path.join(root, 'm.gone'));
  mkdirSync(dir);
  await replaced;
  await reportsWrite('c.yaml', 'a new file in the replacing folder');
  assert.ok(reports.count >= 5);
});

test('symlinks: a cycle costs a few watches, not gigabytes; an edit behind a followed link is reported', async (t) => {
  const root = mkdtempSync(path.join(tmpdir(), 'berth-watch-'));
  const dir = path.join(root, 'm');
  const available = path.join(root, 'available');
  mkdirSync(dir);
  mkdirSync(available);
  writeFileSync(path.join(available, 'ext.yaml'), 'v: 1\n');
  symlinkSync(available, path.join(dir, 'enabled'));
  mkdirSync(path.join(dir, 'loop'));
  symlinkSync('../loop', path.join(dir, 'loop', 'self'));
  symlinkSync(dir, path.join(dir, 'loop', 'up'));
  let changes = 0;
  const watcher = watchManifestDir({ dir, onChange: () => changes++ });
  t.after(async () => {
    await watcher.close();
    rmSync(root, { recursive: true, force: true });
  });
  await watcher.ready;
  const state = await loadManifestDir(dir);
  assert.deepEqual(state.linkTargets, [available]);
  watcher.follow(state.linkTargets!);
  assert.ok(watcher.watchedFolders() <= 6, `${watcher.watchedFolders()} folders watched`);

  const before = changes;
  await waitFor(() => {
    writeFileSync(path.join(available, 'ext.yaml'), `v: ${Date.now()}\n`);
    return changes > before;
  }, { what: 'an edit in the followed folder', pollMs: 200 });
  assert.ok(watcher.watchedFolders() <= 6);
});

test('a manifest renamed in is reported at once, then again after the quiet time; a dot-file alone is not reported early', async (t) => {
  // A quiet time far longer than the test: only the immediate report can arrive in time.
  const { dir, watcher, reports } = watchNewFolder(t, { debounceMs: 3_000 });
  await watcher.ready;
  writeFileSync(path.join(dir, '.web.yaml.tmp'), 'v: 1\n');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(reports.count, 0, 'a temp dot-file is not reported before the quiet time');
  renameSync(path.join(dir, '.web.yaml.tmp'), path.join(dir, 'web.yaml'));
  await waitFor(() => reports.count === 1, { what: 'the rename reported before the quiet time', timeoutMs: 2_000 });
  await waitFor(() => reports.count === 2, { what: 'the second report once the events stopped', timeoutMs: 10_000 });
});

test('the report made at once names the file of the folder the event named; one below it, or the report after the quiet time, names none', async (t) => {
  const { dir, watcher, reports } = watchNewFolder(t, { debounceMs: 3_000 });
  mkdirSync(path.join(dir, 'sub'));
  await watcher.ready;
  writeFileSync(path.join(dir, '.web.yaml.tmp'), 'v: 1\n');
  renameSync(path.join(dir, '.web.yaml.tmp'), path.join(dir, 'web.yaml'));
  await waitFor(() => reports.count === 2, { what: 'both reports of the rename', timeoutMs: 10_000 });
  assert.deepEqual(reports.files, [path.join(dir, 'web.yaml'), undefined]);

  writeFileSync(path.join(dir, 'sub', '.api.yaml.tmp'), 'v: 1\n');
  renameSync(path.join(dir, 'sub', '.api.yaml.tmp'), path.join(dir, 'sub', 'api.yaml'));
  await waitFor(() => reports.count === 4, { what: 'both reports of the rename below', timeoutMs: 10_000 });
  assert.deepEqual(reports.files.slice(2), [undefined, undefined]);
});

test('what the watch ignores: dot-files and dot-folders at any depth below the folder, files that are not manifests; never a followed path', () => {
  const file = { isFile: () => true };
  const folder = { isFile: () => false };
  for (const dir of ['/srv/m', '/srv/m/', 'rel/m']) {
    const under = (rel: string) => path.join(dir, rel);
    const ignored = ignoredBy(dir, new Set(['/etc/berth/.hidden/ext.yaml']));
    const cases: [string, { isFile(): boolean } | undefined, boolean][] = [
      [under('web.yaml'), file, false],
      [under('web.yml'), file, false],
      [under('notes.txt'), file, true],
      [under('sub'), folder, false],
      [under('sub/api.yaml'), file, false],
      [under('.web.yaml.tmp'), file, true],
      [under('.git'), folder, true],
      [under('sub/.cache/api.yaml'), file, true],
      [under('sub/x.y/api.yaml'), file, false],
      [under('sub'), undefined, false],
      [path.normalize(dir), folder, false],
      ['/etc/berth/.hidden/ext.yaml', file, false],
      ['/etc/berth/sites/.ext.yaml', file, true],
      ['/etc/berth/sites/ext.yaml', file, false],
    ];
    for (const [p, stats, expected] of cases) assert.equal(ignored(p, stats), expected, `${dir}: ${p}`);
  }
});
