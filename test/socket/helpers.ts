/**
 * Test helpers for src/socket: a socket owned by the test (as the
 * controller would own it), children spawned on it and killed whatever
 * happens, one GET, and waiting for a child's exit.
 */
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { execFileSync } from 'node:child_process';
import { openListeningSocket, spawnWithSocket, type ListenRequest, type ListeningSocket } from '../../src/socket/index.js';
import { findExecutable } from '../../src/socket/spawn-with-socket.js';
import { killGroupAfter } from '../instance/helpers.js';

export const FIXTURES = new URL('../../../test/fixtures/', import.meta.url).pathname;
export const fixture = (name: string): string => path.join(FIXTURES, name);

export async function openTestSocket(t: TestContext, request: ListenRequest = { port: 0 }): Promise<ListeningSocket> {
  const socket = await openListeningSocket(request);
  t.after(() => socket.close());
  return socket;
}

export interface ChildOnSocket {
  script: string;
  args: string[];
  env?: Record<string, string>;
  name?: string;
}

/** Spawns `script args` with the socket as fd 3 (systemd protocol + Node preload); SIGKILLed at test end. */
export async function spawnOnSocket(t: TestContext, socket: ListeningSocket, { script, args, env = {}, name }: ChildOnSocket): Promise<ChildProcess> {
  const child = await spawnWithSocket({
    script, args, cwd: FIXTURES, name, socket,
    env: { ...(process.env as Record<string, string>), ...env },
    stderr: 'inherit',
  });
  killGroupAfter(t, child.pid);
  return child;
}

/** The exit of a child (at once if it already exited). */
export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** GET 127.0.0.1:port/path → { status, body parsed as JSON }. */
export function getJsonFrom(port: number, urlPath = '/', timeoutMs = 10_000): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, agent: false, timeout: timeoutMs }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> });
        } catch (err) {
          reject(err);
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/**
 * Why a README recipe server Debian packages cannot be tested here (the
 * apt package to install), or undefined when it can. .ci/run installs them as root.
 */
export function recipeMissing(server: 'gunicorn' | 'uvicorn'): string | undefined {
  if (server === 'gunicorn') return findExecutable('gunicorn', FIXTURES, process.env.PATH) ? undefined : 'gunicorn is not installed (apt-get install gunicorn)';
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import uvicorn'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'uvicorn is not installed for /usr/bin/python3 (apt-get install python3-uvicorn)';
  }
}
