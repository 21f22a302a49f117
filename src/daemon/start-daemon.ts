/**
 * The running controller process, wired: the store, the port allocator (and
 * its repair pass), the Supervisor, the Controller, the API socket and, with
 * `git`, a GitOps sync loop. `berth up` parses flags, handles signals and
 * prints; everything it runs is assembled here.
 *
 * @example
 * const daemon = await startDaemon({ home, dir, pool, logger });
 * await daemon.controller.shutdown({ stopApps: true });
 * await daemon.closed; // store and socket closed
 */
import type { Logger } from 'pino';
import { openCheckedStore, type Store } from '../store/store.js';
import { stateDbPath } from '../store/open-store.js';
import { PortAllocator, buildInstanceEnv, repairAllocations, type PortRange } from '../ports/index.js';
import { poolOverlapWarning, readEphemeralRange } from '../ports/port-pool.js';
import { Supervisor } from '../instance/supervisor.js';
import { Controller } from '../controller/controller.js';
import { startApiServer } from '../api/api-server.js';
import { socketPathFor } from '../api/api-client.js';
import { warmUp } from './warm-up.js';
import { keepYoungGenerationSmall } from './young-generation.js';
import { oneMemoryReducerGc } from './memory-reducer.js';
import { runBytecodeOnly } from './bytecode-only.js';
import { compactOnEveryFullGc } from './full-compaction.js';
import { startGitSync, type GitSyncOptions } from './start-git-sync.js';
import { acquireControllerLock } from './controller-lock.js';
import { guardStoreFile } from './guard-store-file.js';
import type { FileLock } from '../util/file-lock.js';
import type { PreparedWeb } from '../web/index.js';
import { startControllerLogRotation } from '../log/rotate-controller-logs.js';
import { LogOwnership } from '../instance/log-ownership.js';
import path from 'node:path';

export interface DaemonOptions {
  home: string;
  /** The manifest directory, absolute. */
  dir: string;
  pool: PortRange;
  logger: Logger;
  version?: string;
  resyncMs?: number;
  sweepIntervalMs?: number;
  /** `up --git`: a sync loop applying a repository into `dir`. */
  git?: GitSyncOptions;
  /** `up --web`: the dashboard and /metrics, prepared (address parsed) before anything starts. */
  web?: PreparedWeb;
}

export interface Daemon {
  controller: Controller;
  store: Store;
  /** Resolves once the controller shut down and the socket, sync loop and store are closed. */
  closed: Promise<void>;
}

export async function startDaemon(options: DaemonOptions): Promise<Daemon> {
  // Before anything else: a second controller on this home would start every app twice.
  const lock = await acquireControllerLock(options.home);
  try {
    return await startLocked(options, lock);
  } catch (err) {
    lock.release();
    throw err;
  }
}

async function startLocked({ home, dir, pool, logger, version, resyncMs, sweepIntervalMs, git, web }: DaemonOptions, lock: FileLock): Promise<Daemon> {
  keepYoungGenerationSmall();
  oneMemoryReducerGc();
  runBytecodeOnly();
  compactOnEveryFullGc();
  const overlap = poolOverlapWarning(pool, readEphemeralRange());
  if (overlap) logger.warn(overlap);
  const store = openCheckedStore(stateDbPath(home));
  const ports = new PortAllocator({ store, pool });
  try {
    store.meta.set('port_pool', `${pool.start}-${pool.end}`);
    repairPortAllocations(store, pool, logger);
  } catch (err) {
    // a full disk: supervise anyway; the repair runs at the next start
    logger.warn({ err: { message: (err as Error).message } }, 'cannot record the port pool or repair allocations');
  }
  // The instance layer reports to the controller (store faults are shown in `berth info`), built just after it.
  let report: ((err: unknown, where: string) => void) | undefined;
  const supervisor = new Supervisor({
    store,
    home,
    ...(sweepIntervalMs ? { sweepIntervalMs } : {}),
    onError: (err, where) => (report ? report(err, `instance ${where.key ?? ''}`.trim()) : logger.error({ err, key: where.key }, 'instance error')),
  });
  let shutDown!: () => void;
  const stopped = new Promise<void>((resolve) => (shutDown = resolve));
  const controller = new Controller({ home, dir, store, ports, supervisor, buildEnv: buildInstanceEnv, logger, version, resyncMs, onShutdown: () => shutDown(), observeReconcile: web?.observeReconcile });
  report = (err, where) => controller.reportError(err, where);
  await warmUp();
  let webServer: Awaited<ReturnType<PreparedWeb['start']>> | undefined;
  try {
    // Before any app starts: a dashboard port in use fails `up` while nothing runs yet.
    webServer = await web?.start({ home, controller, store, logger });
    await controller.start();
  } catch (err) {
    await webServer?.close();
    await controller.shutdown({ stopApps: false });
    store.close();
    throw err;
  }
  // Answer only once the first read of the directory is done and watched: `up -d` returns then, and a
  // manifest dropped right after it is never missed.
  const api = await startApiServer(controller, socketPathFor(home), (err) => logger.error({ err }, 'API error'));
  const syncLoop = git ? await startGitSync({ ...git, store, home, dir, logger, onApplied: () => void controller.reloadDesired() }) : undefined;
  const stopLogRotation = startControllerLogRotation({ home, slots: new LogOwnership(store, path.join(home, 'logs')), onError: (err) => logger.error({ err }, 'controller log rotation') });
  const storeGuard = guardStoreFile({ store, file: stateDbPath(home), logger, onError: (err) => controller.reportError(err, 'rewriting state.db') });
  const closed = stopped.then(async () => {
    storeGuard.stop();
    await syncLoop?.stop();
    await api.close();
    await webServer?.close();
    stopLogRotation();
    store.close();
    lock.release();
    logger.info('controller stopped');
  });
  return { controller, store, closed };
}

/** Allocations whose owner is gone are freed; ports outside the pool are reported. */
function repairPortAllocations(store: Store, pool: PortRange, logger: Logger): void {
  const apps = store.apps.list();
  const repair = repairAllocations(store, {
    knownApps: new Set(apps.filter((a) => a.kind === 'App').map((a) => a.name)),
    knownClaims: new Set(apps.filter((a) => a.kind === 'PortClaim').map((a) => a.name)),
    pool,
  });
  if (repair.freed.length) logger.warn(`repair: freed ${repair.freed.length} allocation(s) whose owner no longer exists`);
  for (const row of repair.outOfPool) logger.warn(`repair: ${row.protocol} port ${row.port} of ${row.owner} lies outside the pool`);
}
