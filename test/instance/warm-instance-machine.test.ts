// The start-up rehearsal of the instance machine: a whole life with actors that touch nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rehearsalConfig, warmInstanceMachine } from '../../src/instance/warm-instance-machine.js';
import { warmManifestParser } from '../../src/manifest/warm-manifest-parser.js';
import { makeConfig } from './helpers.js';

test('the rehearsal goes pending → starting → online → stopping → stopped and resolves', async () => {
  assert.deepEqual(await warmInstanceMachine(makeConfig()), ['pending', 'starting', 'online', 'stopping', 'stopped']);
});

test('the warm-up sample app, as the controller rehearses it (its ports not given, so no check is run), reaches stopped', async () => {
  const sample = warmManifestParser();
  assert.equal(sample.kind, 'App');
  assert.equal(sample.metadata.name, 'warm-up');
  // the sample declares ports; the rehearsal gives it none, so no readiness check (and no socket) is attempted
  const statuses = await warmInstanceMachine(rehearsalConfig(sample));
  assert.equal(statuses.at(-1), 'stopped');
  assert.ok(statuses.includes('online'));
});
