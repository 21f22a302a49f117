// F30: default readiness waits for a listener on the app's own `port` only;
// an app with only a `ports:` demand (blocks handed on to children, UDP) is
// ready once started instead of `starting` for ever.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readinessFor } from '../../src/instance/probing.js';
import { makeConfig, makeSpec } from './helpers.js';

test('default readiness: a listener on `port`; nothing to wait for with only a `ports:` demand', () => {
  const withPort = readinessFor(makeConfig({ ports: { port: 3000, tcp: [], udp: [] } }));
  assert.equal(withPort?.isDefault, true);
  assert.equal(withPort?.spec.type, 'tcp');
  assert.equal(readinessFor(makeConfig({ ports: { tcp: [40500, 40501], udp: [] } })), null);
  assert.equal(readinessFor(makeConfig({ ports: { tcp: [], udp: [] } })), null);
  const probed = readinessFor(makeConfig({ ports: { tcp: [40500], udp: [] }, spec: makeSpec({ readinessProbe: { type: 'tcp', host: '127.0.0.1', port: 40500, initialDelayMs: 0, intervalMs: 100, timeoutMs: 100, failureThreshold: 3, successThreshold: 1 } }) }));
  assert.equal(probed?.isDefault, false, 'a readinessProbe still gates it when asked for');
});
