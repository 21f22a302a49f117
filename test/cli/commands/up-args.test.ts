// F21: `--resync 0s` made the controller spin on a core, and `up --detach`
// hid every argument error behind "the controller did not start". Bad
// values are refused with their own one line, in both modes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BerthHarness } from '../../helpers/berth-harness.js';
import { parseDurationFlag } from '../../../src/cli/parse-duration-flag.js';

test('flag durations: units or milliseconds, never below the floor', () => {
  assert.equal(parseDurationFlag('30s', '--resync', 1_000), 30_000);
  assert.equal(parseDurationFlag('1500', '--resync', 1_000), 1_500, 'a bare number is milliseconds, as in manifests');
  assert.throws(() => parseDurationFlag('0s', '--resync', 1_000), { message: '--resync: 0s is too short (at least 1s)' });
  assert.throws(() => parseDurationFlag('999ms', '--resync', 1_000), { message: '--resync: 999ms is too short (at least 1s)' });
  assert.throws(() => parseDurationFlag('abc', '--resync', 1_000), { message: '--resync: invalid duration "abc" (expected e.g. 500ms, 30s, 5m, 1h, or milliseconds)' });
});

test('up refuses bad values with their own line, foreground and --detach alike, and starts nothing', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const cases: [string[], string][] = [
    [['--resync', '0s'], 'Error: --resync: 0s is too short (at least 1s)'],
    [['--resync', '0'], 'Error: --resync: 0 is too short (at least 1s)'],
    [['--resync', 'abc'], 'Error: --resync: invalid duration "abc" (expected e.g. 500ms, 30s, 5m, 1h, or milliseconds)'],
    [['--sweep-interval', '1ms'], 'Error: --sweep-interval: 1ms is too short (at least 100ms)'],
    [['--git', berth.root, '--git-interval', '0s'], 'Error: --interval: 0s is too short (at least 1s)'],
  ];
  for (const [args, line] of cases) {
    for (const detach of [[], ['--detach']]) {
      const res = await berth.cli(['up', '--dir', berth.dir, ...args, ...detach]);
      assert.equal(res.code, 1, `${args.join(' ')} ${detach.join(' ')}`);
      assert.equal(res.stderr.trim(), line);
    }
  }
  assert.equal(existsSync(path.join(berth.home, 'berth.sock')), false, 'no controller was started');
});
