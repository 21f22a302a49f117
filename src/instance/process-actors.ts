/**
 * The real implementations of the instance machine's actors, bound to a
 * ProcessRunner and the shared Sweeper. runProcess spawns (or adopts) and
 * then only watches: disposing it never kills the process, so detaching the
 * controller leaves apps running. Stopping is stopProcess's job.
 */
import { fromCallback, fromPromise, type EventObject } from 'xstate';
import type { ProcessRunner, StopResult } from '../process/process-runner.js';
import type { Sweeper } from '../process/sweep.js';
import { runProbe, type ProbeResult } from './probes/run-probe.js';
import { isGroupListening } from '../process/listening-sockets.js';
import type { InstanceMachineEvent, ProbeInput, RunProcessInput, StopProcessInput } from './instance-machine-types.js';
import { primaryPort } from '../ports/types.js';
import { findAcceptor } from '../socket/accept-readiness.js';
import type { InstanceConfig } from './types.js';
import type { SpawnRecords } from './spawn-records.js';
import type { InstanceLogs, LogFiles } from './log-files.js';
import { childEnv } from './child-env.js';
import { logPathsOf, spawnInstance, type SocketSource } from './spawn-instance.js';
import { InFlight } from '../util/in-flight.js';

/** How long a spawned child that the sweep saw vanish may take to deliver its 'exit' (with the code). */
const EXIT_EVENT_GRACE_MS = 100;

export interface ProcessActorDeps {
  runner: ProcessRunner;
  sweeper: Sweeper;
  /** Records each spawn's marker before the spawn, and drops it once the process and its leftovers are gone. */
  spawns: SpawnRecords;
  /** The log files berth owns, opened for each spawn and held for rotation while the process runs. */
  logs: LogFiles;
  now?: () => number;
  /** spec.socket apps: the socket a spawn inherits, and its inode for accept readiness (socket-registry.ts). */
  sockets?: SocketSource;
  /** A store write or clean-up that failed outside the machine's view. */
  onError?: (err: unknown) => void;
  /** Spawns under way, each until it has forked and been handed over, or given up and cleaned up. */
  spawning?: InFlight;
}

/**
 * Every sample as an actor event made a new snapshot per instance per tick,
 * and the subscribers' work with it: an idle app's numbers barely move, so
 * only a visible change (0.5 point of CPU, 1 % of RSS) or a sample over the
 * memory limit becomes an event.
 */
export function worthReporting(config: InstanceConfig, last: { cpu: number; memory: number } | undefined, next: { cpu: number; memory: number }): boolean {
  if (!last) return true;
  const limit = config.spec.maxMemoryBytes;
  if (limit !== undefined && next.memory > limit) return true;
  return Math.abs(next.cpu - last.cpu) >= 0.5 || Math.abs(next.memory - last.memory) >= last.memory * 0.01;
}

/**
 * @example instanceMachine.provide({ actors: createProcessActors({ runner: realProcessRunner, sweeper, spawns, logs }) })
 */
