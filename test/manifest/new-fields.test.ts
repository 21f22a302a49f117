// dependsOn, envFile, cronRestart and watch as a manifest writes them:
// normalised into AppSpec, or refused with file:line:col.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifestText } from '../../src/manifest/parse-manifest-text.js';
import type { AppResource } from '../../src/manifest/types.js';

const app = (spec: string, name = 'web') => `apiVersion: berth/v1\nkind: App\nmetadata:\n  name: ${name}\nspec:\n  script: node\n${spec}`;
const parseApp = (spec: string, file = '/srv/m/web.yaml') => {
  const { resources, errors } = parseManifestText(app(spec), file);
  assert.deepEqual(errors.map((e) => e.message), []);
  return resources[0] as AppResource;
};
const messages = (spec: string, name = 'web') => parseManifestText(app(spec, name), 'm/web.yaml').errors.map((e) => e.message);

test('defaults: no dependencies, no env files, no cron, no watch', () => {
  const { spec } = parseApp('');
  assert.deepEqual(spec.dependsOn, []);
  assert.deepEqual(spec.envFile, []);
  assert.equal(spec.cronRestart, undefined);
  assert.equal(spec.watch, undefined);
});

test('dependsOn: names default to Ready; positions of each entry are kept', () => {
  const resource = parseApp('  dependsOn:\n    - db\n    - {name: cache, condition: Started}\n');
  assert.deepEqual(resource.spec.dependsOn, [
    { name: 'db', condition: 'Ready' },
    { name: 'cache', condition: 'Started' },
  ]);
  assert.deepEqual(resource.positions?.['spec.dependsOn[0]'], { file: '/srv/m/web.yaml', line: 8, col: 7 });
  assert.deepEqual(resource.positions?.['spec.dependsOn[1]'], { file: '/srv/m/web.yaml', line: 9, col: 7 });
});

test('dependsOn errors: itself, twice, a bad name, a bad condition, a stray field', () => {
  assert.deepEqual(messages('  dependsOn: [db, web]\n'), ['m/web.yaml:7:19: spec.dependsOn[1]: an app cannot depend on itself']);
  assert.deepEqual(messages('  dependsOn: [db, {name: db}]\n'), ['m/web.yaml:7:19: spec.dependsOn[1]: "db" is listed twice']);
  assert.match(messages('  dependsOn: [{name: Db_1}]\n')[0]!, /^m\/web\.yaml:7:22: spec\.dependsOn\[0\]\.name: invalid value "Db_1": the name of an app \(lower case letters/);
  assert.deepEqual(messages('  dependsOn: [{name: db, condition: Healthy}]\n'), ['m/web.yaml:7:37: spec.dependsOn[0].condition: must be one of Ready, Started, got "Healthy"']);
  assert.deepEqual(messages('  dependsOn: [{name: db, when: Ready}]\n'), ['m/web.yaml:7:26: spec.dependsOn[0].when: unknown field "when"']);
  assert.deepEqual(messages('  dependsOn: db\n'), ['m/web.yaml:7:14: spec.dependsOn: must be a list, got "db"']);
});

test('envFile: one path or a list, against the manifest folder; the positions are kept', () => {
  const single = parseApp('  envFile: .env\n');
  assert.deepEqual(single.spec.envFile, ['/srv/m/.env']);
  assert.deepEqual(single.positions?.['spec.envFile'], { file: '/srv/m/web.yaml', line: 7, col: 12 });
  const list = parseApp('  cwd: /srv/app\n  envFile: [../shared.env, /etc/web.env]\n');
  assert.deepEqual(list.spec.envFile, ['/srv/shared.env', '/etc/web.env']);
  assert.deepEqual(list.positions?.['spec.envFile[1]'], { file: '/srv/m/web.yaml', line: 8, col: 28 });
  assert.deepEqual(messages('  envFile: 3\n'), ['m/web.yaml:7:12: spec.envFile: must be a string or a list, got 3']);
  assert.deepEqual(messages('  envFile: [""]\n'), ['m/web.yaml:7:13: spec.envFile[0]: must NOT have fewer than 1 characters, got ""']);
});

test('cronRestart: kept with its whitespace normalised; a bad expression is an error at its value', () => {
  assert.equal(parseApp('  cronRestart: "0  3 * * *"\n').spec.cronRestart, '0 3 * * *');
  assert.equal(parseApp('  cronRestart: "*/5 * * * * *"\n').spec.cronRestart, '*/5 * * * * *');
  assert.deepEqual(messages('  cronRestart: "0 3 * *"\n'), [
    'm/web.yaml:7:16: spec.cronRestart: invalid cron expression "0 3 * *": has 4 fields; expected 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), e.g. "0 3 * * *"',
  ]);
  assert.deepEqual(messages('  cronRestart: "0 24 * * *"\n'), ['m/web.yaml:7:16: spec.cronRestart: invalid cron expression "0 24 * * *": invalid value for hour: 24']);
  assert.deepEqual(messages('  cronRestart: 5\n'), ['m/web.yaml:7:16: spec.cronRestart: must be a string, got 5']);
});

test('watch: true watches the cwd with the default debounce; a map names paths (against the cwd), ignores and debounce', () => {
  assert.deepEqual(parseApp('  cwd: /srv/app\n  watch: true\n').spec.watch, { paths: ['/srv/app'], ignore: [], debounceMs: 500 });
  assert.equal(parseApp('  watch: false\n').spec.watch, undefined);
  assert.deepEqual(parseApp('  cwd: /srv/app\n  watch: {paths: [src, /etc/app.conf], ignore: ["*.tmp"], debounce: 2s}\n').spec.watch, {
    paths: ['/srv/app/src', '/etc/app.conf'],
    ignore: ['*.tmp'],
    debounceMs: 2000,
  });
});

test('a malformed watch block is an error at the field at fault', () => {
  assert.deepEqual(messages('  watch: {paths: src}\n'), ['m/web.yaml:7:18: spec.watch.paths: must be a list, got "src"']);
  assert.deepEqual(messages('  watch: {path: [src]}\n'), ['m/web.yaml:7:11: spec.watch.path: unknown field "path"; did you mean "paths"?']);
  assert.deepEqual(messages('  watch: {debounce: soon}\n'), ['m/web.yaml:7:21: spec.watch.debounce: invalid value "soon": A duration: a number of milliseconds, or a string such as "500ms", "10s", "5m", "1h".']);
  assert.deepEqual(messages('  watch: {paths: []}\n'), ['m/web.yaml:7:18: spec.watch.paths: must NOT have fewer than 1 items, got a list']);
  assert.deepEqual(messages('  watch: yes\n'), ['m/web.yaml:7:10: spec.watch: must be true or false or a map, got "yes"']);
});

test('several problems of one app are all reported', () => {
  assert.equal(messages('  dependsOn: [web]\n  cronRestart: "x"\n').length, 2);
});

test('the spec hash: env is in it; dependsOn, cronRestart, watch and the envFile paths are not', () => {
  const base = parseApp('').specHash;
  assert.equal(parseApp('  dependsOn: [db]\n  cronRestart: "0 3 * * *"\n  watch: true\n  envFile: .env\n').specHash, base);
  assert.notEqual(parseApp('  env: {A: "1"}\n').specHash, base);
});
