// Idle CPU of a running controller (`berth up`) with one app, first without
// `watch`, then with `watch: true` over a tree of 1000 files (plus a
// node_modules of 2000 that the watch skips), no file changing. CPU time of
// the controller process from /proc/<pid>/stat over equal windows.
// `npm run build && node bench/controller-watch-idle.mjs [seconds]` (default 20).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const seconds = Number(process.argv[2] ?? 20);
const BIN = new URL('../dist/src/cli/main.js', import.meta.url).pathname;
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

async function cpuMs(pid) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

async function window(pid) {
  const before = await cpuMs(pid);
  await sleep(seconds * 1000);
  return (await cpuMs(pid)) - before;
}

const manifest = (project, watch) => [
  'apiVersion: berth/v1', 'kind: App', 'metadata: {name: idle}', 'spec:',
  '  script: node', '  args: [-e, "setInterval(() => {}, 1 << 30)"]', `  cwd: ${project}`,
  ...(watch ? ['  watch: true'] : []), '',
].join('\n');

const root = await mkdtemp(path.join(tmpdir(), 'berth-ctl-watch-idle-'));
const home = path.join(root, 'home');
const dir = path.join(root, 'manifests');
const project = path.join(root, 'project');
const berth = (...args) => execFileSync(process.execPath, [BIN, '--home', home, ...args]).toString();
let controller;
try {
  await mkdir(dir, { recursive: true });
  for (let d = 0; d < 40; d++) {
    await mkdir(path.join(project, 'src', `mod-${d}`), { recursive: true });
    for (let f = 0; f < 25; f++) await writeFile(path.join(project, 'src', `mod-${d}`, `file-${f}.js`), `export const n = ${f};\n`);
  }
  for (let d = 0; d < 20; d++) {
    await mkdir(path.join(project, 'node_modules', `dep-${d}`), { recursive: true });
    for (let f = 0; f < 100; f++) await writeFile(path.join(project, 'node_modules', `dep-${d}`, `f${f}.js`), '1\n');
  }
  await writeFile(path.join(dir, 'idle.yaml'), manifest(project, false));
  controller = spawn(process.execPath, [BIN, '--home', home, 'up', '--dir', dir], { stdio: 'ignore' });
  while (!existsSync(path.join(home, 'berth.sock')) || !berth('list').includes('online')) await sleep(200);
  await sleep(5_000);
  // Two windows each: the first one after a start or a scan can hold V8's one-off clean-up of its garbage.
  const without = [await window(controller.pid), await window(controller.pid)];
  await writeFile(path.join(dir, 'idle.yaml.tmp'), manifest(project, true));
  execFileSync('mv', [path.join(dir, 'idle.yaml.tmp'), path.join(dir, 'idle.yaml')]);
  await sleep(5_000);
  const withWatch = [await window(controller.pid), await window(controller.pid)];
  const pct = (ms) => ((ms / (seconds * 1000)) * 100).toFixed(3);
  console.log(JSON.stringify({ node: process.version, files: 1000, ignoredFiles: 2000, windowSeconds: seconds, restarts: JSON.parse(berth('list', '-o', 'json'))[0].restarts }));
  without.forEach((ms, i) => console.log(`controller idle CPU, app without watch, window ${i + 1}: ${ms.toFixed(0)} ms in ${seconds} s (${pct(ms)} % of a core)`));
  withWatch.forEach((ms, i) => console.log(`controller idle CPU, app with watch, window ${i + 1}: ${ms.toFixed(0)} ms in ${seconds} s (${pct(ms)} % of a core)`));
} finally {
  try {
    berth('down');
  } catch {
    controller?.kill('SIGKILL');
  }
  await rm(root, { recursive: true, force: true });
}
