// Sparkline history: a fixed ring per instance, gaps for "not running",
// forgotten when the instance goes away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InstanceHistory } from '../../src/web/instance-history.js';

test('keeps the newest points in order, null for unknown, drops vanished instances', () => {
  const history = new InstanceHistory(3);
  history.record([{ key: 'web/0', cpu: 1, memory: 10 }, { key: 'web/1', cpu: 5, memory: 50 }]);
  history.record([{ key: 'web/0', cpu: null, memory: null }, { key: 'web/1', cpu: 6, memory: 60 }]);
  history.record([{ key: 'web/0', cpu: 3, memory: 30 }]);
  history.record([{ key: 'web/0', cpu: 4, memory: 40 }]);
  assert.deepEqual(history.series('web/0'), { cpu: [null, 3, 4], memory: [null, 30, 40] });
  assert.equal(history.series('web/1'), undefined, 'web/1 was scaled away');
  assert.deepEqual(Object.keys(history.all()), ['web/0']);
});
