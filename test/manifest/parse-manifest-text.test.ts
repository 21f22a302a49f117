import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifestText } from '../../src/manifest/parse-manifest-text.js';

const app = (spec: string, name = 'web') => `apiVersion: berth/v1\nkind: App\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
const messages = (text: string) => parseManifestText(text, 'm/web.yaml').errors.map((e) => e.message);

test('a valid App is normalised with defaults and an absolute cwd', () => {
  const { resources, errors } = parseManifestText(app('  script: node\n  args: [server.js]\n  cwd: ../examples\n  port: 3000\n'), '/srv/m/web.yaml');
  assert.deepEqual(errors, []);
  const [resource] = resources;
  assert.equal(resource?.kind, 'App');
  if (resource?.kind !== 'App') return;
  assert.equal(resource.spec.cwd, '/srv/examples');
  assert.equal(resource.spec.instances, 1);
  assert.equal(resource.spec.port, '3000');
  assert.equal(resource.spec.restartPolicy, 'Always');
  assert.deepEqual(resource.spec.backoff, { initialMs: 1000, maxMs: 300000, resetAfterMs: 600000 });
  assert.deepEqual(resource.source, { file: '/srv/m/web.yaml', line: 1, col: 1 });
});

test('several documents per file, empty documents skipped', () => {
  const text = `${app('  script: node\n', 'a')}\n---\n---\n${app('  script: node\n', 'b')}\n`;
  const { resources, errors } = parseManifestText(text, 'm.yaml');
  assert.deepEqual(errors, []);
  assert.deepEqual(resources.map((r) => r.metadata.name), ['a', 'b']);
  assert.equal(resources[1]?.source.line, 10);
});

test('bad YAML names file, line and column', () => {
  assert.deepEqual(messages('apiVersion: berth/v1\nkind: [App\n'), ['m/web.yaml:3:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]']);
});

test('a key that is a whole map (YAML "? {...}") still gives a one-line error, the key shown escaped and cut (chaos fuzz case)', async () => {
  const key = '  ? {\n    args: ["100?00"], port: "auto:4000}-40100", env: { MODE: fuzz }, restartPolicy: Always,\n    instaces: 2\n    }\n  : 1\n';
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);
  process.on('warning', onWarning);
  const [message, ...rest] = messages(app(`  script: node\n${key}`));
  await new Promise((r) => setImmediate(r)); // process warnings are emitted on the next tick
  process.off('warning', onWarning);
  assert.deepEqual(warnings, [], 'no node warning on stderr beside the error line');
  assert.deepEqual(rest, []);
  assert.doesNotMatch(message!, /[\r\n]/);
  // the position is the spec map's (a key that is a map cannot be looked up by its text)
  assert.match(message!, /^m\/web\.yaml:6:3: spec\["\{\\n  args: .*\.\.\."\]: unknown field "\{\\n  args: .*\.\.\."$/);
});

test('unknown field points at the key and suggests the right one', () => {
  assert.deepEqual(messages(app('  script: node\n  instnces: 3\n')), ['m/web.yaml:7:3: spec.instnces: unknown field "instnces"; did you mean "instances"?']);
});

test('wrong type points at the value', () => {
  assert.deepEqual(messages(app('  script: node\n  instances: four\n')), ['m/web.yaml:7:14: spec.instances: must be an integer, got "four"']);
});

test('bad name explains the DNS-1123 rule', () => {
  assert.match(messages(app('  script: node\n', 'Web_App'))[0]!, /^m\/web\.yaml:4:9: metadata\.name: "Web_App" is not a valid name: use lower case letters/);
});

test('missing field and wrong enum', () => {
  assert.deepEqual(messages(app('  restartPolicy: Sometimes\n')), [
    'm/web.yaml:6:3: spec: missing required field "script"',
    'm/web.yaml:6:18: spec.restartPolicy: must be one of Always, OnFailure, Never, got "Sometimes"',
  ].sort((a, b) => (a.includes('script') ? -1 : 1) - (b.includes('script') ? -1 : 1)));
});

test('apiVersion and kind are checked first, with their own words', () => {
  assert.deepEqual(messages('apiVersion: v1\nkind: App\n'), ['m/web.yaml:1:13: apiVersion: must be "berth/v1", got "v1"']);
  assert.deepEqual(messages('apiVersion: berth/v1\nkind: Deployment\n'), ['m/web.yaml:2:7: kind: must be App or PortClaim, got "Deployment"']);
});

test('port range shorter than instances gives the SPEC message at spec.port', () => {
  assert.deepEqual(messages(app('  script: node\n  instances: 4\n  port: "3000-3001"\n')), [
    'm/web.yaml:8:9: spec.port: Port range 3000-3001 has only 2 ports but 4 instances requested',
  ]);
});

test('malformed durations and port specs say what is expected', () => {
  const [port, duration] = messages(app('  script: node\n  port: "30x0"\n  stopTimeout: 10 seconds\n'));
  assert.match(port!, /^m\/web\.yaml:7:9: spec\.port: invalid value "30x0": 3000 \| "3000"/);
  assert.match(duration!, /^m\/web\.yaml:8:16: spec\.stopTimeout: invalid value "10 seconds": A duration/);
});

test('a valid document beside an invalid one still loads', () => {
  const { resources, errors } = parseManifestText(`${app('  script: node\n', 'good')}\n---\n${app('  scrpt: node\n', 'bad')}`, 'm.yaml');
  assert.deepEqual(resources.map((r) => r.metadata.name), ['good']);
  assert.equal(errors.length, 2);
});

test('spec hash ignores instances and labels but not env', () => {
  const base = parseManifestText(app('  script: node\n  instances: 2\n'), 'm.yaml').resources[0]!;
  const scaled = parseManifestText(app('  script: node\n  instances: 6\n'), 'm.yaml').resources[0]!;
  const env = parseManifestText(app('  script: node\n  env: {A: "1"}\n'), 'm.yaml').resources[0]!;
  const labelled = parseManifestText(app('  script: node\n').replace('  name: web', '  name: web\n  labels: {tier: web}'), 'm.yaml').resources[0]!;
  assert.equal(base.specHash, scaled.specHash);
  assert.equal(base.specHash, labelled.specHash);
  assert.notEqual(base.specHash, env.specHash);
});

test('PortClaim documents load', () => {
  const { resources, errors } = parseManifestText('apiVersion: berth/v1\nkind: PortClaim\nmetadata: {name: dns}\nspec: {tcp: 1, udp: 2}\n', 'm.yaml');
  assert.deepEqual(errors, []);
  assert.deepEqual(resources[0]?.spec, { tcp: 1, udp: 2 });
});

test('alias bombs, unresolved aliases, union types and binary values are one-line errors, never throws', () => {
  const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]', ''].join('\n');
  assert.deepEqual(messages(bomb), ['m/web.yaml:1:1: invalid YAML: Excessive alias count indicates a resource exhaustion attack']);
  assert.deepEqual(messages('apiVersion: berth/v1\nkind: App\nmetadata: {name: *nope}\n'), ['m/web.yaml:1:1: invalid YAML: Unresolved alias (the anchor must be set before the alias): nope']);
  assert.deepEqual(messages(app('  script: node\n  env: {A: [1]}\n')), ['m/web.yaml:7:12: spec.env.A: must be a string or a number or true or false, got a list']);
  assert.deepEqual(messages(app('  script: !!binary aGVsbG8=\n')), ['m/web.yaml:6:20: spec.script: must be a string, got binary data']);
  for (const message of messages(app('  script: "line one\\nline two"\n  instances: "a\\nb"\n'))) assert.equal(message.split('\n').length, 1);
});

test('a file over 1 MiB is refused in one line before parsing', () => {
  const huge = app(`  script: node\n  args: [${'"x",'.repeat(300_000)}"x"]\n`);
  const { resources, errors } = parseManifestText(huge, 'm/web.yaml');
  assert.equal(resources.length, 0);
  assert.match(errors[0]!.message, /^m\/web\.yaml:1:1: file is 1\.1 MiB; a manifest file may be at most 1 MiB/);
});
