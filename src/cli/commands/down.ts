/**
 * `berth down`: stop every app and the controller. With no controller
 * running, the processes the store records are stopped directly (signal,
 * then SIGKILL to the group), so down always leaves nothing behind.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from '../command.js';
import { withExistingStore } from '../../store/with-existing-store.js';
import { ApiClient } from '../../api/api-client.js';
import { isProcessAlive } from '../../process/is-process-alive.js';
import { examplesHelp } from '../format/examples.js';

export const command: Command = {
  name: 'down',
  summary: 'Stop every app and the controller.',
  usage: 'berth down',
  help: 'Without a running controller, stops the processes the store records (and any this home started but never recorded).\n\n' + examplesHelp(['berth down', 'berth --home /srv/berth down']),
  options: {},
  async run(_args, ctx) {
    const client = new ApiClient(ctx.home);
    if (await client.isRunning()) {
      const { pid } = await client.status();
      await client.shutdown(true);
      // The controller answers first, then stops the apps and exits.
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline && isProcessAlive(pid)) await sleep(100);
      ctx.out('controller stopped; every app stopped');
      return 0;
    }
    const { stopRecordedInstances } = await import('../../instance/stop-recorded-instances.js');
    // recorded instances first (their own stop signal), then whatever else carries a recorded spawn marker
    const stopped = await withExistingStore(ctx.home, (store) => stopRecordedInstances(store, ctx.home), () => undefined);
    ctx.out(stopped === undefined ? 'nothing to stop' : `controller not running; stopped ${stopped} process${stopped === 1 ? '' : 'es'}`);
    return 0;
  },
};
