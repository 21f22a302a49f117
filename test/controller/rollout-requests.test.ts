import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RolloutRequests, indexesFor } from '../../src/controller/rollout-requests.js';

test('a reload wins over a restart, a restart over a start', () => {
  const requests = new RolloutRequests();
  requests.request('web', 'reload', [0]);
  requests.request('web', 'restart', [0, 1]);
  requests.request('web', 'start', [1, 2]);
  const asked = requests.snapshot('web');
  assert.deepEqual([...indexesFor(asked, 'reload')], [0]);
  assert.deepEqual([...indexesFor(asked, 'restart')], [1]);
  assert.deepEqual([...indexesFor(asked, 'start')], [2]);
});

test('settling a snapshot keeps what was asked meanwhile', () => {
  const requests = new RolloutRequests();
  requests.request('web', 'start', [0, 1]);
  const asked = requests.snapshot('web');
  requests.request('web', 'reload', [1]); // berth reload while the reconcile runs
  requests.settle('web', asked);
  assert.deepEqual([...requests.snapshot('web')], [[1, 'reload']]);
  requests.done('web', 1, 'reload');
  assert.equal(requests.snapshot('web').size, 0);
});
