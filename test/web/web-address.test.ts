// `--web [HOST:]PORT` parsing, loopback detection, and the URL a browser uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLoopbackHost, parseWebAddress, webUrl } from '../../src/web/web-address.js';
import { fillOptionalValues } from '../../src/cli/optional-values.js';

test('PORT alone is loopback; HOST:PORT and [IPv6]:PORT as given', () => {
  assert.deepEqual(parseWebAddress('9615'), { host: '127.0.0.1', port: 9615 });
  assert.deepEqual(parseWebAddress('0.0.0.0:8080'), { host: '0.0.0.0', port: 8080 });
  assert.deepEqual(parseWebAddress('localhost:80'), { host: 'localhost', port: 80 });
  assert.deepEqual(parseWebAddress('[::1]:9615'), { host: '::1', port: 9615 });
  assert.deepEqual(parseWebAddress('[::]:0'), { host: '::', port: 0 });
});

test('bad addresses are one-line usage errors', () => {
  for (const bad of ['', 'web', '70000', '1.2.3.4:', '::1:9615', '[nothost]:80', '127.0.0.1:96a']) {
    assert.throws(() => parseWebAddress(bad), (err: Error) => /^--web: /.test(err.message) && !err.message.includes('\n'), bad);
  }
});

test('loopback hosts, and wildcard binds reached through loopback', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost']) assert.equal(isLoopbackHost(host), true, host);
  for (const host of ['0.0.0.0', '::', '192.168.1.5', 'example.org']) assert.equal(isLoopbackHost(host), false, host);
  assert.equal(webUrl({ host: '0.0.0.0', port: 80 }), 'http://127.0.0.1:80/');
  assert.equal(webUrl({ host: '::', port: 80 }), 'http://[::1]:80/');
  assert.equal(webUrl({ host: '::1', port: 9615 }), 'http://[::1]:9615/');
  assert.equal(webUrl({ host: '10.0.0.2', port: 9615 }), 'http://10.0.0.2:9615/');
});

test('`--web` without a value takes the default; with one, keeps it', () => {
  const defaults = { web: '127.0.0.1:9615' };
  assert.deepEqual(fillOptionalValues(['--web'], defaults), ['--web', '127.0.0.1:9615']);
  assert.deepEqual(fillOptionalValues(['--web', '--dir', 'm'], defaults), ['--web', '127.0.0.1:9615', '--dir', 'm']);
  assert.deepEqual(fillOptionalValues(['--web', '8080'], defaults), ['--web', '8080']);
  assert.deepEqual(fillOptionalValues(['--web=8080', '--dir', 'm'], defaults), ['--web=8080', '--dir', 'm']);
  assert.deepEqual(fillOptionalValues(['--', '--web'], defaults), ['--', '--web']);
  assert.deepEqual(fillOptionalValues(['--web'], undefined), ['--web']);
});
