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
import type { ProbeSpec } from '../manifest/types.js';
import type { AdoptedProcess, InstanceConfig, InstanceEvent } from './types.js';
import { countExit, isGivenUp, restartDelay, shouldRestart } from './backoff.js';
import { defaultReadinessProbe, type ProbeResult } from './probes/run-probe.js';
import type { StopResult } from '../process/process-runner.js';

/** After this many fast default-readiness attempts (100 ms apart: 10 s), poll once a second. */
export const FAST_READINESS_ATTEMPTS = 100;
export const SLOW_READINESS_INTERVAL_MS = 1_000;

export interface InstanceMachineInput {
  config: InstanceConfig;
  adopt?: AdoptedProcess;
  /** Wall clock for uptime and startedAt; tests pass the SimulatedClock's now. */
  now?: () => number;
}

export interface RunProcessInput {
  config: InstanceConfig;
  adopt?: AdoptedProcess;
}

export interface StopProcessInput {
  /** null when there is nothing to stop (the stop resolves at once). */
  pid: number | null;
  signal: NodeJS.Signals;
  timeoutMs: number;
}

export interface ProbeInput {
  probe: ProbeSpec;
  config: InstanceConfig;
  pid: number | null;
  /** The implicit readiness check of an instance with a port and no readinessProbe. */
  isDefault?: boolean;
}

export type InstanceMachineEvent =
  | { type: 'START' }
  | { type: 'STOP' }
  | { type: 'RESTART' }
  | { type: 'SPAWNED'; pid: number; startTime: string | null; startedAt: number | null; adopted: boolean }
  | { type: 'EXITED'; code: number | null; signal: string | null; error?: string; spawnFailed?: boolean }
  | { type: 'SAMPLE'; cpu: number; memory: number };

interface Probing {
  spec: ProbeSpec;
  /** The synthesised TCP check of an instance with a port: polls fast, then slower. */
  isDefault: boolean;
  attempts: number;
  successes: number;
  failures: number;
}

export interface InstanceContext {
  config: InstanceConfig;
  adopt: AdoptedProcess | undefined;
  now: () => number;
  pid: number | null;
  startTime: string | null;
  startedAt: number | null;
  restarts: number;
  crashesInRow: number;
  unstableExits: number;
  backoffMs: number;
  lastExitCode: number | null;
  lastExitSignal: string | null;
  lastError: string | null;
  /** STOP arrived while spawning or restarting: stop as soon as there is a process, do not start again. */
  stopRequested: boolean;
  /** Why the current restart happens (event reason). */
  restartReason: InstanceEvent['reason'] | null;
  restartMessage: string | null;
  cpu?: number;
  memory?: number;
  readiness: Probing | null;
  liveness: Probing | null;
}

function newProbing(spec: ProbeSpec | undefined, isDefault = false): Probing | null {
  return spec ? { spec, isDefault, attempts: 0, successes: 0, failures: 0 } : null;
}

function readinessFor(config: InstanceConfig): Probing | null {
  if (config.spec.readinessProbe) return newProbing(config.spec.readinessProbe);
  return config.port === undefined ? null : newProbing(defaultReadinessProbe(config.port), true);
}

function probeDelay(p: Probing | null): number {
  if (!p) return 0;
  if (p.attempts === 0) return p.spec.initialDelayMs;
  if (p.isDefault && p.attempts >= FAST_READINESS_ATTEMPTS) return SLOW_READINESS_INTERVAL_MS;
  return p.spec.intervalMs;
}

function afterAttempt(p: Probing, result: ProbeResult): Probing {
  return result.ok
    ? { ...p, attempts: p.attempts + 1, successes: p.successes + 1, failures: 0 }
    : { ...p, attempts: p.attempts + 1, successes: 0, failures: p.failures + 1 };
}

const instanceEvent = (level: InstanceEvent['level'], reason: InstanceEvent['reason'], message: string): InstanceEvent => ({ type: 'instance.event', level, reason, message });

const describeExit = (code: number | null, signal: string | null, error?: string) =>
  error ?? (signal ? `killed by ${signal}` : code === null ? 'exited (code unknown)' : `exited with code ${code}`);

