/**
 * Read commands ask the controller (live CPU, memory, status) and fall back
 * to the store when it is down, saying so on stderr: `berth list` always
 * answers.
 */
import { ApiClient, ControllerUnavailableError } from '../api/api-client.js';
import type { AppInfo, InstanceView } from '../api/api-types.js';
import type { CommandContext } from './command.js';
import { BerthError } from '../errors.js';
import { withExistingStore } from '../store/with-existing-store.js';

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
    return await new ApiClient(ctx.home, READ_TIMEOUT_MS).listInstances();
  } catch (err) {
    if (!isUnavailable(err)) throw err;
    ctx.err(await downNote(ctx, err as BerthError));
    const [{ instanceViews }, { isSameProcess }] = await Promise.all([import('../controller/instance-views.js'), import('../process/proc-stat.js')]);
    return withStore(ctx, (store) => instanceViews(store, undefined, Date.now(), undefined, isSameProcess));
  }
}

export async function readAppInfo(ctx: CommandContext, name: string): Promise<AppInfo> {
  try {
    return await new ApiClient(ctx.home, READ_TIMEOUT_MS).appInfo(name);
  } catch (err) {
    if (!isUnavailable(err)) throw err;
    ctx.err(await downNote(ctx, err as BerthError));
    const { appInfo } = await import('../controller/app-info.js');
    return withStore(ctx, (store) => appInfo(store, name));
  }
}

/** Warnings the running controller wants shown under `berth list` (none when it is down). */
export async function readControllerWarnings(ctx: CommandContext): Promise<string[]> {
  try {
    return (await new ApiClient(ctx.home).status(2_000)).warnings ?? [];
  } catch (err) {
    if (isUnavailable(err)) return [];
    throw err;
  }
}
