// Drives PM2 (node_modules/.bin/pm2) with its own PM2_HOME in a temp dir, so
// the user's PM2 is never touched; `pm2 kill` and a marker sweep at the end.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './berth-driver.mjs';
import { discardLater } from './discard-later.mjs';

export const PM2_BIN = path.join(ROOT, 'node_modules', '.bin', 'pm2');

/** Daemons of drivers not yet cleaned up, for an interrupted run. */
export const livePm2 = new Set();

export class Pm2Driver {
  constructor() {
    livePm2.add(this);
    this.root = mkdtempSync(path.join(tmpdir(), 'berth-bench-pm2-'));
    this.home = path.join(this.root, 'pm2-home');
  }

  run(args, { timeoutMs = 180_000 } = {}) {
    const t0 = performance.now();
    return new Promise((resolve) => {
      execFile(PM2_BIN, args, { cwd: this.root, timeout: timeoutMs, maxBuffer: 64 * 2 ** 20, env: { ...process.env, PM2_HOME: this.home } }, (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr, ms: performance.now() - t0 });
      });
    });
  }

  /** Starts the God daemon (outside any timed section). */
  async daemon() {
    const res = await this.run(['ping']);
    if (res.code !== 0) throw new Error(`pm2 ping failed: ${res.stderr}`);
  }

  /** The God daemon's pid, from $PM2_HOME/pm2.pid. */
  get pid() {
    const file = path.join(this.home, 'pm2.pid');
    return existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : undefined;
  }

  writeEcosystem(apps) {
    const file = path.join(this.root, 'ecosystem.config.cjs');
    writeFileSync(file, `module.exports = ${JSON.stringify({ apps }, null, 2)};\n`);
    return file;
  }

  /** Last resort on Ctrl-C: SIGKILL the God daemon. */
  killDaemon() {
    const pid = this.pid;
    if (pid) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    rmSync(this.root, { recursive: true, force: true });
  }

  async cleanup({ marker } = {}) {
    livePm2.delete(this);
    await this.run(['kill'], { timeoutMs: 60_000 }).catch(() => {});
    if (marker) {
      const { killMarked } = await import('./procs.mjs');
      await killMarked(marker);
    }
    discardLater(this.root);
  }
}
