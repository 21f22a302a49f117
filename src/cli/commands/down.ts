/**
 * `berth down`: stop every app and the controller. With no controller
 * running, the processes the store records are stopped directly (signal,
 * then SIGKILL to the group), so down always leaves nothing behind.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from '../command.js';
import { withExistingStore } from '../../store/with-existing-store.js';
import { stateDbPath } from '../../store/open-store.js';
import { ApiClient } from '../../api/api-client.js';
import { isProcessAlive } from '../../process/is-process-alive.js';
import { BerthError } from '../../errors.js';
import { examplesHelp } from '../format/examples.js';

export const command: Command = {
  name: 'down',
  summary: 'Stop every app and the controller.',
  usage: 'berth down',
  help: 'Without a running controller, stops the processes the store records (and any this home started but never recorded); with a corrupt store, every process carrying this home\'s spawn marker.\n\n' + examplesHelp(['berth down', 'berth --home /srv/berth down']),
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
    // A controller that holds the home but does not answer (stopped, hung) would start the apps again.
    const { controllerHolding } = await import('../../daemon/controller-lock.js');
    const holder = controllerHolding(ctx.home);
    if (holder.running) {
      const pid = holder.pid ?? 'unknown';
      throw new BerthError('CONTROLLER_RUNNING', `the controller of ${ctx.home} (pid ${pid}) holds the home but does not answer (stopped or hung?); \`kill -CONT ${pid}\` and retry, or \`kill ${pid}\` first`);
    }
    const { stopRecordedInstances } = await import('../../instance/stop-recorded-instances.js');
    const { stopMarkedProcesses } = await import('../../process/marked-processes.js');
    const { isCorruption, asStoreError } = await import('../../store/store-errors.js');
    let stopped: number | undefined;
    try {
      // recorded instances first (their own stop signal), then whatever else carries a recorded spawn marker
      stopped = await withExistingStore(ctx.home, (store) => stopRecordedInstances(store, ctx.home), () => undefined);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EPERM') throw new BerthError('USAGE', `not permitted to stop the apps of ${ctx.home}: they run as another user; run \`berth down\` as that user`);
      if (!isCorruption(err)) throw err;
      // The store cannot say what runs: the processes still carry this home's spawn marker.
      ctx.err(`Warning: ${(asStoreError(err, stateDbPath(ctx.home)) as Error).message}`);
      stopped = (await stopMarkedProcesses(ctx.home)).length;
    }
    ctx.out(stopped === undefined ? 'nothing to stop' : `controller not running; stopped ${stopped} process${stopped === 1 ? '' : 'es'}`);
    return 0;
  },
};
