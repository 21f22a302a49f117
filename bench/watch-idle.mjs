// Idle cost of an app's `watch`: a tree of 1000 watched files (40 folders of
// 25) plus a node_modules of 2000 files that the watch ignores. Measures the
// process's CPU time over a window with no watch, then over the same window
// with the watch ready and no file changing, and counts the inotify watches.
// `npm run build && node bench/watch-idle.mjs [seconds]` (default 10).
import { mkdtemp, mkdir, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { watchApp } from '../dist/src/watch/watch-app.js';

const seconds = Number(process.argv[2] ?? 10);

async function makeTree(root) {
  for (let d = 0; d < 40; d++) {
    const folder = path.join(root, 'src', `mod-${d}`);
    await mkdir(folder, { recursive: true });
    for (let f = 0; f < 25; f++) await writeFile(path.join(folder, `file-${f}.js`), `export const n = ${f};\n`);
  }
  for (let d = 0; d < 20; d++) {
    const folder = path.join(root, 'node_modules', `dep-${d}`);
    await mkdir(folder, { recursive: true });
    for (let f = 0; f < 100; f++) await writeFile(path.join(folder, `f${f}.js`), '1\n');
  }
}

/** CPU time (user + system, ms) this process spends over `ms` of doing nothing. */
async function idleCpu(ms) {
  const before = process.cpuUsage();
  await sleep(ms);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** inotify watches this process holds (one "inotify wd:" line per watch in the fd's fdinfo). */
async function inotifyWatches() {
  let count = 0;
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
    if (target !== 'anon_inode:inotify') continue;
    const info = await readFile(`/proc/self/fdinfo/${fd}`, 'utf8').catch(() => '');
    count += info.split('\n').filter((line) => line.startsWith('inotify wd:')).length;
  }
  return count;
}

const root = await mkdtemp(path.join(tmpdir(), 'berth-watch-idle-'));
try {
  await makeTree(root);
  const baseline = await idleCpu(seconds * 1000);
  const started = performance.now();
  let restarts = 0;
  const watch = watchApp({ watch: { paths: [root], ignore: [], debounceMs: 500 }, skip: [], onChange: () => restarts++ });
  await watch.ready;
  const readyMs = performance.now() - started;
  const watches = await inotifyWatches();
  // V8's memory reducer collects the scan's garbage once, some 10 s after it (two Mark-Compacts,
  // 10-40 ms): four windows show that one-off apart from the steady state.
  const windows = [];
  for (let i = 0; i < 4; i++) windows.push(await idleCpu(seconds * 1000));
  await watch.close();
  const pct = (ms) => ((ms / (seconds * 1000)) * 100).toFixed(3);
  console.log(JSON.stringify({ node: process.version, files: 1000, ignoredFiles: 2000, windowSeconds: seconds, readyMs: Math.round(readyMs), inotifyWatches: watches, restarts }));
  console.log(`idle CPU without a watch: ${baseline.toFixed(1)} ms in ${seconds} s (${pct(baseline)} % of a core)`);
  windows.forEach((ms, i) => console.log(`idle CPU with the watch, window ${i + 1}: ${ms.toFixed(1)} ms in ${seconds} s (${pct(ms)} % of a core)`));
  const steady = Math.min(...windows);
  console.log(`steady state (least window): ${pct(steady)} % of a core; the rest is one GC of the scan's garbage`);
} finally {
  await rm(root, { recursive: true, force: true });
}
