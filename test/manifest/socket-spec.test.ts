// spec.socket in manifests: defaults, the SPEC's exception (shared: one
// port for N instances), and file:line:col errors for what cannot work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifestText } from '../../src/manifest/parse-manifest-text.js';

const app = (spec: string) => `apiVersion: berth/v1\nkind: App\nmetadata:\n  name: web\nspec:\n  script: node\n${spec}`;
const parse = (spec: string) => parseManifestText(app(spec), 'm/web.yaml');
const messages = (spec: string) => parse(spec).errors.map((e) => e.message);

test('socket: {shared: true} with 4 instances on a single port is valid; defaults filled', () => {
  const { resources, errors } = parse('  instances: 4\n  port: 8080\n  socket: {shared: true}\n');
  assert.deepEqual(errors, []);
  const [resource] = resources;
  assert.ok(resource?.kind === 'App');
  assert.deepEqual(resource.spec.socket, { shared: true, host: '::', backlog: 511, name: 'http' });
  assert.equal(resource.spec.port, '8080');
});

test('socket: {} (not shared) keeps the port rules: a range per instance, auto, or one port for one instance', () => {
  assert.deepEqual(parse('  instances: 2\n  port: "3000-3001"\n  socket: {}\n').errors, []);
  assert.deepEqual(parse('  instances: 2\n  port: "auto:5000-5100"\n  socket: {shared: false, host: 127.0.0.1, backlog: 64, name: web}\n').errors, []);
  assert.deepEqual(messages('  instances: 2\n  port: 3000\n  socket: {}\n'), [
    'm/web.yaml:8:9: spec.port: Port 3000 is a single port but 2 instances requested; use a range such as "3000-3001"',
  ]);
  assert.deepEqual(messages('  instances: 2\n  port: 3000\n'), [
    'm/web.yaml:8:9: spec.port: Port 3000 is a single port but 2 instances requested; use a range such as "3000-3001"',
  ], 'unchanged without socket');
});

test('a shared socket on an auto range is valid (one port for the app)', () => {
  assert.deepEqual(parse('  instances: 3\n  port: "auto:5000-5100"\n  socket: {shared: true}\n').errors, []);
});

test('socket without any port: a file:line:col error at spec.socket', () => {
  assert.deepEqual(messages('  instances: 2\n  socket: {shared: true}\n'), [
    'm/web.yaml:8:11: spec.socket: needs spec.port, the port berth binds and listens on for the instances',
  ]);
  assert.deepEqual(messages('  ports: {tcp: 2}\n  socket:\n    shared: false\n'), [
    'm/web.yaml:9:5: spec.socket: needs spec.port, the port berth binds and listens on for the instances',
  ]);
});

test('a shared socket on a fixed range, a host name, bad fields: one line each', () => {
  assert.deepEqual(messages('  instances: 2\n  port: "3000-3001"\n  socket: {shared: true}\n'), [
    'm/web.yaml:8:9: spec.port: Port range 3000-3001 cannot be shared: a shared socket (socket.shared: true) serves every instance on one port, such as 3000',
  ]);
  assert.deepEqual(messages('  port: 3000\n  socket:\n    host: localhost\n'), [
    'm/web.yaml:9:11: spec.socket.host: must be an IP address such as "::", "0.0.0.0" or "127.0.0.1", got "localhost"',
  ]);
  assert.deepEqual(messages('  port: 3000\n  socket: {shraed: true}\n'), [
    'm/web.yaml:8:12: spec.socket.shraed: unknown field "shraed"; did you mean "shared"?',
  ]);
  assert.deepEqual(messages('  port: 3000\n  socket: {backlog: 0, name: "a b"}\n'), [
    'm/web.yaml:8:21: spec.socket.backlog: must be >= 1, got 0',
    'm/web.yaml:8:30: spec.socket.name: invalid value "a b": The socket\'s name for the app (LISTEN_FDNAMES): letters, digits, \'_\', \'.\' and \'-\', at most 255 (default "http").',
  ]);
});

test('the socket is part of what instances run: adding it changes the spec hash', () => {
  const plain = parse('  port: 3000\n').resources[0]!;
  const socket = parse('  port: 3000\n  socket: {}\n').resources[0]!;
  assert.notEqual(plain.specHash, socket.specHash);
  assert.equal(plain.specHash, parse('  port: 3000\n').resources[0]!.specHash);
});
