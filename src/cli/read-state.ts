/**
 * Read commands ask the controller (live CPU, memory, status) and fall back
 * to the store when it is down, saying so on stderr: `berth list` always
 * answers.
 */
import { ApiClient } from '../api/api-client.js';
import type { AppInfo, InstanceView } from '../api/api-types.js';
import type { CommandContext } from './command.js';
import { BerthError } from '../errors.js';
import { withExistingStore } from '../store/with-existing-store.js';

const DOWN_NOTE = 'note: the controller is not running; showing the last recorded state';

function withStore<T>(ctx: CommandContext, read: (store: import('../store/store.js').Store) => T): Promise<T> {
  return withExistingStore(ctx.home, read, () => {
    throw new BerthError('CONTROLLER_UNAVAILABLE', `no berth state in ${ctx.home} (start the controller with \`berth up\`)`);
  });
}

function isUnavailable(err: unknown): boolean {
  return err instanceof BerthError && err.code === 'CONTROLLER_UNAVAILABLE';
}

export async function readInstances(ctx: CommandContext): Promise<InstanceView[]> {
  try {
    return await new ApiClient(ctx.home).listInstances();
  } catch (err) {
    if (!isUnavailable(err)) throw err;
    ctx.err(DOWN_NOTE);
    const { instanceViews } = await import('../controller/instance-views.js');
    return withStore(ctx, (store) => instanceViews(store));
  }
}

export async function readAppInfo(ctx: CommandContext, name: string): Promise<AppInfo> {
  try {
    return await new ApiClient(ctx.home).appInfo(name);
  } catch (err) {
    if (!isUnavailable(err)) throw err;
    ctx.err(DOWN_NOTE);
    const { appInfo } = await import('../controller/app-info.js');
    return withStore(ctx, (store) => appInfo(store, name));
  }
}

/** Warnings the running controller wants shown under `berth list` (none when it is down). */
export async function readControllerWarnings(ctx: CommandContext): Promise<string[]> {
  try {
    return (await new ApiClient(ctx.home).status()).warnings ?? [];
  } catch (err) {
    if (isUnavailable(err)) return [];
    throw err;
  }
}
