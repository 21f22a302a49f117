// Real files in a temp folder, watched through chokidar (inotify). "Not
// restarted" is checked without sleeping: an ignored change is made first,
// a watched one after it, and the batch the debounce hands over must hold
// the watched file alone (events of one folder arrive in order).
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeWatchChange, watchApp, watchEnvFiles, watchSkips } from '../../src/watch/watch-app.js';
import type { FileWatch } from '../../src/watch/watch-files.js';

async function tempTree(t: TestContext): Promise<string> {
  const dir = await realpath(await mkdtemp(path.join(tmpdir(), 'berth-watch-')));
  t.after(() => rm(dir, { recursive: true, force: true }));
  for (const folder of ['src/lib', 'node_modules/dep', '.git', 'logs', 'tmp']) await mkdir(path.join(dir, folder), { recursive: true });
  for (const file of ['server.js', 'src/lib/a.js', 'node_modules/dep/index.js', '.git/HEAD', 'logs/web.out.log', 'tmp/scratch.txt']) await writeFile(path.join(dir, file), 'v1\n');
  return dir;
}

/** Batches handed over by the watch, awaited one at a time. */
function batches() {
  const seen: string[][] = [];
  const waiters: ((files: string[]) => void)[] = [];
  return {
    onChange: (files: string[]) => {
      const waiter = waiters.shift();
      if (waiter) waiter(files);
      else seen.push(files);
    },
    next: () => new Promise<string[]>((resolve) => (seen.length > 0 ? resolve(seen.shift()!) : waiters.push(resolve))),
  };
}

function closeAfter(t: TestContext, watch: FileWatch): FileWatch {
  t.after(() => watch.close());
  return watch;
}

test('touching a watched file restarts after the debounce; node_modules, dot-files, logs and ignore globs do not', async (t) => {
  const dir = await tempTree(t);
  const changes = batches();
  const watch = closeAfter(t, watchApp({ watch: { paths: [dir], ignore: ['tmp'], debounceMs: 100 }, skip: watchSkips({ logDir: '/nonexistent/berth/logs', logs: { out: path.join(dir, 'logs/web.out.log') } }), onChange: changes.onChange }));
  await watch.ready;

  await writeFile(path.join(dir, 'node_modules/dep/index.js'), 'v2\n');
  await writeFile(path.join(dir, '.git/HEAD'), 'v2\n');
  await writeFile(path.join(dir, 'logs/web.out.log'), 'a log line\n');
  await writeFile(path.join(dir, 'logs/web.out.log.1'), 'rotated\n');
  await writeFile(path.join(dir, 'tmp/scratch.txt'), 'v2\n');
  await writeFile(path.join(dir, '.env'), 'A=1\n');
  await writeFile(path.join(dir, 'server.js'), 'v2\n');
  assert.deepEqual(await changes.next(), [path.join(dir, 'server.js')]);

  // A burst over several files is one batch.
  await writeFile(path.join(dir, 'src/lib/a.js'), 'v2\n');
  await writeFile(path.join(dir, 'src/lib/b.js'), 'new\n');
  await writeFile(path.join(dir, 'server.js'), 'v3\n');
  const burst = await changes.next();
  assert.deepEqual(burst, [path.join(dir, 'server.js'), path.join(dir, 'src/lib/a.js'), path.join(dir, 'src/lib/b.js')]);
  assert.equal(describeWatchChange(burst, [dir]), 'server.js and 2 more files changed');
});

test('a new folder and what is written in it later are watched; removing a file counts', async (t) => {
  const dir = await tempTree(t);
  const changes = batches();
  const watch = closeAfter(t, watchApp({ watch: { paths: [path.join(dir, 'src')], ignore: [], debounceMs: 50 }, skip: [], onChange: changes.onChange }));
  await watch.ready;
  await mkdir(path.join(dir, 'src/new'));
  await writeFile(path.join(dir, 'src/new/c.js'), 'c\n');
  assert.deepEqual(await changes.next(), [path.join(dir, 'src/new/c.js')]);
  await rm(path.join(dir, 'src/lib/a.js'));
  assert.deepEqual(await changes.next(), [path.join(dir, 'src/lib/a.js')]);
  await writeFile(path.join(dir, 'server.js'), 'outside the watched paths\n');
  await writeFile(path.join(dir, 'src/lib/d.js'), 'd\n');
  assert.deepEqual(await changes.next(), [path.join(dir, 'src/lib/d.js')]);
});

test('a path that does not exist yet is watched once it appears; the folders around it are not', async (t) => {
  const dir = await tempTree(t);
  const changes = batches();
  const watch = closeAfter(t, watchApp({ watch: { paths: [path.join(dir, 'later/src')], ignore: [], debounceMs: 50 }, skip: [], onChange: changes.onChange }));
  await watch.ready;
  await writeFile(path.join(dir, 'server.js'), 'beside the way down\n');
  await mkdir(path.join(dir, 'later/other'), { recursive: true });
  await writeFile(path.join(dir, 'later/other/x.js'), 'not on the way\n');
  await mkdir(path.join(dir, 'later/src'), { recursive: true });
  // What is written in the instant the folder appears may go unseen: write until a batch comes.
  const first = changes.next();
  let batch: string[] | undefined;
  for (let attempt = 0; attempt < 50 && !batch; attempt++) {
    await writeFile(path.join(dir, 'later/src/a.js'), `v${attempt}\n`);
    batch = await Promise.race([first, new Promise<undefined>((r) => setTimeout(() => r(undefined), 200))]);
  }
  assert.deepEqual(batch, [path.join(dir, 'later/src/a.js')]);
});

test('an env file watch sees its files edited, replaced by rename and created, and nothing else in their folder', async (t) => {
  const dir = await tempTree(t);
  const envFile = path.join(dir, '.env');
  await writeFile(envFile, 'A=1\n');
  const changes = batches();
  const watch = closeAfter(t, watchEnvFiles({ files: [envFile, path.join(dir, 'later.env')], debounceMs: 50, onChange: changes.onChange }));
  await watch.ready;
  await writeFile(path.join(dir, 'server.js'), 'not an env file\n');
  await writeFile(envFile, 'A=2\n');
  assert.deepEqual(await changes.next(), [envFile]);
  // Editors save by writing a temp file and renaming it over the original.
  await writeFile(path.join(dir, '.env.tmp'), 'A=3\n');
  const { rename } = await import('node:fs/promises');
  await rename(path.join(dir, '.env.tmp'), envFile);
  assert.deepEqual(await changes.next(), [envFile]);
  await writeFile(path.join(dir, 'later.env'), 'B=1\n');
  assert.deepEqual(await changes.next(), [path.join(dir, 'later.env')]);
});

test('describeWatchChange names the file relative to its watched folder', () => {
  assert.equal(describeWatchChange(['/srv/web/src/a.js'], ['/srv/web']), 'src/a.js changed');
  assert.equal(describeWatchChange(['/srv/web/a.js', '/srv/web/b.js'], ['/srv/web']), 'a.js and 1 more file changed');
  assert.equal(describeWatchChange(['/etc/app.conf'], ['/etc/app.conf']), '/etc/app.conf changed');
});
