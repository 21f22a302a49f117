import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedNames, keepNamesOfBrokenFiles, manifestErrorsFor } from '../../src/controller/desired-diff.js';
import type { DesiredState } from '../../src/manifest/load-manifest-dir.js';
import { ManifestError } from '../../src/errors.js';
import { parseManifestText } from '../../src/manifest/parse-manifest-text.js';

const resource = (name: string, instances = 1) =>
  parseManifestText(`apiVersion: berth/v1\nkind: App\nmetadata: {name: ${name}}\nspec: {script: node, instances: ${instances}}\n`, `${name}.yaml`).resources[0]!;
const broken = new ManifestError({ file: 'web.yaml', line: 1, col: 1 }, 'invalid YAML: oops');

function state(resources: ReturnType<typeof resource>[], files: [string, string[], ManifestError[]][]): DesiredState {
  return {
    resources: new Map(resources.map((r) => [r.metadata.name, r])),
    errors: files.flatMap(([, , e]) => e),
    files: new Map(files.map(([file, names, errors]) => [file, { names, errors }])),
  };
}

test('changed names: added, removed, changed, and those whose file errors changed', () => {
  const before = state([resource('web'), resource('api'), resource('old')], [['web.yaml', ['web'], []]]);
  const after = state([resource('web', 2), resource('api'), resource('new')], [['web.yaml', ['web'], [broken]]]);
  assert.deepEqual([...changedNames(before, after)].sort(), ['new', 'old', 'web']);
});

test('a file that vanished, its apps held by the vanish grace, changes no name; its errors going does', () => {
  const before = state([resource('web'), resource('api')], [['web.yaml', ['web'], []], ['api.yaml', ['api'], [broken]]]);
  const held = state([resource('web'), resource('api')], []);
  assert.deepEqual([...changedNames(before, held)], ['api'], 'web: no errors before, none now; api: its error is gone');
  assert.deepEqual([...changedNames(held, before)], ['api']);
});

test('a broken file keeps the names it had, even when its text no longer mentions them', () => {
  const before = state([resource('web')], [['web.yaml', ['web'], []]]);
  const after = state([], [['web.yaml', [], [broken]]]);
  keepNamesOfBrokenFiles(after, before, () => []);
  assert.deepEqual(manifestErrorsFor(after, 'web'), ['web.yaml:1:1: invalid YAML: oops']);
});

test('after a restart the store says which apps a broken file held', () => {
  const after = state([], [['web.yaml', [], [broken]]]);
  keepNamesOfBrokenFiles(after, undefined, () => [{ name: 'web', source: 'web.yaml' }, { name: 'api', source: 'api.yaml' }]);
  assert.deepEqual(after.files.get('web.yaml')?.names, ['web']);
});

test('a name now defined validly in another file is not held by the broken one', () => {
  const before = state([resource('web')], [['web.yaml', ['web'], []]]);
  const after = state([resource('web')], [['web.yaml', [], [broken]], ['moved.yaml', ['web'], []]]);
  keepNamesOfBrokenFiles(after, before, () => []);
  assert.deepEqual(after.files.get('web.yaml')?.names, []);
});
