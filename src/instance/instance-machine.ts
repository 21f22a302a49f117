/**
 * The lifecycle of one instance as an XState v5 machine. States carry the
 * status users see as a tag: pending, starting, online, stopping, stopped,
 * errored, crashloop (waiting in back-off).
 *
 *   pending ─START→ running.spawning ─SPAWNED→ running.starting ─ready→ running.online
 *   running ─EXITED→ exited ─(policy, back-off)→ running | crashloop ─after→ running
 *                                               | stopped | errored
 *   running ─STOP→ stopping → stopped          running ─RESTART|liveness|memory→ restarting → running
 *
 * Side effects are the actors named in setup: runProcess (spawn or adopt,
 * then report SPAWNED / SAMPLE / EXITED), stopProcess, probe. The defaults
 * here fail loudly; the Supervisor provides the real ones
 * (process-actors.ts) and tests fakes, both with machine.provide().
 */
import { assign, emit, fromCallback, fromPromise, setup, type EventObject } from 'xstate';
import type { InstanceEvent } from './types.js';
import { countExit, isGivenUp, restartDelay, shouldRestart } from './backoff.js';
import { backOffEvent, erroredEvent, exitEvent, memoryRestart, readyEvent, restartEvent, spawnedEvent, stopResultEvent, stoppedEvent } from './instance-events.js';
import type { ProbeResult } from './probes/run-probe.js';
import type { StopResult } from '../process/process-runner.js';
import { afterAttempt, newProbing, probeDelay, readinessFor } from './probing.js';
import type { InstanceContext, InstanceMachineEvent, InstanceMachineInput, ProbeInput, RunProcessInput, StopProcessInput } from './instance-machine-types.js';

export type { InstanceContext, InstanceMachineEvent, InstanceMachineInput, ProbeInput, RunProcessInput, StopProcessInput } from './instance-machine-types.js';
export { FAST_READINESS_ATTEMPTS, SLOW_READINESS_INTERVAL_MS } from './probing.js';

const notProvided = (name: string) => () => {
  throw new Error(`instance machine: actor '${name}' was not provided (use machine.provide or the Supervisor)`);
};

/** What a stop needs: the group, and the leader's identity and marker for descendants that left it. */
const stopInput = ({ context }: { context: InstanceContext }): StopProcessInput => ({
  pid: context.pid,
  startTime: context.startTime,
  marker: context.marker,
  signal: context.config.spec.stopSignal,
  timeoutMs: context.config.spec.stopTimeoutMs,
});

