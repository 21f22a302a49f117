import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeCycle, findDependencyCycles, startLayers, startOrder, stopLayers, stopOrder } from '../../src/dependencies/dependency-graph.js';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([name, deps]) => [name, deps.map((d) => ({ name: d }))]));

const stack = graph({ web: ['api', 'cache'], api: ['db'], worker: ['db', 'queue'], db: [], cache: [], queue: [] });

test('start layers: dependencies first, each layer sorted', () => {
  assert.deepEqual(startLayers(stack), [['cache', 'db', 'queue'], ['api', 'worker'], ['web']]);
  assert.deepEqual(startOrder(stack), ['cache', 'db', 'queue', 'api', 'worker', 'web']);
});

test('stop layers: an app stops once everything that depends on it has', () => {
  assert.deepEqual(stopLayers(stack), [['web', 'worker'], ['api', 'cache', 'queue'], ['db']]);
  const order = stopOrder(stack);
  for (const [app, deps] of stack) for (const { name } of deps) assert.ok(order.indexOf(app) < order.indexOf(name), `${app} stops before ${name}`);
});

test('orders over a subset: edges to apps outside it or not defined are ignored', () => {
  assert.deepEqual(startLayers(stack, ['web', 'db', 'api']), [['db'], ['api'], ['web']]);
  assert.deepEqual(stopLayers(stack, ['db', 'cache']), [['cache', 'db']]);
  assert.deepEqual(startOrder(graph({ web: ['missing'] })), ['web']);
});

test('no cycle in a DAG', () => {
  assert.equal(findDependencyCycles(stack).size, 0);
});

/** Every app on a cycle, with its cycle in words from itself. */
const described = (edges: Record<string, string[]>) => Object.fromEntries([...findDependencyCycles(graph(edges))].map(([name, ring]) => [name, describeCycle(ring, name)]));

test('a two-app cycle: both apps, each with the cycle from itself', () => {
  assert.deepEqual(described({ web: ['api'], api: ['web'], db: [] }), { api: 'api → web → api', web: 'web → api → web' });
});

test('a longer cycle with a tail: only the cycle members', () => {
  assert.deepEqual(described({ a: ['b'], b: ['c'], c: ['a', 'd'], d: [], e: ['a'] }), { a: 'a → b → c → a', b: 'b → c → a → b', c: 'c → a → b → c' });
});

test('two cycles sharing an app are one component; each member is on a cycle of its own', () => {
  assert.deepEqual(described({ hub: ['x', 'y'], x: ['hub'], y: ['hub'] }), { hub: 'hub → x → hub', x: 'x → hub → x', y: 'y → hub → y' });
});

test('a self-loop is a cycle', () => {
  assert.deepEqual(described({ solo: ['solo'] }), { solo: 'solo → solo' });
});

test('a long cycle is described with its middle elided', () => {
  const ring = Array.from({ length: 20 }, (_, i) => `app-${i}`);
  assert.equal(describeCycle(ring, 'app-5'), 'app-5 → app-6 → app-7 → app-8 → app-9 → app-10 → app-11 → … (12 more) → app-4 → app-5');
});

test('cycles are put last by the orders instead of looping', () => {
  assert.deepEqual(startLayers(graph({ a: ['b'], b: ['a'], c: [] })), [['c'], ['a', 'b']]);
});

test('a chain of 10000 apps neither overflows the stack nor is a cycle', () => {
  const long = new Map(Array.from({ length: 10_000 }, (_, i) => [`app-${i}`, i === 0 ? [] : [{ name: `app-${i - 1}` }]]));
  assert.equal(findDependencyCycles(long).size, 0);
  long.set('app-0', [{ name: 'app-9999' }]);
  assert.equal(findDependencyCycles(long).size, 10_000);
});
