import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dependencyGate, summariseDependency, type DependencyStatus } from '../../src/dependencies/dependency-gate.js';

const app = (...deps: [string, 'Ready' | 'Started'][]) => ({ dependsOn: deps.map(([name, condition]) => ({ name, condition })) });
const statuses = (entries: Record<string, DependencyStatus>) => new Map(Object.entries(entries));

test('no dependencies: ready', () => {
  assert.deepEqual(dependencyGate(app(), new Map()), { ready: true });
});

test('Ready waits until every desired instance is online', () => {
  const gate = app(['db', 'Ready']);
  assert.deepEqual(dependencyGate(gate, statuses({ db: summariseDependency(['online', 'starting']) })), {
    ready: false,
    reason: 'WaitingForDependency',
    waitingFor: 'db',
    condition: 'Ready',
    message: 'waiting for app "db" to be Ready (1/2 ready)',
  });
  assert.deepEqual(dependencyGate(gate, statuses({ db: summariseDependency(['online', 'online']) })), { ready: true });
});

test('Started is met once every instance runs, ready or not', () => {
  const gate = app(['cache', 'Started']);
  assert.equal(dependencyGate(gate, statuses({ cache: summariseDependency(['starting']) })).ready, true);
  const waiting = dependencyGate(gate, statuses({ cache: summariseDependency(['pending']) }));
  assert.equal(waiting.ready === false && waiting.message, 'waiting for app "cache" to be Started (0/1 started)');
  assert.equal(dependencyGate(gate, statuses({ cache: summariseDependency(['crashloop']) })).ready, false);
});

test('the first unmet dependency in dependsOn order is named', () => {
  const gate = app(['db', 'Ready'], ['cache', 'Started'], ['queue', 'Ready']);
  const result = dependencyGate(gate, statuses({ db: summariseDependency(['online']), cache: summariseDependency(['errored']), queue: summariseDependency([]) }));
  assert.equal(result.ready === false && result.waitingFor, 'cache');
});

test('an app not defined, or stopped with berth stop, is waited for', () => {
  const undefinedDep = dependencyGate(app(['db', 'Ready']), new Map());
  assert.equal(undefinedDep.ready === false && undefinedDep.message, 'waiting for app "db" to be Ready (it is not defined)');
  const stopped = dependencyGate(app(['db', 'Started']), statuses({ db: summariseDependency(['stopped'], { stopped: true }) }));
  assert.equal(stopped.ready === false && stopped.message, 'waiting for app "db" to be Started (it is stopped)');
});

test('a dependency scaled to 0 has nothing to wait for', () => {
  assert.equal(dependencyGate(app(['db', 'Ready']), statuses({ db: summariseDependency([]) })).ready, true);
});

test('desired counts instances not created yet', () => {
  assert.deepEqual(summariseDependency(['online'], { desired: 3 }), { desired: 3, started: 1, ready: 1 });
  assert.equal(dependencyGate(app(['db', 'Ready']), statuses({ db: summariseDependency(['online'], { desired: 3 }) })).ready, false);
});