export const instanceMachine = setup({
  types: {
    context: {} as InstanceContext,
    events: {} as InstanceMachineEvent,
    input: {} as InstanceMachineInput,
    emitted: {} as InstanceEvent,
    tags: {} as 'pending' | 'starting' | 'online' | 'stopping' | 'stopped' | 'errored' | 'crashloop',
  },
  actors: {
    runProcess: fromCallback<EventObject, RunProcessInput>(notProvided('runProcess')),
    stopProcess: fromPromise<StopResult, StopProcessInput>(async () => notProvided('stopProcess')()),
    probe: fromPromise<ProbeResult, ProbeInput>(async () => notProvided('probe')()),
  },
  delays: {
    backoff: ({ context }) => context.backoffMs,
    readinessDelay: ({ context }) => probeDelay(context.readiness),
    livenessDelay: ({ context }) => probeDelay(context.liveness),
  },
  guards: {
    hasProcess: ({ context }) => context.pid !== null,
    stopRequested: ({ context }) => context.stopRequested,
    // Guards run before the transition's assign: decide from the config, not from context.readiness.
    needsReadinessCheck: ({ context }) => readinessFor(context.config) !== null,
    hasLiveness: ({ context }) => context.liveness !== null,
    overMemoryLimit: ({ context, event }) =>
      event.type === 'SAMPLE' && context.config.spec.maxMemoryBytes !== undefined && event.memory > context.config.spec.maxMemoryBytes,
    noRestartCleanExit: ({ context }) =>
      !shouldRestart(context.config.spec.restartPolicy, { code: context.lastExitCode, signal: context.lastExitSignal }) &&
      context.lastExitCode === 0 && context.lastExitSignal === null,
    noRestart: ({ context }) => !shouldRestart(context.config.spec.restartPolicy, { code: context.lastExitCode, signal: context.lastExitSignal }),
    givenUp: ({ context }) => isGivenUp(context, context.config.spec),
    restartAtOnce: ({ context }) => context.backoffMs <= 0,
  },
  actions: {
    recordSpawn: assign(({ context, event }) => {
      if (event.type !== 'SPAWNED') return {};
      return { pid: event.pid, startTime: event.startTime, marker: event.marker ?? null, startedAt: event.startedAt ?? context.now(), adopt: undefined, lastError: null, readiness: readinessFor(context.config), liveness: newProbing(context.config.spec.livenessProbe) };
    }),
    emitSpawned: emit(({ context, event }) => spawnedEvent(context, event)),
    recordExit: assign(({ context, event }) => {
      if (event.type !== 'EXITED') return {};
      const uptime = context.startedAt === null ? 0 : context.now() - context.startedAt;
      const counts = countExit(context, uptime, context.config.spec);
      return {
        ...counts,
        backoffMs: restartDelay(counts.crashesInRow, context.config.spec),
        pid: null,
        startTime: null,
        marker: null,
        adopt: undefined,
        lastExitCode: event.code,
        lastExitSignal: event.signal,
        lastError: event.error ?? null,
        cpu: undefined,
        memory: undefined,
      };
    }),
    emitExit: emit(({ event }) => exitEvent(event)),
    recordProcessError: assign(({ event }) => ({
      pid: null,
      startTime: null,
      marker: null,
      lastExitCode: null,
      lastExitSignal: null,
      lastError: `process actor failed: ${(event as { error?: Error }).error?.message ?? 'unknown error'}`,
    })),
    recordSample: assign(({ event }) => (event.type === 'SAMPLE' ? { cpu: event.cpu, memory: event.memory } : {})),
    countRestart: assign(({ context }) => ({ restarts: context.restarts + 1 })),
    resetCounters: assign({ crashesInRow: 0, unstableExits: 0, stopRequested: false, restartReason: null, restartMessage: null }),
    requestStop: assign({ stopRequested: true }),
    clearProcess: assign({ pid: null, startTime: null, marker: null, cpu: undefined, memory: undefined }),
    markManualRestart: assign({ restartReason: 'Restarting' as const, restartMessage: 'Restart requested' }),
    markMemoryRestart: assign(({ context, event }) => memoryRestart(context, event)),
    emitRestartReason: emit(({ context }) => restartEvent(context)),
    emitBackOff: emit(({ context }) => backOffEvent(context)),
    emitReady: emit(({ context }) => readyEvent(context)),
    emitStopped: emit(() => stoppedEvent()),
    emitErrored: emit(({ context }) => erroredEvent(context)),
    emitKilledIfForced: emit(({ context, event }) => stopResultEvent(context, event)),
    recordStopError: assign(({ event }) => ({ lastError: `stop failed: ${(event as { error?: Error }).error?.message ?? 'unknown error'}` })),
  },
}).createMachine({
  id: 'instance',
  context: ({ input }) => ({
    config: input.config,
    adopt: input.adopt,
    now: input.now ?? Date.now,
    pid: null,
    startTime: null,
    marker: null,
    startedAt: null,
    restarts: input.adopt?.restarts ?? input.restarts ?? 0,
    crashesInRow: 0,
    unstableExits: 0,
    backoffMs: 0,
    lastExitCode: null,
    lastExitSignal: null,
    lastError: null,
    stopRequested: false,
    restartReason: null,
    restartMessage: null,
    readiness: null,
    liveness: null,
  }),
  initial: 'pending',
  states: {
    pending: {
      tags: 'pending',
      on: { START: 'running', STOP: 'stopped' },
    },
    running: {
      invoke: {
        id: 'process',
        src: 'runProcess',
        input: ({ context }) => ({ config: context.config, adopt: context.adopt }),
        onError: { target: 'exited', actions: 'recordProcessError' },
      },
      on: {
        EXITED: { target: 'exited', actions: ['recordExit', 'emitExit'] },
        SAMPLE: [
          { guard: 'overMemoryLimit', target: 'restarting', actions: ['recordSample', 'markMemoryRestart'] },
          { actions: 'recordSample' },
        ],
        STOP: 'stopping',
        RESTART: { target: 'restarting', actions: 'markManualRestart' },
      },
      initial: 'spawning',
      states: {
        spawning: {
          tags: 'starting',
          on: {
            // Stopping before the pid is known would orphan the process being spawned: wait for it.
            STOP: { actions: 'requestStop' },
            RESTART: {},
            SPAWNED: [
              { guard: 'stopRequested', target: '#instance.stopping', actions: ['recordSpawn', 'emitSpawned'] },
              { guard: 'needsReadinessCheck', target: 'starting', actions: ['recordSpawn', 'emitSpawned'] },
              { target: 'online', actions: ['recordSpawn', 'emitSpawned'] },
            ],
          },
        },
        starting: {
          tags: 'starting',
          initial: 'waiting',
          states: {
            waiting: { after: { readinessDelay: 'probing' } },
            probing: {
              invoke: {
                src: 'probe',
                input: ({ context }) => ({ probe: context.readiness!.spec, config: context.config, pid: context.pid, isDefault: context.readiness!.isDefault }),
                onDone: [
                  {
                    guard: ({ context, event }) => event.output.ok && context.readiness!.successes + 1 >= context.readiness!.spec.successThreshold,
                    target: '#instance.running.online',
                    actions: assign({ readiness: ({ context, event }) => afterAttempt(context.readiness!, event.output) }),
                  },
                  { target: 'waiting', actions: assign({ readiness: ({ context, event }) => afterAttempt(context.readiness!, event.output) }) },
                ],
                onError: { target: 'waiting', actions: assign({ readiness: ({ context }) => afterAttempt(context.readiness!, { ok: false }) }) },
              },
            },
          },
        },
        online: {
          tags: 'online',
          entry: 'emitReady',
          initial: 'check',
          states: {
            check: { always: [{ guard: 'hasLiveness', target: 'waiting' }, { target: 'unprobed' }] },
            unprobed: {},
            waiting: { after: { livenessDelay: 'probing' } },
            probing: {
              invoke: {
                src: 'probe',
                input: ({ context }) => ({ probe: context.liveness!.spec, config: context.config, pid: context.pid }),
                onDone: [
                  {
                    guard: ({ context, event }) => !event.output.ok && context.liveness!.failures + 1 >= context.liveness!.spec.failureThreshold,
                    target: '#instance.restarting',
                    actions: assign(({ context, event }) => ({
                      liveness: afterAttempt(context.liveness!, event.output),
                      restartReason: 'Unhealthy' as const,
                      restartMessage: `Liveness probe failed ${context.liveness!.failures + 1} times: ${event.output.message ?? 'unhealthy'}`,
                      lastError: `liveness probe failed: ${event.output.message ?? 'unhealthy'}`,
                    })),
                  },
                  { target: 'waiting', actions: assign({ liveness: ({ context, event }) => afterAttempt(context.liveness!, event.output) }) },
                ],
                onError: { target: 'waiting', actions: assign({ liveness: ({ context }) => afterAttempt(context.liveness!, { ok: false }) }) },
              },
            },
          },
        },
      },
    },
    exited: {
      always: [
        { guard: 'stopRequested', target: 'stopped' },
        { guard: 'noRestartCleanExit', target: 'stopped' },
        { guard: 'noRestart', target: 'errored' },
        { guard: 'givenUp', target: 'errored' },
        { guard: 'restartAtOnce', target: 'running', actions: 'countRestart' },
        { target: 'crashloop', actions: 'emitBackOff' },
      ],
    },
    crashloop: {
      tags: 'crashloop',
      after: { backoff: { target: 'running', actions: 'countRestart' } },
      on: {
        STOP: { target: 'stopped' },
        RESTART: { target: 'running', actions: ['countRestart', 'resetCounters'] },
        START: { target: 'running', actions: ['countRestart', 'resetCounters'] },
      },
    },
    restarting: {
      tags: 'stopping',
      entry: 'emitRestartReason',
      on: { STOP: { actions: 'requestStop' }, RESTART: {} },
      invoke: {
        src: 'stopProcess',
        input: stopInput,
        onDone: [
          { guard: 'stopRequested', target: 'stopped', actions: ['emitKilledIfForced', 'clearProcess'] },
          { target: 'running', actions: ['emitKilledIfForced', 'clearProcess', 'countRestart'] },
        ],
        onError: { target: 'errored', actions: 'recordStopError' },
      },
    },
    stopping: {
      tags: 'stopping',
      on: { STOP: {}, RESTART: {} },
      invoke: {
        src: 'stopProcess',
        input: stopInput,
        onDone: { target: 'stopped', actions: ['emitKilledIfForced', 'clearProcess'] },
        onError: { target: 'errored', actions: 'recordStopError' },
      },
    },
    stopped: {
      tags: 'stopped',
      entry: ['clearProcess', assign({ stopRequested: false })],
      on: {
        START: { target: 'running', actions: 'resetCounters' },
        RESTART: { target: 'running', actions: 'resetCounters' },
      },
    },
    errored: {
      tags: 'errored',
      entry: 'emitErrored',
      on: {
        START: { target: 'running', actions: 'resetCounters' },
        RESTART: { target: 'running', actions: 'resetCounters' },
        STOP: {},
      },
    },
  },
});

export type InstanceMachine = typeof instanceMachine;
