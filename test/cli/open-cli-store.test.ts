// A CLI command never creates a fresh state.db while a controller holds the
// home: the controller is about to write its own back (split brain otherwise).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openCliStore } from '../../src/cli/open-cli-store.js';

test('a missing state.db under a live controller is refused, not created', async (t) => {
  const home = mkdtempSync(path.join(tmpdir(), 'berth-home-'));
  const lockModule = new URL('../../src/daemon/controller-lock.js', import.meta.url).href;
  const holder = spawn(process.execPath, ['--input-type=module', '-e', `const { acquireControllerLock } = await import('${lockModule}'); await acquireControllerLock(${JSON.stringify(home)}); console.log('held'); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => {
    holder.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  });
  await once(holder.stdout!, 'data');
  await assert.rejects(openCliStore(home), new RegExp(`state\\.db is missing while the controller \\(pid ${holder.pid}\\) runs; it writes the file back within a second: try again`));
  assert.equal(existsSync(path.join(home, 'state.db')), false);

  holder.kill('SIGKILL');
  await once(holder, 'exit');
  const store = await openCliStore(home); // no controller: a new home's store is created as before
  store.close();
  assert.ok(existsSync(path.join(home, 'state.db')));
});
