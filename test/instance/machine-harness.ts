// The instance machine with a SimulatedClock and fake actors: no real process, no real time.
import { createActor, fromCallback, fromPromise, SimulatedClock, type EventObject } from 'xstate';
import { instanceMachine, type RunProcessInput, type StopProcessInput, type ProbeInput, type InstanceMachineEvent } from '../../src/instance/instance-machine.js';
import { statusOf } from '../../src/instance/instance-handle.js';
import type { AppSpec } from '../../src/manifest/types.js';
import type { AdoptedProcess, InstanceEvent } from '../../src/instance/types.js';
import type { ProbeResult } from '../../src/instance/probes/run-probe.js';
import { flush, makeConfig } from './helpers.js';

export interface Run {
  input: RunProcessInput;
  send: (e: InstanceMachineEvent) => void;
  disposed: boolean;
}

export function harness({ spec = {}, port, adopt, probeResults = [], stopForced = false, stopFails = false, runThrows = false }: {
  spec?: Partial<AppSpec>;
  port?: number;
  adopt?: AdoptedProcess;
  probeResults?: boolean[];
  stopForced?: boolean;
  stopFails?: boolean;
  runThrows?: boolean;
} = {}) {
  const clock = new SimulatedClock();
  const runs: Run[] = [];
  const stops: StopProcessInput[] = [];
  const probes: ProbeInput[] = [];
  const events: InstanceEvent[] = [];
  const machine = instanceMachine.provide({
    actors: {
      runProcess: fromCallback<EventObject, RunProcessInput>(({ input, sendBack }) => {
        if (runThrows) throw new Error('runner exploded');
        const run: Run = { input, send: (e) => sendBack(e), disposed: false };
        runs.push(run);
        return () => (run.disposed = true);
      }),
      stopProcess: fromPromise<{ forced: boolean }, StopProcessInput>(async ({ input }) => {
        stops.push(input);
        if (stopFails) throw new Error('EPERM');
        return { forced: stopForced };
      }),
      probe: fromPromise<ProbeResult, ProbeInput>(async ({ input }) => {
        probes.push(input);
        const ok = probeResults.length ? probeResults.shift()! : true;
        return ok ? { ok } : { ok, message: 'HTTP 503' };
      }),
    },
  });
  const actor = createActor(machine, { clock, input: { config: makeConfig({ ports: { port, tcp: [], udp: [] }, spec: spec as AppSpec }), adopt, now: () => clock.now() } });
  actor.on('instance.event', (e) => events.push(e));
  const errors: unknown[] = [];
  actor.subscribe({ error: (err) => errors.push(err) });
  actor.start();
  const status = () => statusOf(actor.getSnapshot());
  const ctx = () => actor.getSnapshot().context;
  const lastRun = () => runs.at(-1)!;
  let nextPid = 100;
  const spawned = (startedAt?: number) => lastRun().send({ type: 'SPAWNED', pid: nextPid++, startTime: '1', startedAt: startedAt ?? null, adopted: false });
  const exited = (code: number | null = 1, signal: string | null = null) => lastRun().send({ type: 'EXITED', code, signal });
  const advance = async (ms: number) => {
    clock.increment(ms);
    await flush();
  };
  const reasons = () => events.map((e) => e.reason);
  return { actor, clock, runs, stops, probes, events, errors, status, ctx, spawned, exited, advance, reasons, lastRun };
}
