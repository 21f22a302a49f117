/**
 * What the controller says about a `spec.socket` app's listening sockets:
 * the SocketOwned condition (`berth info`), and the refusal of a restart or
 * reload while running instances hold a socket this controller could not
 * take back (after a controller restart without the right to copy their
 * descriptors). A restart or reload then would need a new socket on a port
 * they still hold: a gap, or EADDRINUSE; the instances keep serving instead.
 */
import type { AppAction } from '../api/api-types.js';
import type { AppSpec } from '../manifest/types.js';
import { BerthError } from '../errors.js';
import type { Store } from '../store/store.js';
import type { ListenSocketState } from './controller-deps.js';
import { recordEvent } from './app-status.js';
import type { ReconcileContext } from './reconcile-context.js';

const REFUSE_UNTIL = 'the instances keep serving; reload and restart are refused until they exit (`berth stop` then `start` opens a new socket)';

/**
 * SocketOwned: True with each socket berth holds (port and inode), False
 * with why it cannot hold one (a Warning event when that starts), or False
 * `Closed` while no instance has needed one yet.
 *
 * @example reportSockets(store, 'web', spec, [{ port: 8080, host: '::', inode: '4711', held: true }])
 *   // SocketOwned True Held "port 8080: socket:[4711] on ::"
 */
export function reportSockets(store: Store, app: string, spec: AppSpec, states: readonly ListenSocketState[]): void {
  if (!spec.socket) {
    // The app stopped using berth's socket: say so instead of keeping a stale True.
    if (store.apps.get(app)?.conditions.some((c) => c.type === 'SocketOwned')) store.apps.setCondition(app, { type: 'SocketOwned', status: 'False', reason: 'NoSocket', message: 'spec.socket removed: the app binds its port itself' });
    return;
  }
  const problem = states.find((s) => s.problem !== undefined);
  if (problem) {
    const message = `${problem.problem}; ${REFUSE_UNTIL}`;
    if (store.apps.setCondition(app, { type: 'SocketOwned', status: 'False', reason: 'AdoptFailed', message })) recordEvent(store, app, null, 'Warning', 'SocketAdoptFailed', message);
    return;
  }
  const held = states.filter((s) => s.held);
  store.apps.setCondition(app, held.length > 0
    ? { type: 'SocketOwned', status: 'True', reason: 'Held', message: held.map((s) => `port ${s.port}: socket:[${s.inode}] on ${s.host}`).join('; ') }
    : { type: 'SocketOwned', status: 'False', reason: 'Closed', message: 'no socket open: it is opened when an instance starts' });
}

/**
 * Throws, before anything is asked, when a restart or reload of `app`
 * would need a socket this controller cannot take back.
 *
 * @example await refuseWithoutSocket(ctx, 'web', 'reload')
 *   // Error: Cannot reload web: berth cannot take the listening socket on port 8080 back from the running instances: ...
 */
export async function refuseWithoutSocket(ctx: ReconcileContext, app: string, action: AppAction): Promise<void> {
  if (action !== 'restart' && action !== 'reload') return;
  const problem = (await ctx.supervisor.listenSockets(app)).find((s) => s.problem !== undefined);
  if (problem) throw new BerthError('SOCKET_ADOPT_FAILED', `Cannot ${action} ${app}: ${problem.problem}; ${REFUSE_UNTIL}`);
}
