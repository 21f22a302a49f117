import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { command } from '../../../src/cli/commands/ports.js';
import type { CommandContext } from '../../../src/cli/command.js';
import { openStore } from '../../../src/store/store.js';
import { findFreeRun } from '../../ports/helpers.js';

async function fakeContext(t: import('node:test').TestContext) {
  const home = await mkdtemp(path.join(tmpdir(), 'berth-ports-cli-'));
  t.after(() => rm(home, { recursive: true, force: true }));
  const lines: string[] = [];
  const ctx: CommandContext = {
    home, cwd: home, env: {}, out: (line) => lines.push(line), err: (line) => lines.push(`ERR ${line}`), stdin: process.stdin, isTTY: false, color: false,
  };
  const run = async (...argv: string[]) => {
    lines.length = 0;
    const code = await command.run({ values: {}, positionals: [], argv }, ctx);
    return { code, out: lines.join('\n') };
  };
  return { home, run };
}

test('allocate prints the block, is idempotent, and shows in the table and JSON', async (t) => {
  const { run, home } = await fakeContext(t);
  const a = await findFreeRun(5);
  const pool = `--port-pool=${a}-${a + 4}`;
  assert.deepEqual(await run('allocate', '3', 'module1', 'tcp', pool), { code: 0, out: `${a}-${a + 2}` });
  assert.deepEqual(await run('allocate', '3', 'module1', 'tcp', pool), { code: 0, out: `${a}-${a + 2}` });
  assert.deepEqual(await run('allocate', '1', 'module2', 'udp', pool), { code: 0, out: String(a) });

  const store = openStore(path.join(home, 'state.db'));
  store.allocations.insert([
    { protocol: 'tcp', port: 3000, owner: 'web', ownerKind: 'app', instance: 0, role: 'port' },
    { protocol: 'tcp', port: 3001, owner: 'web', ownerKind: 'app', instance: 1, role: 'port' },
  ]);
  store.close();

  const table = (await run()).out.split('\n');
  assert.deepEqual(table.map((l) => l.split(/\s+/)), [
    ['PROTOCOL', 'PORTS', 'OWNER', 'KIND', 'INSTANCE'],
    ['TCP', '3000', 'web', 'app', '0'],
    ['TCP', '3001', 'web', 'app', '1'],
    ['TCP', `${a}-${a + 2}`, 'module1', 'manual', '-'],
    ['UDP', String(a), 'module2', 'manual', '-'],
  ]);
  assert.equal(table[0]!.indexOf('PORTS'), table[1]!.indexOf('3000'), 'columns are aligned');

  const json = JSON.parse((await run('-o', 'json')).out) as unknown[];
  assert.deepEqual(json[2], { protocol: 'tcp', ports: [a, a + 1, a + 2], owner: 'module1', kind: 'manual', instance: null, role: 'block' });

  await assert.rejects(run('allocate', '3', 'module3', 'tcp', pool), { code: 'PORT_EXHAUSTED', message: `Port pool ${a}-${a + 4} has no free block of 3 contiguous tcp ports` });
});

test('deallocate frees one protocol and is idempotent', async (t) => {
  const { run } = await fakeContext(t);
  const a = await findFreeRun(2);
  await run('allocate', '2', 'module1', 'tcp', '--port-pool', `${a}-${a + 1}`);
  assert.deepEqual(await run('deallocate', 'module1', 'tcp'), { code: 0, out: 'module1: 2 tcp ports deallocated' });
  assert.deepEqual(await run('deallocate', 'module1', 'tcp'), { code: 0, out: 'no tcp ports allocated to module1' });
  assert.deepEqual(await run(), { code: 0, out: 'No port allocations.' });
});

test('bad usage is a UsageError', async (t) => {
  const { run } = await fakeContext(t);
  for (const argv of [
    ['--bogus'], ['-o', 'yaml'], ['frobnicate'], ['allocate', '2', 'x'], ['allocate', '0', 'x', 'tcp'], ['allocate', 'two', 'x', 'tcp'],
    ['allocate', '2', 'x', 'sctp'], ['allocate', '2', '../x', 'tcp'], ['deallocate', 'x'], ['allocate', '2', 'x', 'tcp', '--port-pool', '9-1'],
  ]) {
    await assert.rejects(run(...argv), (err: { code?: string }) => err.code === 'USAGE' || err.code === 'PORT_SPEC_INVALID', argv.join(' '));
  }
});
