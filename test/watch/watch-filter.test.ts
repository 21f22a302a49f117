import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWatchFilter } from '../../src/watch/watch-filter.js';

const root = '/srv/web';
const at = (p: string) => `${root}/${p}`;

test('a plain watch: everything but node_modules and dot-files at any depth', () => {
  const ignored = createWatchFilter({ roots: [root] });
  assert.equal(ignored(root), false, 'the root itself');
  assert.equal(ignored(at('server.js')), false);
  assert.equal(ignored(at('src/lib/a.ts')), false);
  assert.equal(ignored(at('node_modules')), true);
  assert.equal(ignored(at('node_modules/x/index.js')), true);
  assert.equal(ignored(at('packages/a/node_modules/y.js')), true);
  assert.equal(ignored(at('.git/HEAD')), true);
  assert.equal(ignored(at('.env')), true);
  assert.equal(ignored(at('src/.cache/x')), true);
  assert.equal(ignored('/srv'), false, 'a parent on the way to the root');
});

test('a root inside a dot-folder is watched: only segments below the root count', () => {
  const ignored = createWatchFilter({ roots: ['/home/u/.apps/web'] });
  assert.equal(ignored('/home/u/.apps/web/server.js'), false);
  assert.equal(ignored('/home/u/.apps/web/.tmp/x'), true);
});

test('logs: the files, their rotated copies and the log folder are skipped', () => {
  const ignored = createWatchFilter({ roots: [root], skip: [at('logs/web.out.log'), '/home/u/.berth/logs'] });
  assert.equal(ignored(at('logs/web.out.log')), true);
  assert.equal(ignored(at('logs/web.out.log.1')), true);
  assert.equal(ignored(at('logs/web.out.log.rotating')), true);
  assert.equal(ignored(at('logs/web.out.log.bak')), false, 'not a rotated copy');
  assert.equal(ignored(at('logs/other.log')), false);
  assert.equal(ignored('/home/u/.berth/logs/web-0.err.log'), true);
});

test('ignore globs, as .gitignore reads them', () => {
  const ignored = createWatchFilter({ roots: [root], ignore: ['*.log', 'tmp', 'dist/**', '/build', 'docs/*.md', 'cache/'] });
  assert.equal(ignored(at('a.log')), true, 'a name pattern at the top');
  assert.equal(ignored(at('deep/er/a.log')), true, 'and at any depth');
  assert.equal(ignored(at('tmp')), true);
  assert.equal(ignored(at('src/tmp/x.js')), true, 'a matching folder hides what is in it');
  assert.equal(ignored(at('dist/app.js')), true);
  assert.equal(ignored(at('src/dist/app.js')), false, 'a pattern with / is anchored at the root');
  assert.equal(ignored(at('build/out.js')), true, '/build is anchored');
  assert.equal(ignored(at('src/build/out.js')), false);
  assert.equal(ignored(at('docs/a.md')), true);
  assert.equal(ignored(at('docs/api/a.md')), false);
  assert.equal(ignored(at('cache/x')), true, 'a trailing slash names a folder');
  assert.equal(ignored(at('src/app.js')), false);
});

test('several roots: a path is judged against the innermost one', () => {
  const ignored = createWatchFilter({ roots: ['/srv/web', '/srv/web/.config'], ignore: ['/x'] });
  assert.equal(ignored('/srv/web/.config/app.json'), false);
  assert.equal(ignored('/srv/web/.config/x'), true, 'anchored at the innermost root');
  assert.equal(ignored('/srv/web/.other/a'), true);
  assert.equal(ignored('/etc/other'), false, 'not under any root: never judged');
});

test('a watched file is never ignored by itself', () => {
  const ignored = createWatchFilter({ roots: ['/srv/web/.env.local'] });
  assert.equal(ignored('/srv/web/.env.local'), false);
});
