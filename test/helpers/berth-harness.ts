/**
 * Drives the real `berth` binary for end-to-end tests: a temp home and
 * manifest directory, a controller child (`berth up`), CLI calls, HTTP gets
 * to 127.0.0.1, and a cleanup that leaves no process behind whatever happens.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { chown, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import http from 'node:http';
import Database from 'better-sqlite3';
import type { InstanceView } from '../../src/api/api-types.js';

export const BIN = new URL('../../src/cli/main.js', import.meta.url).pathname;
export const ROOT = new URL('../../../', import.meta.url).pathname;
export const HELLO_DIR = path.join(ROOT, 'examples', 'hello');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}


export class BerthHarness {
  controller?: ChildProcess;
  controllerOutput = '';

  /** Extra environment for every berth process (`BERTH_HOME` exported, say). */
  env: NodeJS.ProcessEnv = {};

  private constructor(readonly root: string, readonly home: string, readonly dir: string, readonly user: { uid: number; gid: number } | undefined) {}

  /**
   * `user`: run the controller and the CLI as that user (the test runs as root); the temp folders become theirs.
   * `env`: extra environment for every berth process.
   */
  static async create({ user, env = {} }: { user?: { uid: number; gid: number }; env?: NodeJS.ProcessEnv | ((home: string) => NodeJS.ProcessEnv) } = {}): Promise<BerthHarness> {
    const root = await mkdtemp(path.join(tmpdir(), 'berth-e2e-'));
    const harness = new BerthHarness(root, path.join(root, 'home'), path.join(root, 'manifests'), user);
    harness.env = typeof env === 'function' ? env(harness.home) : env;
    await mkdir(harness.dir, { recursive: true });
    if (user) for (const dir of [root, harness.dir]) await chown(dir, user.uid, user.gid);
    return harness;
  }

  cli(args: string[], { input, cwd, env }: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
    return new Promise((resolve) => {
      const child = execFile(process.execPath, [BIN, '--home', this.home, ...args], { cwd: cwd ?? this.root, timeout: 120_000, env: env ?? { ...process.env, ...this.env }, ...this.user }, (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
        resolve({ code, stdout, stderr });
      });
      if (input !== undefined) child.stdin!.end(input);
    });
  }

  /** A long-running CLI command (`logs -f`, `list -w`): its output so far, a wait on it, and a stop. */
  spawnCli(args: string[]): LiveCli {
    const child = spawn(process.execPath, [BIN, '--home', this.home, ...args], { cwd: this.root, stdio: ['ignore', 'pipe', 'pipe'] });
    const live: LiveCli = {
      stdout: '',
      stderr: '',
      async waitFor(pattern, what) {
        const deadline = Date.now() + 30_000;
        while (Date.now() < deadline) {
          if (pattern.test(live.stdout)) return;
          if (child.exitCode !== null) break;
          await sleep(50);
        }
        throw new Error(`timed out waiting for ${what} in the output of berth ${args.join(' ')}:\n${live.stdout}\n${live.stderr}`);
      },
      async stop() {
        if (child.exitCode !== null) return child.exitCode;
        const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
        child.kill('SIGINT');
        return exited;
      },
    };
    child.stdout!.on('data', (d: Buffer) => (live.stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (live.stderr += d.toString()));
    this.liveClis.push(live);
    return live;
  }

  private readonly liveClis: LiveCli[] = [];

  /** Starts `berth up` and waits until its API answers. */
  async up(extra: string[] = []): Promise<void> {
    const child = spawn(process.execPath, [BIN, '--home', this.home, 'up', '--dir', this.dir, '--resync', '2s', '--sweep-interval', '200ms', ...extra], {
      cwd: this.root,
      ...this.user,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...this.env },
    });
    this.controller = child;
    child.stdout!.on('data', (d: Buffer) => (this.controllerOutput += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (this.controllerOutput += d.toString()));
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`controller exited early: ${this.controllerOutput}`);
      if (existsSync(path.join(this.home, 'berth.sock'))) {
        const res = await this.cli(['list', '-o', 'json']);
        if (res.code === 0 && !res.stderr.includes('note:')) return;
      }
      await sleep(100);
    }
    throw new Error(`controller did not come up: ${this.controllerOutput}`);
  }

  /** Kills the controller the way a crash would; apps keep running. */
  async killController(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.controller;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }

  async writeManifest(name: string, text: string): Promise<string> {
    const file = path.join(this.dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    // Same atomicity apply uses: the watcher never sees half a file.
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
    await writeFile(temp, text);
    const { rename } = await import('node:fs/promises');
    await rename(temp, file);
    return file;
  }

  async removeManifest(name: string): Promise<void> {
    await rm(path.join(this.dir, name), { force: true });
  }

  async instances(): Promise<InstanceRow[]> {
    const res = await this.cli(['list', '-o', 'json']);
    if (res.code !== 0) throw new Error(`list failed: ${res.stderr}`);
    return JSON.parse(res.stdout) as InstanceRow[];
  }

  /** Polls `berth list -o json` until `predicate` holds. */
  async waitFor(predicate: (rows: InstanceRow[]) => boolean, what: string, timeoutMs = 30_000): Promise<InstanceRow[]> {
    const deadline = Date.now() + timeoutMs;
    let rows: InstanceRow[] = [];
    while (Date.now() < deadline) {
      rows = await this.instances();
      if (predicate(rows)) return rows;
      await sleep(150);
    }
    throw new Error(`timed out waiting for ${what}; last list: ${JSON.stringify(rows.map((r) => ({ app: r.app, i: r.instance, s: r.status, pid: r.pid, port: r.port })))}\ncontroller:\n${this.controllerOutput.slice(-3000)}`);
  }

  /** Every pid the store has ever recorded for this home, to kill in cleanup. */
  recordedPids(): number[] {
    const db = path.join(this.home, 'state.db');
    if (!existsSync(db)) return [];
    try {
      const handle = new Database(db, { readonly: true, fileMustExist: true });
      try {
        return (handle.prepare('SELECT pid FROM instances WHERE pid IS NOT NULL').all() as { pid: number }[]).map((r) => r.pid);
      } finally {
        handle.close();
      }
    } catch {
      return []; // a test that corrupts or deletes the store
    }
  }

  /** Stops everything: berth down, then SIGKILL to any process group left, then the temp dir. */
  async cleanup(): Promise<void> {
    await Promise.all(this.liveClis.map((l) => l.stop()));
    const seen = new Set(this.recordedPids());
    try {
      // cli() itself times out after 120 s; down normally takes well under a second
      await this.cli(['down']);
    } catch {
      // fall through to the hard kill
    }
    for (const pid of [...seen, ...this.recordedPids()]) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (this.controller && this.controller.exitCode === null) this.controller.kill('SIGKILL');
    await rm(this.root, { recursive: true, force: true });
  }

  logTail(): string {
    const file = path.join(this.home, 'logs', 'controller.log');
    return existsSync(file) ? readFileSync(file, 'utf8').slice(-4000) : '';
  }
}

