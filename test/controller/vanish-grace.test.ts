// A file that vanishes and comes back within the grace keeps its apps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VanishGrace } from '../../src/controller/vanish-grace.js';
import { desiredStateFrom } from '../../src/manifest/load-manifest-dir.js';

const web = { file: '/m/web.yaml', text: 'apiVersion: berth/v1\nkind: App\nmetadata: {name: web}\nspec: {script: node}\n' };
const api = { file: '/m/api.yaml', text: 'apiVersion: berth/v1\nkind: App\nmetadata: {name: api}\nspec: {script: node}\n' };

test('a vanished or emptied file keeps its apps for the grace, then lets them go', async () => {
  const grace = new VanishGrace(1_000);
  const full = await desiredStateFrom([web, api]);
  const gone = await desiredStateFrom([api]);
  assert.equal(grace.carry(full, gone, 0), 1_000);
  assert.deepEqual([...gone.resources.keys()].sort(), ['api', 'web'], 'web held');

  const emptied = await desiredStateFrom([api, { file: web.file, text: '' }]);
  assert.equal(grace.carry(gone, emptied, 400), 600, 'still the same outage: 600 ms left');
  assert.ok(emptied.resources.has('web'));

  const still = await desiredStateFrom([api]);
  assert.equal(grace.carry(emptied, still, 1_000), undefined);
  assert.deepEqual([...still.resources.keys()], ['api'], 'after 1 s it is deleted');
});

test('a file that comes back ends the grace; a file that drops one app, or no grace at all, deletes at once', async () => {
  const grace = new VanishGrace(1_000);
  const full = await desiredStateFrom([web, api]);
  const gone = await desiredStateFrom([api]);
  grace.carry(full, gone, 0);
  const back = await desiredStateFrom([web, api]);
  assert.equal(grace.carry(gone, back, 300), undefined);
  const goneAgain = await desiredStateFrom([api]);
  assert.equal(grace.carry(back, goneAgain, 2_000), 1_000, 'a new outage gets its own grace');

  const both = { file: '/m/all.yaml', text: `${web.text}---\n${api.text}` };
  const edited = await desiredStateFrom([{ file: both.file, text: api.text }]);
  assert.equal(new VanishGrace().carry(await desiredStateFrom([both]), edited, 0), undefined);
  assert.deepEqual([...edited.resources.keys()], ['api'], 'an edit that removes web deletes it');

  const explicit = await desiredStateFrom([api]);
  assert.equal(new VanishGrace().carry(full, explicit, 0, { graceMs: 0 }), undefined);
  assert.deepEqual([...explicit.resources.keys()], ['api']);
});
