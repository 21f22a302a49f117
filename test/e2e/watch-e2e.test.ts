// watch with a real controller and a real process: touching a watched file
// restarts the app within 5 s with a WatchRestart event naming it; touching
// node_modules, a dot-file or the app's own log file does not (they come
// first: had one counted, it would show in the event or as a second one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BerthHarness, HELLO_DIR } from '../helpers/berth-harness.js';
import { freePort } from '../helpers/free-ports.js';

test('touching a watched file restarts the app within 5 s; node_modules, dot-files and its own logs do not', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const project = path.join(berth.root, 'project');
  await mkdir(path.join(project, 'node_modules', 'dep'), { recursive: true });
  await copyFile(path.join(HELLO_DIR, 'server.js'), path.join(project, 'server.js'));
  await writeFile(path.join(project, 'lib.js'), 'export const x = 1;\n');
  await berth.up();
  await berth.writeManifest('web.yaml', [
    'apiVersion: berth/v1',
    'kind: App',
    'metadata: {name: web}',
    'spec:',
    '  script: node',
    '  args: [server.js]',
    `  cwd: ${project}`,
    `  port: ${await freePort()}`,
    `  logs: {out: ${path.join(project, 'web.out.log')}}`,
    '  watch: {debounce: 200ms}',
    '',
  ].join('\n'));
  const [first] = await berth.waitFor((rows) => rows.length === 1 && rows[0]!.status === 'online', 'web online');

  await writeFile(path.join(project, 'node_modules', 'dep', 'index.js'), 'module.exports = 1;\n');
  await writeFile(path.join(project, '.cache'), 'x');
  await writeFile(path.join(project, 'web.out.log'), 'a line the app did not write\n', { flag: 'a' });
  await writeFile(path.join(project, 'lib.js'), 'export const x = 2;\n');
  const [restarted] = await berth.waitFor((rows) => rows[0]?.status === 'online' && rows[0].pid !== first!.pid, 'a watch restart', 5_000);
  assert.equal(restarted!.restarts, 1);

  const info = JSON.parse((await berth.cli(['info', 'web', '-o', 'json'])).stdout) as { events: { reason: string; message: string }[] };
  assert.deepEqual(info.events.filter((e) => e.reason === 'WatchRestart').map((e) => e.message), ['lib.js changed']);
});
