// F15: `scale --instances ""` (an unset $REPLICAS) must never scale to 0;
// counts are decimal digits only, for scale and start alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BerthHarness, sleeperApp } from '../../helpers/berth-harness.js';
import { parseInstanceCount } from '../../../src/cli/parse-instance-count.js';

test('instance counts are decimal digits from 0 to 10000', () => {
  assert.equal(parseInstanceCount('0', '--instances'), 0);
  assert.equal(parseInstanceCount('10000', '--instances'), 10_000);
  for (const bad of ['', ' ', '0x10', '1e3', '-1', '2.5', '+3', '10001', ' 4']) {
    assert.throws(() => parseInstanceCount(bad, '--instances'), { message: `--instances must be a whole number from 0 to 10000, got "${bad}"` }, JSON.stringify(bad));
  }
});

test('scale and start refuse an empty or non-decimal count and change nothing', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const file = await berth.writeManifest('web.yaml', sleeperApp('web', 'instances: 3'));
  const before = readFileSync(file, 'utf8');
  for (const count of ['', ' ', '0x10', '1e3']) {
    const res = await berth.cli(['scale', 'web', '--instances', count, '--dir', berth.dir]);
    assert.equal(res.code, 1, `scale --instances ${JSON.stringify(count)}: ${res.stdout}`);
    assert.equal(res.stderr.trim(), `Error: --instances must be a whole number from 0 to 10000, got "${count}"`);
  }
  assert.equal(readFileSync(file, 'utf8'), before);
  const start = await berth.cli(['start', 'sleep 1000', '--name', 'other', '--instances', '', '--dir', berth.dir]);
  assert.equal(start.code, 1);
  assert.match(start.stderr, /--instances must be a whole number/);
  assert.equal(readFileSync(path.join(berth.dir, 'web.yaml'), 'utf8'), before);
  const ok = await berth.cli(['scale', 'web', '--instances', '2', '--dir', berth.dir]);
  assert.equal(ok.stdout.trim(), 'app/web scaled to 2 (was 3)');
});
