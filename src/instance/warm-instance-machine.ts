/**
 * Runs one instance machine through a whole life (spawned, online, stopped)
 * with actors that touch nothing, while the controller starts, so that the
 * first app a user starts meets warm code. xstate builds and memoises a
 * machine's transition tables, and V8 compiles each of xstate's functions,
 * on first use. Measured on the first manifest after `berth up` (issue 19,
 * kernel tracepoints, 8 alternating runs twice): rename → fork median 24.1 →
 * 18.4 ms and 24.5 → 20.9 ms, as fast as a manifest after a warm-up app.
 * Nothing leaves the rehearsal: no process, no store row, no timer.
 */
import { createActor, fromCallback, fromPromise } from 'xstate';
import { instanceMachine } from './instance-machine.js';
import type { InstanceConfig } from './types.js';
import type { AppResource } from '../manifest/types.js';
import type { StopResult } from '../process/process-runner.js';
import type { ProbeResult } from './probes/run-probe.js';

const rehearsal = instanceMachine.provide({
  actors: {
    runProcess: fromCallback(({ sendBack }) => {
      sendBack({ type: 'SPAWNED', pid: 0, startTime: null, startedAt: null, adopted: false, marker: null });
    }),
    stopProcess: fromPromise(async (): Promise<StopResult> => ({ forced: false })),
    probe: fromPromise(async (): Promise<ProbeResult> => ({ ok: true })),
  },
});

/**
 * The config a rehearsal of `app` runs: its spec, and no ports (so no
 * readiness check), no env. The log folder is never written: no process starts.
 */
export function rehearsalConfig(app: AppResource): InstanceConfig {
  return { app: app.metadata.name, index: 0, spec: app.spec, specHash: app.specHash, env: {}, ports: { tcp: [], udp: [] }, logDir: '' };
}

/**
 * Resolves once the rehearsal instance has stopped; returns the statuses it went through.
 * @example await warmInstanceMachine(rehearsalConfig(sample)); // ['pending', 'starting', 'online', 'stopping', 'stopped']
 */
export function warmInstanceMachine(config: InstanceConfig): Promise<string[]> {
  const actor = createActor(rehearsal, { input: { config } });
  const statuses: string[] = [];
  return new Promise((resolve) => {
    actor.subscribe((snapshot) => {
      const status = [...snapshot.tags][0] ?? '';
      if (statuses.at(-1) !== status) statuses.push(status);
      if (snapshot.hasTag('stopped')) {
        actor.stop();
        resolve(statuses);
      }
    });
    actor.start();
    actor.send({ type: 'START' });
    actor.send({ type: 'STOP' });
  });
}
