/**
 * Read commands ask the controller (live CPU, memory, status) and fall back
 * to the store when it is down, saying so on stderr: `berth list` always
 * answers.
 */
import path from 'node:path';
import { ApiClient, ControllerUnavailableError } from '../api/api-client.js';
import type { AppInfo, InstanceView, ListState } from '../api/api-types.js';
import type { CommandContext } from './command.js';
import { BerthError } from '../errors.js';
import { withExistingStore } from '../store/with-existing-store.js';
import type { Store } from '../store/store.js';

/** A read falls back to the store rather than hang on a stopped controller. */
const READ_TIMEOUT_MS = 10_000;

/** Why the controller did not answer, for the note on stderr: not running, stopped or hung, another user's. */
async function downNote(ctx: CommandContext, err: BerthError): Promise<string> {
  // Refused (permissions) says so itself; no answer at all is a stopped or hung controller if one holds the home.
  const unanswered = err instanceof ControllerUnavailableError || /did not answer/.test(err.message);
  if (!unanswered) return `note: ${err.message}; showing the last recorded state`;
  const { controllerHolding } = await import('../daemon/controller-lock.js');
  const holder = controllerHolding(ctx.home);
  const why = holder.running ? `the controller (pid ${holder.pid ?? 'unknown'}) holds ${ctx.home} but does not answer (starting, stopped or hung?)` : 'the controller is not running';
  return `note: ${why}; showing the last recorded state`;
}

function withStore<T>(ctx: CommandContext, read: (store: Store) => T): Promise<T> {
  return withExistingStore(ctx.home, read, () => {
    throw new BerthError('CONTROLLER_UNAVAILABLE', `no berth state in ${ctx.home} (start the controller with \`berth up\`)`);
  });
}

function isUnavailable(err: unknown): boolean {
  return err instanceof BerthError && err.code === 'CONTROLLER_UNAVAILABLE';
}

/** Asks the controller; when none answers, notes why once and reads the store instead. */
async function fromControllerOrStore<T>(ctx: CommandContext, ask: (client: ApiClient) => Promise<T>, read: (store: Store) => Promise<T> | T): Promise<T> {
  try {
    return await ask(new ApiClient(ctx.home, READ_TIMEOUT_MS));
  } catch (err) {
    if (!isUnavailable(err)) throw err;
    ctx.err(await downNote(ctx, err as BerthError));
    return withStore(ctx, read) as Promise<T>;
  }
}

/** The store's instance views with each recorded process checked against /proc: a dead one shows stopped. */
async function offlineInstances(store: Store): Promise<InstanceView[]> {
  const [{ instanceViews }, { isSameProcess }] = await Promise.all([import('../controller/instance-views.js'), import('../process/proc-stat.js')]);
  return instanceViews(store, undefined, Date.now(), undefined, isSameProcess);
}

export function readInstances(ctx: CommandContext): Promise<InstanceView[]> {
  return fromControllerOrStore(ctx, (c) => c.listInstances(), offlineInstances);
}

export function readAppInfo(ctx: CommandContext, name: string): Promise<AppInfo> {
  return fromControllerOrStore(ctx, (c) => c.appInfo(name), async (store) => (await import('../controller/app-info.js')).appInfo(store, name, undefined, [], path.join(ctx.home, 'logs')));
}

/** Instances, app summaries and the controller's warnings together (`berth list`), from one source. */
export function readListState(ctx: CommandContext): Promise<ListState> {
  return fromControllerOrStore(
    ctx,
    (c) => c.listState(),
    async (store) => {
      const apps = store.apps.list();
      return {
        instances: await offlineInstances(store),
        overview: {
          apps: apps.map((a) => ({ name: a.name, kind: a.kind, labels: a.labels, desiredState: a.desiredState })),
          // without a controller, only the errors it last recorded on the apps it knew
          manifestErrors: apps.flatMap((a) => a.conditions.filter((c) => c.type === 'ManifestValid' && c.status === 'False').map((c) => c.message)),
        },
        warnings: [],
      };
    },
  );
}
