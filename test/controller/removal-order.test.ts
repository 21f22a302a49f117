import { test } from 'node:test';
import assert from 'node:assert/strict';
import { removalBlockers } from '../../src/controller/removal-order.js';
import { graphOfApps } from '../../src/dependencies/graph-of-apps.js';

test('an app being removed waits for the apps removed with it that depend on it, never for a cycle', () => {
  const removing = graphOfApps([
    { name: 'web', spec: { dependsOn: [{ name: 'api', condition: 'Ready' }, { name: 'db', condition: 'Started' }] } },
    { name: 'api', spec: { dependsOn: [{ name: 'db', condition: 'Ready' }] } },
    { name: 'db', spec: { dependsOn: [] } },
    { name: 'claim', spec: { tcp: 1, udp: 0 } },
    { name: 'old', spec: {} },
  ]);
  assert.deepEqual(removalBlockers('web', removing), []);
  assert.deepEqual(removalBlockers('api', removing), ['web']);
  assert.deepEqual(removalBlockers('db', removing).sort(), ['api', 'web']);
  assert.deepEqual(removalBlockers('claim', removing), [], 'a PortClaim or a spec without dependsOn has no edges');
  assert.deepEqual(removalBlockers('db', new Map([['db', []]])), [], 'a dependent that stays is not waited for');

  const ring = graphOfApps([
    { name: 'a', spec: { dependsOn: [{ name: 'b' }] } },
    { name: 'b', spec: { dependsOn: [{ name: 'a' }] } },
  ]);
  assert.deepEqual([removalBlockers('a', ring), removalBlockers('b', ring)], [[], []], 'last good specs that form a ring go together');
});
