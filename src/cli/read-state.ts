/**
 * Read commands ask the controller (live CPU, memory, status) and fall back
 * to the store when it is down, saying so on stderr: `berth list` always
 * answers.
 */
import path from 'node:path';
import { ApiClient } from '../api/api-client.js';
import type { AppInfo, AppsOverview, InstanceView } from '../api/api-types.js';
import type { CommandContext } from './command.js';
import { BerthError } from '../errors.js';
import { withExistingStore } from '../store/with-existing-store.js';
import type { Store } from '../store/store.js';

const DOWN_NOTE = 'note: the controller is not running; showing the last recorded state';

function withStore<T>(ctx: CommandContext, read: (store: Store) => T): Promise<T> {
  return withExistingStore(ctx.home, read, () => {
    throw new BerthError('CONTROLLER_UNAVAILABLE', `no berth state in ${ctx.home} (start the controller with \`berth up\`)`);
  });
}

function isUnavailable(err: unknown): boolean {
  return err instanceof BerthError && err.code === 'CONTROLLER_UNAVAILABLE';
}

/** Asks the controller; when none runs, notes it once and reads the store instead. */
async function fromControllerOrStore<T>(ctx: CommandContext, ask: (client: ApiClient) => Promise<T>, read: (store: Store) => Promise<T> | T): Promise<T> {
  try {
    return await ask(new ApiClient(ctx.home));
  } catch (err) {
    if (!isUnavailable(err)) throw err;
    ctx.err(DOWN_NOTE);
    return withStore(ctx, read) as Promise<T>;
  }
}

export function readInstances(ctx: CommandContext): Promise<InstanceView[]> {
  return fromControllerOrStore(ctx, (c) => c.listInstances(), async (store) => (await import('../controller/instance-views.js')).instanceViews(store));
}

export function readAppInfo(ctx: CommandContext, name: string): Promise<AppInfo> {
  return fromControllerOrStore(ctx, (c) => c.appInfo(name), async (store) => (await import('../controller/app-info.js')).appInfo(store, name, undefined, [], path.join(ctx.home, 'logs')));
}

/** Instances and app summaries together (`berth list`), from one source. */
export function readListState(ctx: CommandContext): Promise<{ instances: InstanceView[]; overview: AppsOverview }> {
  return fromControllerOrStore(
    ctx,
    async (c) => {
      const [instances, overview] = await Promise.all([c.listInstances(), c.listApps()]);
      return { instances, overview };
    },
    async (store) => {
      const { instanceViews } = await import('../controller/instance-views.js');
      const apps = store.apps.list();
      return {
        instances: instanceViews(store),
        overview: {
          apps: apps.map((a) => ({ name: a.name, kind: a.kind, labels: a.labels, desiredState: a.desiredState })),
          // without a controller, only the errors it last recorded on the apps it knew
          manifestErrors: apps.flatMap((a) => a.conditions.filter((c) => c.type === 'ManifestValid' && c.status === 'False').map((c) => c.message)),
        },
      };
    },
  );
}
