/**
 * Opens `<home>/state.db` for a command that works on the store directly
 * (`ports`, `sync`). A missing state.db while a controller holds the home
 * means it was deleted under the controller, which writes it back within a
 * second: creating an empty one now would hand out ports the controller's
 * apps hold (split brain), so the command is refused instead.
 */
import { existsSync } from 'node:fs';
import { BerthError } from '../errors.js';
import { stateDbPath } from '../store/open-store.js';
import { controllerHolding } from '../daemon/controller-lock.js';
import type { Store } from '../store/store.js';

export async function openCliStore(home: string): Promise<Store> {
  const file = stateDbPath(home);
  if (!existsSync(file)) {
    const holder = controllerHolding(home);
    if (holder.running) throw new BerthError('STORE', `${file} is missing while the controller (pid ${holder.pid ?? 'unknown'}) runs; it writes the file back within a second: try again`);
  }
  const { openStore } = await import('../store/store.js');
  return openStore(file);
}