const notProvided = (name: string) => () => {
  throw new Error(`instance machine: actor '${name}' was not provided (use machine.provide or the Supervisor)`);
};

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
      return { pid: event.pid, startTime: event.startTime, startedAt: event.startedAt ?? context.now(), adopt: undefined, lastError: null, readiness: readinessFor(context.config), liveness: newProbing(context.config.spec.livenessProbe) };
    }),
    emitSpawned: emit(({ context, event }) =>
      event.type === 'SPAWNED' && event.adopted
        ? instanceEvent('Normal', 'Adopted', `Adopted running process ${event.pid}`)
        : instanceEvent('Normal', 'Started', `Started process ${context.pid}`),
    ),
    recordExit: assign(({ context, event }) => {
      if (event.type !== 'EXITED') return {};
      const uptime = context.startedAt === null ? 0 : context.now() - context.startedAt;
      const counts = countExit(context, uptime, context.config.spec);
      return {
        ...counts,
        backoffMs: restartDelay(counts.crashesInRow, context.config.spec),
        pid: null,
        startTime: null,
        adopt: undefined,
        lastExitCode: event.code,
        lastExitSignal: event.signal,
        lastError: event.error ?? null,
        cpu: undefined,
        memory: undefined,
      };
    }),
    emitExit: emit(({ event }) => {
      if (event.type !== 'EXITED') return instanceEvent('Warning', 'Crashed', 'Process exited');
      return instanceEvent('Warning', event.spawnFailed ? 'SpawnFailed' : 'Crashed', event.error ?? `Process ${describeExit(event.code, event.signal)}`);
    }),
    recordProcessError: assign(({ event }) => ({
      pid: null,
      startTime: null,
      lastExitCode: null,
      lastExitSignal: null,
      lastError: `process actor failed: ${(event as { error?: Error }).error?.message ?? 'unknown error'}`,
    })),
    recordSample: assign(({ event }) => (event.type === 'SAMPLE' ? { cpu: event.cpu, memory: event.memory } : {})),
    countRestart: assign(({ context }) => ({ restarts: context.restarts + 1 })),
    resetCounters: assign({ crashesInRow: 0, unstableExits: 0, stopRequested: false, restartReason: null, restartMessage: null }),
    requestStop: assign({ stopRequested: true }),
    clearProcess: assign({ pid: null, startTime: null, cpu: undefined, memory: undefined }),
    markManualRestart: assign({ restartReason: 'Restarting' as const, restartMessage: 'Restart requested' }),
    markMemoryRestart: assign(({ context, event }) => ({
      restartReason: 'MemoryLimit' as const,
      restartMessage: `Memory ${event.type === 'SAMPLE' ? event.memory : '?'} bytes exceeds the limit of ${context.config.spec.maxMemoryBytes} bytes`,
      lastError: 'memory limit exceeded',
    })),
    emitRestartReason: emit(({ context }) =>
      instanceEvent(context.restartReason === 'Restarting' ? 'Normal' : 'Warning', context.restartReason ?? 'Restarting', context.restartMessage ?? 'Restarting'),
    ),
    emitBackOff: emit(({ context }) => instanceEvent('Warning', 'BackOff', `Back-off ${context.backoffMs} ms restarting failed instance`)),
    emitReady: emit(({ context }) => instanceEvent('Normal', 'Ready', `Process ${context.pid} is ready`)),
    emitStopped: emit(() => instanceEvent('Normal', 'Stopped', 'Stopped')),
    emitErrored: emit(({ context }) =>
      instanceEvent('Warning', 'Errored', isGivenUp(context, context.config.spec)
        ? `Gave up after ${context.unstableExits} exits in a row, each within ${context.config.spec.minUptimeMs} ms of starting (maxRestarts ${context.config.spec.maxRestarts})`
        : `Not restarted (restartPolicy ${context.config.spec.restartPolicy}): ${describeExit(context.lastExitCode, context.lastExitSignal, context.lastError ?? undefined)}`),
    ),
    emitKilledIfForced: emit(({ context, event }) => {
      const forced = (event as { output?: StopResult }).output?.forced === true;
      return forced
        ? instanceEvent('Warning', 'Killed', `Did not stop within ${context.config.spec.stopTimeoutMs} ms of ${context.config.spec.stopSignal}: sent SIGKILL to its process group`)
        : instanceEvent('Normal', 'Stopped', 'Process stopped');
    }),
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
    startedAt: null,
    restarts: input.adopt?.restarts ?? 0,
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
        input: ({ context }) => ({ pid: context.pid, signal: context.config.spec.stopSignal, timeoutMs: context.config.spec.stopTimeoutMs }),
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
        input: ({ context }) => ({ pid: context.pid, signal: context.config.spec.stopSignal, timeoutMs: context.config.spec.stopTimeoutMs }),
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
