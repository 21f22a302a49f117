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
import { openStore, type Store } from '../store/store.js';
import { stateDbPath } from '../store/open-store.js';
import { PortAllocator, buildInstanceEnv, repairAllocations, type PortRange } from '../ports/index.js';
import { Supervisor } from '../instance/supervisor.js';
import { Controller } from '../controller/controller.js';
import { startApiServer } from '../api/api-server.js';
import { socketPathFor } from '../api/api-client.js';
import { warmManifestParser } from '../manifest/warm-manifest-parser.js';
import { keepYoungGenerationSmall } from './young-generation.js';
import { startGitSync, type GitSyncOptions } from './start-git-sync.js';
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

export async function startDaemon({ home, dir, pool, logger, version, resyncMs, sweepIntervalMs, git, web }: DaemonOptions): Promise<Daemon> {
  keepYoungGenerationSmall();
  const store = openStore(stateDbPath(home));
  const ports = new PortAllocator({ store, pool });
  store.meta.set('port_pool', `${pool.start}-${pool.end}`);
  repairPortAllocations(store, pool, logger);
  const supervisor = new Supervisor({
    store,
    home,
    ...(sweepIntervalMs ? { sweepIntervalMs } : {}),
    onError: (err, where) => logger.error({ err, key: where.key }, 'instance error'),
  });
  let shutDown!: () => void;
  const stopped = new Promise<void>((resolve) => (shutDown = resolve));
  const controller = new Controller({ home, dir, store, ports, supervisor, buildEnv: buildInstanceEnv, logger, version, resyncMs, onShutdown: () => shutDown(), observeReconcile: web?.observeReconcile });
  // Before the API socket: a dashboard port in use fails `up` while nothing runs yet.
  const webServer = await web?.start({ home, controller, store, logger });
  const api = await startApiServer(controller, socketPathFor(home), (err) => logger.error({ err }, 'API error'));
  const stopLogRotation = startControllerLogRotation({ home, slots: new LogOwnership(store, path.join(home, 'logs')), onError: (err) => logger.error({ err }, 'controller log rotation') });
  warmManifestParser();
  await controller.start();
  const syncLoop = git ? await startGitSync({ ...git, store, home, dir, logger, onApplied: () => void controller.reloadDesired() }) : undefined;
  const closed = stopped.then(async () => {
    await syncLoop?.stop();
    await api.close();
    await webServer?.close();
    stopLogRotation();
    store.close();
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