export interface LiveCli {
  stdout: string;
  stderr: string;
  /** Resolves once stdout matches (30 s at most). */
  waitFor(pattern: RegExp, what: string): Promise<void>;
  /** SIGINT, as Ctrl-C; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** One row of `berth list -o json`. */
export type InstanceRow = InstanceView;

/** A waitFor predicate: exactly `count` instances, all online. */
export const allOnline = (count: number) => (rows: InstanceRow[]): boolean => rows.length === count && rows.every((r) => r.status === 'online');

/** GET http://127.0.0.1:port/path → parsed JSON (or throws). */
export function getJson<T = Record<string, unknown>>(port: number, urlPath = '/', timeoutMs = 2_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, timeout: timeoutMs, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        try {
          resolve(JSON.parse(body) as T);
        } catch (err) {
          reject(err);
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

export async function isPortOpen(port: number): Promise<boolean> {
  try {
    await getJson(port, '/', 1_000);
    return true;
  } catch {
    return false;
  }
}

export function helloApp({ name, instances = 1, port, extra = '' }: { name: string; instances?: number; port?: string; extra?: string }): string {
  return [
    'apiVersion: berth/v1',
    'kind: App',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  script: node',
    '  args: [server.js]',
    `  cwd: ${HELLO_DIR}`,
    `  instances: ${instances}`,
    ...(port ? [`  port: "${port}"`] : []),
    '  stopTimeout: 3s',
    ...(extra ? [extra] : []),
    '',
  ].join('\n');
}

/** A `sleep` app (no port): `extra` adds spec fields in flow style, e.g. `instances: 2`. */
export function sleeperApp(name: string, extra = '', seconds = '1000'): string {
  return `apiVersion: berth/v1\nkind: App\nmetadata: {name: ${name}}\nspec: {script: sleep, args: ["${seconds}"], stopTimeout: 2s${extra ? `, ${extra}` : ''}}\n`;
}
