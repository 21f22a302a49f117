// Drives the real berth binary for benchmarks and chaos runs: a controller
// (`berth up`) on a temp home and manifest directory, CLI calls, atomic
// manifest writes, and a cleanup that leaves no process behind.
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, renameSync, writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sleep } from './system.mjs';
import { discardLater } from './discard-later.mjs';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const BIN = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');

/** Writes `name` into the manifest folder `dir` as a user's tools do: a dot-file, then renamed into place. */
export function writeManifestFile(dir, name, text) {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, file);
  return file;
}

export class BerthDriver {
  /** @param {{ prefix?: string, upArgs?: string[] }} opts */
  constructor({ prefix = 'berth-bench-', upArgs = [], nodeArgs = [] } = {}) {
    this.nodeArgs = nodeArgs;
    this.root = mkdtempSync(path.join(tmpdir(), prefix));
    this.home = path.join(this.root, 'home');
    this.dir = path.join(this.root, 'manifests');
    mkdirSync(this.dir, { recursive: true });
    mkdirSync(this.home, { recursive: true });
    this.upArgs = upArgs;
    this.controller = undefined;
    this.starts = 0;
  }

  get pid() {
    return this.controller?.pid;
  }

  get outputFile() {
    return path.join(this.root, 'controller.out');
  }

  /** Runs a CLI command; resolves { code, stdout, stderr, ms }. */
  cli(args, { timeoutMs = 120_000 } = {}) {
    const t0 = performance.now();
    return new Promise((resolve) => {
      execFile(process.execPath, [BIN, '--home', this.home, ...args], { cwd: this.root, timeout: timeoutMs, maxBuffer: 64 * 2 ** 20 }, (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr, ms: performance.now() - t0 });
      });
    });
  }

  async list() {
    const res = await this.cli(['list', '-o', 'json']);
    if (res.code !== 0) throw new Error(`berth list failed: ${res.stderr.trim()}`);
    return JSON.parse(res.stdout);
  }

  /** Starts `berth up` and waits until its API answers. */
  async up({ timeoutMs = 30_000 } = {}) {
    const out = openSync(this.outputFile, 'a');
    const child = spawn(process.execPath, [...this.nodeArgs, BIN, '--home', this.home, 'up', '--dir', this.dir, ...this.upArgs], {
      cwd: this.root,
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    this.controller = child;
    this.starts++;
    child.on('error', () => {});
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`controller exited early:\n${this.output().slice(-3000)}`);
      if (existsSync(path.join(this.home, 'berth.sock'))) {
        const res = await this.cli(['list', '-o', 'json']);
        if (res.code === 0 && !res.stderr.includes('note:')) return;
      }
      await sleep(50);
    }
    throw new Error(`controller did not come up:\n${this.output().slice(-3000)}`);
  }

  alive() {
    const c = this.controller;
    return Boolean(c && c.exitCode === null && c.signalCode === null);
  }

  output() {
    return existsSync(this.outputFile) ? readFileSync(this.outputFile, 'utf8') : '';
  }

  /** kill -9 the controller (a crash); apps keep running. */
  async kill9() {
    const child = this.controller;
    if (!child || !this.alive()) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** Writes a manifest atomically (temp file + rename), as `berth apply` does. */
  writeManifest(name, text) {
    return writeManifestFile(this.dir, name, text);
  }

  removeManifest(name) {
    rmSync(path.join(this.dir, name), { force: true });
  }

  /** Every pid the store recorded (for cleanup). */
  async recordedPids() {
    const db = path.join(this.home, 'state.db');
    if (!existsSync(db)) return [];
    const { default: Database } = await import('better-sqlite3');
    const handle = new Database(db, { readonly: true, fileMustExist: true, timeout: 5000 });
    try {
      return handle.prepare('SELECT pid FROM instances WHERE pid IS NOT NULL').all().map((r) => r.pid);
    } catch {
      return [];
    } finally {
      handle.close();
    }
  }

  /** `berth down` (bounded), then waits for the controller to exit. */
  async down({ timeoutMs = 60_000 } = {}) {
    const res = await this.cli(['down'], { timeoutMs });
    const child = this.controller;
    if (child && this.alive()) {
      const deadline = Date.now() + timeoutMs;
      while (this.alive() && Date.now() < deadline) await sleep(50);
    }
    return res;
  }

  /** berth down, then SIGKILL to every process group left, then the temp dir. */
  async cleanup({ marker } = {}) {
    const recorded = await this.recordedPids().catch(() => []);
    if (this.alive()) await this.down({ timeoutMs: 30_000 }).catch(() => {});
    const { killGroups, killMarked } = await import('./procs.mjs');
    killGroups([...recorded, ...(await this.recordedPids().catch(() => []))]);
    if (this.alive()) this.controller.kill('SIGKILL');
    if (marker) await killMarked(marker);
    discardLater(this.root);
  }
}