export function createProcessActors({ runner, sweeper, spawns, logs, now = Date.now, onError = () => {}, sockets, spawning = new InFlight() }: ProcessActorDeps) {
  /** The marker's record goes once nothing of its process is left. */
  const endSpawn = (marker: string | null | undefined) => {
    if (!marker) return;
    try {
      spawns.ended(marker);
    } catch (err) {
      onError(err);
    }
  };

  const runProcess = fromCallback<EventObject, RunProcessInput>(({ input, sendBack }) => {
    const send = (event: InstanceMachineEvent) => sendBack(event);
    const { config, adopt } = input;
    let disposed = false;
    let finished = false;
    let unwatch: (() => void) | undefined;
    let unlisten: (() => void) | undefined;
    let graceTimer: NodeJS.Timeout | undefined;
    let lastSample: { cpu: number; memory: number } | undefined;

    let running: { pid: number; startTime: string | null; marker: string | null } | undefined;
    let files: InstanceLogs | undefined;
    const cancel = new AbortController();

    const finish = (exit: { code: number | null; signal: string | null; error?: string; spawnFailed?: boolean }) => {
      if (finished || disposed) return;
      finished = true;
      clearTimeout(graceTimer);
      unwatch?.();
      unlisten?.();
      if (!running) {
        files?.release();
        return send({ type: 'EXITED', ...exit });
      }
      // KillMode=control-group: what the main process left behind (its group, and descendants that left
      // it but carry its marker) is stopped before the exit is reported, so a restart never meets it.
      const { pid, startTime, marker } = running;
      runner
        .stop({ pid, startTime, marker, signal: config.spec.stopSignal, timeoutMs: config.spec.stopTimeoutMs })
        .catch((err: unknown) => onError(err))
        .then(() => {
          endSpawn(marker);
          files?.release();
          if (!disposed) send({ type: 'EXITED', ...exit });
        });
    };
    const watch = (pid: number, startTime: string | null, spawned: boolean) => {
      unwatch = sweeper.watch({
        pid,
        startTime,
        // A child's end comes as 'exit': without a memory limit it is read only when someone asks for samples.
        onDemand: spawned && config.spec.maxMemoryBytes === undefined,
        onSample: ({ cpu, memory }) => {
          if (finished || disposed || !worthReporting(config, lastSample, { cpu, memory })) return;
          lastSample = { cpu, memory };
          send({ type: 'SAMPLE', cpu, memory });
        },
        // A child of ours also reports 'exit' with its code: give it a moment to win.
        onGone: () => {
          if (spawned) graceTimer = setTimeout(() => finish({ code: null, signal: null }), EXIT_EVENT_GRACE_MS);
          else finish({ code: null, signal: null });
        },
      });
    };

    if (adopt) {
      const current = runner.identify(adopt.pid);
      queueMicrotask(() => {
        if (disposed) return;
        if (current !== undefined && current === adopt.startTime) {
          running = { pid: adopt.pid, startTime: current, marker: adopt.marker ?? null };
          // Held for rotation only: the process already writes to its files.
          logs.acquire(logPathsOf(config), config.spec.logs).then((held) => (disposed || finished ? held.release() : (files = held)), onError);
          send({ type: 'SPAWNED', pid: adopt.pid, startTime: current, startedAt: adopt.startedAt, adopted: true, marker: adopt.marker ?? null });
          watch(adopt.pid, current, false);
        } else {
          const why = current === undefined ? 'is gone' : `now belongs to another process (start time ${current}, recorded ${adopt.startTime})`;
          finish({ code: null, signal: null, error: `Recorded process ${adopt.pid} ${why}; not adopted` });
        }
      });
    } else {
      void spawning.track(spawnInstance(config, { runner, spawns, logs, onError, sockets, signal: cancel.signal }).then(
        (spawned) => {
          const { child, marker } = spawned;
          if (disposed) {
            // Nobody will ever know about this process (the actor went away mid-spawn): do not leak it.
            return runner
              .stop({ pid: child.pid, startTime: child.startTime, marker, signal: config.spec.stopSignal, timeoutMs: config.spec.stopTimeoutMs })
              .then(() => endSpawn(marker), onError)
              .finally(() => spawned.logs.release());
          }
          files = spawned.logs;
          running = { pid: child.pid, startTime: child.startTime, marker };
          send({ type: 'SPAWNED', pid: child.pid, startTime: child.startTime, startedAt: now(), adopted: false, marker });
          unlisten = child.onExit((exit) => finish(exit));
          if (!finished) watch(child.pid, child.startTime, true);
        },
        (err: unknown) => finish({ code: null, signal: null, error: (err as Error).message ?? String(err), spawnFailed: true }),
      ));
    }
    return () => {
      disposed = true;
      cancel.abort();
      // The process keeps its own descriptors; berth stops checking the files' sizes.
      files?.release();
      clearTimeout(graceTimer);
      unwatch?.();
      unlisten?.();
    };
  });

  const stopProcess = fromPromise<StopResult, StopProcessInput>(async ({ input, signal }) => {
    if (input.pid === null) return { forced: false };
    const result = await runner.stop({ pid: input.pid, startTime: input.startTime, marker: input.marker, signal: input.signal, timeoutMs: input.timeoutMs, abortSignal: signal });
    if (!signal.aborted) endSpawn(input.marker);
    return result;
  });

  const probe = fromPromise<ProbeResult, ProbeInput>(async ({ input, signal }) => {
    // Default readiness asks whether this instance's own processes listen on its port: a connect
    // test would also succeed against the process it replaces on a shared port (reload hand-over).
    const port = primaryPort(input.config.ports);
    // On a socket every instance holds (and a sibling answers on), ready means its own processes accept on it.
    const inode = input.isDefault ? sockets?.inodeOf(input.config) : undefined;
    if (inode !== undefined && input.pid !== null) return findAcceptor(input.pid, inode) ? { ok: true } : { ok: false, message: `not accepting on its socket (port ${port}) yet` };
    if (input.isDefault && input.pid !== null && port !== undefined) {
      const listening = isGroupListening(input.pid, port);
      if (listening !== undefined) return listening ? { ok: true } : { ok: false, message: `not listening on port ${port} yet` };
    }
    return runProbe(input.probe, { port, cwd: input.config.spec.cwd, env: childEnv(input.config) }, signal);
  });

  return { runProcess, stopProcess, probe };
}
