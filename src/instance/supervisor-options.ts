/** The Supervisor's options: the store it writes, the home its markers name, and the side effects tests replace. */
import type { AnyActorLogic } from 'xstate';
import type { ProcessRunner } from '../process/process-runner.js';
import type { Sweeper } from '../process/sweep.js';
import type { InstanceStore } from './instance-rows.js';
import type { SpawnStore } from './spawn-records.js';
import type { LogFileStore } from './log-ownership.js';
import type { ListenSocketsStore, SocketRegistryOptions } from './socket-registry.js';

/** XState's scheduler clock (not exported by name from 'xstate'). */
export interface Clock {
  setTimeout(fn: (...args: unknown[]) => void, timeout: number): unknown;
  clearTimeout(id: unknown): void;
  now?(): number;
}

export interface SupervisorOptions {
  store: InstanceStore & SpawnStore & LogFileStore & { listenSockets: ListenSocketsStore };
  /** The berth home: every spawn's marker names it. */
  home: string;
  runner?: ProcessRunner;
  /** Period of the batched liveness/usage sweep. */
  sweepIntervalMs?: number;
  sweeper?: Sweeper;
  /** XState clock for the actors' timers (tests: SimulatedClock). */
  clock?: Clock;
  now?: () => number;
  /** Replaces some of the machine's actors (tests). */
  actors?: Partial<Record<'runProcess' | 'stopProcess' | 'probe', AnyActorLogic>>;
  /** How listening sockets are opened and taken back (tests: a take that fails). */
  sockets?: Pick<SocketRegistryOptions, 'open' | 'take'>;
  /** Anything that went wrong outside an instance's own lifecycle (actor error, store write, sweep). Never thrown. */
  onError?: (err: unknown, where: { key?: string }) => void;
  /** How soon a failed row write is tried again (default 1 s). */
  retryWritesMs?: number;
}
