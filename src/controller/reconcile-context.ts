/**
 * What every part of a reconcile works with: the store, the ports and
 * instance layers, how an instance's environment is built, the desired
 * state and the reloads/restarts asked for. One object, passed down.
 */
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import type { DesiredState } from '../manifest/load-manifest-dir.js';
import type { BuildEnv, PortsDep, SupervisorDep } from './controller-deps.js';
import type { RolloutRequests } from './rollout-requests.js';

export interface ReconcileContext {
  store: Store;
  ports: PortsDep;
  supervisor: SupervisorDep;
  logger: Logger;
  /** <home>/logs */
  logDir: string;
  /** The berth home. */
  home?: string;
  buildEnv: BuildEnv;
  desired: () => DesiredState;
  requests: RolloutRequests;
}
