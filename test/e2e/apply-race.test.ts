// SPEC "Faults": apply is atomic against other applies: of 10 parallel
// applies of different apps on the same fixed port exactly one succeeds,
// and the losers change nothing on disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BerthHarness } from '../helpers/berth-harness.js';
import { freePortRange } from '../helpers/free-ports.js';

test('10 parallel applies of different apps on one fixed port: exactly one succeeds', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  // The race is won or lost on timing: several rounds, each a fresh folder and port.
  for (let round = 0; round < 3; round++) {
    const port = await freePortRange(1);
    const dir = path.join(berth.root, `m${round}`);
    const files = Array.from({ length: 10 }, (_, i) => {
      const file = path.join(berth.root, `race${round}-${i}.yaml`);
      writeFileSync(file, `apiVersion: berth/v1\nkind: App\nmetadata: {name: race${round}-${i}}\nspec: {script: sleep, args: ["1000"], port: ${port}}\n`);
      return file;
    });
    const results = await Promise.all(files.map((file) => berth.cli(['apply', '-f', file, '--dir', dir])));
    const winners = results.filter((r) => r.code === 0);
    assert.equal(winners.length, 1, results.map((r) => `${r.code} ${r.stdout.trim()} ${r.stderr.trim()}`).join('\n'));
    const winner = /app\/(race\d-\d) created/.exec(winners[0]!.stdout)?.[1];
    for (const loser of results.filter((r) => r.code !== 0)) assert.equal(loser.stderr.trim(), `Error: Port ${port} is already assigned to process '${winner}'`);
    assert.deepEqual(readdirSync(dir).filter((f) => !f.startsWith('.')), [`${winner}.yaml`], 'the losers wrote nothing');
  }
});
