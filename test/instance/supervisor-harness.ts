/**
 * A real Supervisor over a real SQLite store in a temp home, for tests with
 * real processes: every process group any handle ever ran is killed when
 * the test ends, whatever happens.
 */
import type { TestContext } from 'node:test';
import path from 'node:path';
import { openStore } from '../../src/store/store.js';
import { Supervisor, type SupervisorOptions } from '../../src/instance/supervisor.js';
import type { InstanceHandle } from '../../src/instance/instance-handle.js';
import type { InstanceConfig } from '../../src/instance/types.js';
import type { AppSpec } from '../../src/manifest/types.js';
import { makeSpec, tempDir } from './helpers.js';

export function supervisorSetup(t: TestContext, options: Partial<Omit<SupervisorOptions, 'store' | 'home'>> = {}) {
  // Registered before the temp folder's removal, so it runs first (after-hooks run in order): a
  // supervisor still starting an instance created logs/ again in a folder already removed.
  let stop = async () => {};
  t.after(() => stop());
  const dir = tempDir(t, 'berth-sup-');
  const store = openStore(path.join(dir, 'state.db'));
  const errors: unknown[] = [];
  const supervisor = new Supervisor({ store, home: dir, sweepIntervalMs: 100, onError: (err) => errors.push(err), ...options });
  const pids = new Set<number>();
  stop = async () => {
    // A spawn still opening its log files would make the log folder again after its removal.
    await supervisor.detachAll();
    for (const pid of pids) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    store.close();
  };
  const track = (handle: InstanceHandle) => {
    handle.subscribe((s) => s.pid && pids.add(s.pid));
    return handle;
  };
  const config = (spec: Partial<AppSpec>, extra: Partial<InstanceConfig> = {}): InstanceConfig => ({
    app: 'app', index: 0, specHash: 'h1', env: {}, ports: { tcp: [], udp: [] }, logDir: path.join(dir, 'logs'), ...extra, spec: makeSpec({ cwd: dir, stopTimeoutMs: 2_000, ...spec }),
  });
  return { dir, store, supervisor, errors, track, config, pids };
}
