import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { runProbe } from '../../../src/instance/probes/run-probe.js';
import type { ProbeSpec } from '../../../src/manifest/types.js';
import { readStartTime } from '../../../src/process/proc-stat.js';
import { killGroupAfter, tempDir, until } from '../helpers.js';

const timing = { initialDelayMs: 0, intervalMs: 100, timeoutMs: 300, failureThreshold: 1, successThreshold: 1 };
const target = { cwd: process.cwd(), env: process.env };

async function server(t: import('node:test').TestContext, handler: http.RequestListener) {
  const s = http.createServer(handler);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  t.after(() => s.close());
  return (s.address() as net.AddressInfo).port;
}

test('http: 2xx and 3xx are healthy, 5xx is not; the instance port is used when the probe has none', async (t) => {
  const port = await server(t, (req, res) => res.writeHead(req.url === '/ok' ? 204 : req.url === '/moved' ? 302 : 503, { location: '/elsewhere' }).end());
  const probe = (path: string): ProbeSpec => ({ ...timing, type: 'http', path, host: '127.0.0.1' });
  assert.deepEqual(await runProbe(probe('/ok'), { ...target, port }), { ok: true });
  assert.deepEqual(await runProbe(probe('/moved'), { ...target, port }), { ok: true });
  assert.deepEqual(await runProbe(probe('/bad'), { ...target, port }), { ok: false, message: 'HTTP 503' });
  assert.match((await runProbe(probe('/ok'), target)).message!, /no port/);
});

test('http: a server that does not answer in time fails with a timeout message', async (t) => {
  const port = await server(t, () => {});
  const result = await runProbe({ ...timing, timeoutMs: 100, type: 'http', path: '/', host: '127.0.0.1', port }, target);
  assert.deepEqual(result, { ok: false, message: 'timed out after 100 ms' });
});

test('probes only reach loopback', async () => {
  const result = await runProbe({ ...timing, type: 'http', path: '/', host: '10.0.0.1', port: 80 }, target);
  assert.equal(result.ok, false);
  assert.match(result.message!, /'10.0.0.1' is not allowed: expected 127.0.0.1 or ::1/);
  assert.equal((await runProbe({ ...timing, type: 'tcp', host: 'example.com', port: 80 }, target)).ok, false);
});

test('tcp: healthy when the port accepts; refused otherwise', async (t) => {
  const port = await server(t, (_req, res) => res.end());
  assert.deepEqual(await runProbe({ ...timing, type: 'tcp', host: '127.0.0.1' }, { ...target, port }), { ok: true });
  const closed = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  const refused = await runProbe({ ...timing, type: 'tcp', host: '127.0.0.1', port: closed }, target);
  assert.equal(refused.ok, false);
  assert.match(refused.message!, /ECONNREFUSED/);
});

test('exec: exit 0 healthy, non-zero not, no shell, killed on timeout', async (t) => {
  const exec = (command: string[], timeoutMs = 2_000): ProbeSpec => ({ ...timing, timeoutMs, type: 'exec', command });
  assert.deepEqual(await runProbe(exec([process.execPath, '-e', 'process.exit(0)']), target), { ok: true });
  assert.deepEqual(await runProbe(exec([process.execPath, '-e', 'process.exit(3)']), target), { ok: false, message: 'exit code 3' });
  assert.equal((await runProbe(exec(['true && false']), target)).ok, false, 'no shell: the whole string is a program name');
  // A probe command that would run for ever (sh writes its pid, then becomes sleep): it fails on the timeout and is killed.
  const pidFile = path.join(tempDir(t), 'probe.pid');
  assert.deepEqual(await runProbe(exec(['/bin/sh', '-c', 'echo $$ > "$0"; exec sleep 600', pidFile], 500), target), { ok: false, message: 'timed out after 500 ms' });
  await until('the probe command\'s pid', () => existsSync(pidFile) && readFileSync(pidFile, 'utf8').endsWith('\n'));
  const pid = Number(readFileSync(pidFile, 'utf8'));
  killGroupAfter(t, pid);
  await until('the timed-out probe command is killed', () => readStartTime(pid) === undefined);
});
