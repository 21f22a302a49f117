/**
 * End-to-end helpers for `spec.socket` apps driven through the real CLI: a
 * socket manifest, the socket berth recorded, which processes hold it, a
 * summary of load samples, and the reload loop the zero-loss tests share.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { acceptEvidenceOf, socketInodeOf } from '../../src/socket/index.js';
import { readFdTargets } from '../../src/socket/socket-inode.js';
import type { BerthHarness } from './berth-harness.js';
import type { LoadRun, RequestSample } from './closed-loop-load.js';
import { waitFor } from './wait-for.js';

export interface SocketAppOptions {
  name: string;
  script: string;
  args: string[];
  cwd: string;
  instances?: number;
  port: number;
  socket?: string;
  extra?: string[];
}

/** A manifest for an app on berth's socket (`socket: {shared: true}` unless told). */
export function socketApp({ name, script, args, cwd, instances = 1, port, socket = '{shared: true}', extra = [] }: SocketAppOptions): string {
  return [
    'apiVersion: berth/v1', 'kind: App', `metadata: {name: ${name}}`, 'spec:',
    `  script: ${JSON.stringify(script)}`, `  args: ${JSON.stringify(args)}`, `  cwd: ${JSON.stringify(cwd)}`,
    `  instances: ${instances}`, `  port: "${port}"`, `  socket: ${socket}`, '  stopTimeout: 5s', ...extra.map((line) => `  ${line}`), '',
  ].join('\n');
}

/** The inode berth recorded for the app's socket on `port` (read from the store), or undefined. */
export function recordedInode(berth: BerthHarness, app: string, port: number): string | undefined {
  const file = path.join(berth.home, 'state.db');
  if (!existsSync(file)) return undefined;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT inode FROM listen_sockets WHERE app = ? AND port = ?').get(app, port) as { inode: string } | undefined)?.inode;
  } catch {
    return undefined; // not migrated yet
  } finally {
    db.close();
  }
}

/** Every process that holds socket:[inode] (a scan of /proc/PID/fd). */
export function holdersOf(inode: string): number[] {
  const link = `socket:[${inode}]`;
  const holders: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    if (fds.some((fd) => { try { return readlinkSync(`/proc/${entry}/fd/${fd}`) === link; } catch { return false; } })) holders.push(Number(entry));
  }
  return holders;
}

export function failures(samples: readonly RequestSample[]): string {
  const failed = samples.filter((s) => !s.ok);
  return `${failed.length} of ${samples.length} failed${failed.length ? `: ${[...new Set(failed.map((s) => s.error))].join(', ')}` : ''}`;
}

/** Waits until `more` requests finished from now: load went on between two steps (a condition, not a sleep). */
export async function progress(load: LoadRun, more: number): Promise<void> {
  const target = load.count() + more;
  await waitFor(() => load.count() >= target, { what: `${more} more requests`, timeoutMs: 30_000 });
}

/** Polls `berth info NAME` until its text matches (a new controller's first reconcile is asynchronous). */
export async function waitForInfo(berth: BerthHarness, app: string, pattern: RegExp, what: string): Promise<string> {
  let text = '';
  await waitFor(async () => pattern.test((text = (await berth.cli(['info', app])).stdout)), { what: `${what} in berth info ${app}`, timeoutMs: 30_000, pollMs: 100 }).catch((err: Error) => {
    throw new Error(`${err.message}; last:\n${text}`);
  });
  return text;
}

/** The controller holds the socket and never accepts on it: it is in no epoll set and no accept of the controller's. */
export function assertControllerNeverAccepts(berth: BerthHarness, inode: string): void {
  const pid = berth.controller!.pid!;
  assert.ok([...readFdTargets(pid).values()].includes(`socket:[${inode}]`), 'the controller holds the socket');
  assert.equal(acceptEvidenceOf(pid, inode), undefined, 'the controller never accepts on it');
}

/**
 * `reloads` × `berth reload NAME` under the running load, each followed by
 * some progress. After each, the process that answered last (a new one)
 * holds the one socket `inode`, and the controller holds it without
 * accepting. Returns the PID that answered last after each reload.
 */
export async function reloadUnderLoad(berth: BerthHarness, load: LoadRun, { app, reloads, inode }: { app: string; reloads: number; inode: string }): Promise<number[]> {
  const answeredAfter: number[] = [];
  for (let i = 0; i < reloads; i++) {
    const res = await berth.cli(['reload', app]);
    assert.equal(res.code, 0, `reload ${i + 1}: ${res.stderr}`);
    await progress(load, 8);
    const pid = load.latest()!.pid!;
    answeredAfter.push(pid);
    const held = socketInodeOf(pid, 3);
    if (held !== undefined) assert.equal(held, inode, `pid ${pid} holds socket:[${inode}] as fd 3`);
    assertControllerNeverAccepts(berth, inode);
  }
  return answeredAfter;
}
