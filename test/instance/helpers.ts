// Shared test helpers: a complete AppSpec with small defaults, configs, process-group cleanup.
import { after, type TestContext } from 'node:test';
import type { ChildProcessByStdio, ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Readable } from 'node:stream';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppSpec } from '../../src/manifest/types.js';
import { waitFor } from '../helpers/wait-for.js';
import type { InstanceConfig } from '../../src/instance/types.js';

export const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));
export const fixture = (name: string) => path.join(FIXTURES, name);

export function makeSpec(overrides: Partial<AppSpec> = {}): AppSpec {
  return {
    script: process.execPath,
    args: [],
    cwd: process.cwd(),
    env: {},
    envFile: [],
    shell: false,
    instances: 1,
    ports: { tcp: 0, udp: 0 },
    restartPolicy: 'Always',
    backoff: { initialMs: 1_000, maxMs: 300_000, resetAfterMs: 600_000 },
    minUptimeMs: 1_000,
    stopSignal: 'SIGTERM',
    stopTimeoutMs: 10_000,
    logs: { maxSizeBytes: 10 * 1024 * 1024, maxFiles: 5 },
    dependsOn: [],
    ...overrides,
  };
}

export function makeConfig(overrides: Partial<InstanceConfig> & { spec?: Partial<AppSpec> } = {}): InstanceConfig {
  const { spec, ...rest } = overrides;
  return { app: 'web', index: 0, specHash: 'h1', env: {}, ports: { tcp: [], udp: [] }, logDir: '/tmp/berth-test-logs', ...rest, spec: makeSpec(spec) };
}

export function tempDir(t: TestContext, prefix = 'berth-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  // Never throws: node:test runs a test's after-hooks in order and skips the rest once one
  // throws, and the hooks that kill the test's processes come after this one (a process still
  // alive can write into the folder while it is removed: ENOTEMPTY once, and both processes of
  // stop-process-group's abort test outlived the run). Retried, then only reported.
  t.after(() => {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    } catch (err) {
      t.diagnostic(`temp folder ${dir} not removed: ${(err as Error).message}`);
    }
  });
  return dir;
}

/** Registers a process group to SIGKILL when the test ends, whatever happened. */
export function killGroupAfter(t: TestContext, pid: number | null | undefined): void {
  if (!pid) return;
  t.after(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  });
}

export { isProcessAlive as isAlive } from '../../src/process/is-process-alive.js';

export function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5_000, pollMs = 20): Promise<void> {
  return waitFor(check, { what, timeoutMs, pollMs });
}

/** Lets promise-based fake actors settle. */
export const flush = () => new Promise((r) => setImmediate(r));

/**
 * Apps are unref()'d so they never hold the controller open; a test that
 * waits for their 'exit' must hold the event loop itself (the daemon has its
 * socket server for that). Call once at the top of a test file.
 */
export function holdEventLoop(): void {
  const timer = setInterval(() => {}, 60_000);
  after(() => clearInterval(timer));
}

/** The first line a child prints on stdout (rejects if it exits first). */
export function firstLineOf(child: ChildProcessWithoutNullStreams | ChildProcessByStdio<null, Readable, null>): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (d) => {
      buffered += d;
      if (buffered.includes('\n')) resolve(buffered.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`child exited ${code} before printing a line`)));
  });
}

/** Log descriptors for a spawn (as the instance layer opens them), closed when the test ends. */
export function logFds(t: TestContext, out: string, err: string = out): { stdout: number; stderr: number } {
  const open = (file: string) => {
    mkdirSync(path.dirname(file), { recursive: true });
    const fd = openSync(file, 'a', 0o640);
    t.after(() => closeSync(fd));
    return fd;
  };
  const stdout = open(out);
  return { stdout, stderr: err === out ? stdout : open(err) };
}
