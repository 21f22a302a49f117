/**
 * The controller's grip on one instance actor: read its snapshot, stop,
 * start, restart, wait until it is ready. Thin on purpose: the lifecycle
 * lives in instance-machine.ts.
 */
import type { Actor } from 'xstate';
import { BerthError } from '../errors.js';
import type { InstanceMachine } from './instance-machine.js';
import { INSTANCE_STATUSES } from '../store/instances-table.js';
import type { InstanceConfig, InstanceSnapshot, InstanceStatus } from './types.js';

type InstanceActor = Actor<InstanceMachine>;

/** Status of a machine snapshot: the one status tag its state carries. */
export function statusOf(snapshot: ReturnType<InstanceActor['getSnapshot']>): InstanceStatus {
  for (const status of INSTANCE_STATUSES) if (snapshot.hasTag(status)) return status;
  return 'pending';
}

/**
 * @example
 * const handle = supervisor.start(config);
 * await handle.waitReady({ timeoutMs: 30_000 });
 * handle.snapshot().status // 'online'
 */
export class InstanceHandle {
  /** "app/index" for the first generation, "app/index#gen" for a reload replacement. */
  readonly key: string;
  readonly app: string;
  readonly index: number;
  readonly generation: number;
  readonly config: InstanceConfig;
  readonly actor: InstanceActor;
  private detached = false;

  constructor({ key, generation, config, actor }: { key: string; generation: number; config: InstanceConfig; actor: InstanceActor }) {
    this.key = key;
    this.app = config.app;
    this.index = config.index;
    this.generation = generation;
    this.config = config;
    this.actor = actor;
  }

  snapshot(): InstanceSnapshot {
    const snap = this.actor.getSnapshot();
    const c = snap.context;
    const status = statusOf(snap);
    return {
      status,
      pid: c.pid,
      restarts: c.restarts,
      startedAt: c.startedAt,
      ready: status === 'online',
      cpu: c.cpu,
      memory: c.memory,
      lastExitCode: c.lastExitCode,
      lastExitSignal: c.lastExitSignal,
      lastError: c.lastError,
    };
  }

  /** (pid, start time) of the current process, for the store. */
  processIdentity(): { pid: number | null; startTime: string | null } {
    const c = this.actor.getSnapshot().context;
    return { pid: c.pid, startTime: c.startTime };
  }

  /** True once the actor was stopped (detachAll, or a superseded handle dropped). */
  get isDetached(): boolean {
    return this.detached || this.actor.getSnapshot().status !== 'active';
  }

  /** Stops the process (stop signal, then SIGKILL to its group). Resolves when it is gone. */
  stop(): Promise<void> {
    if (!this.isDetached) this.actor.send({ type: 'STOP' });
    return this.waitFor((s) => s === 'stopped' || s === 'errored').then(() => {});
  }

  /** Starts a stopped or errored instance again (no-op while running). */
  start(): void {
    this.actor.send({ type: 'START' });
  }

  /** Stop then start the process; counts as a restart. */
  restart(): void {
    this.actor.send({ type: 'RESTART' });
  }

  /**
   * Resolves when the instance is online (ready); rejects if it ends stopped
   * or errored first, or after timeoutMs.
   */
  async waitReady({ timeoutMs }: { timeoutMs?: number } = {}): Promise<void> {
    const status = await this.waitFor((s) => s === 'online' || s === 'stopped' || s === 'errored', timeoutMs);
    if (status !== 'online') {
      const detail = this.snapshot().lastError;
      throw new BerthError('SPAWN_FAILED', `Instance ${this.app}/${this.index} is ${status} and not ready${detail ? `: ${detail}` : ''}`);
    }
  }

  /** Calls fn with each new snapshot. Returns the unsubscribe. */
  subscribe(fn: (snapshot: InstanceSnapshot) => void): () => void {
    const sub = this.actor.subscribe({ next: () => fn(this.snapshot()), error: () => {} });
    return () => sub.unsubscribe();
  }

  /** Stops the actor only; the process keeps running (controller exit). */
  detach(): void {
    this.detached = true;
    this.actor.stop();
  }

  private waitFor(done: (status: InstanceStatus) => boolean, timeoutMs?: number): Promise<InstanceStatus> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const status = this.snapshot().status;
        if (done(status)) return finish(() => resolve(status));
        if (this.isDetached) return finish(() => resolve(status));
      };
      let timer: NodeJS.Timeout | undefined;
      const sub = this.actor.subscribe({ next: check, complete: check, error: check });
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        queueMicrotask(() => sub.unsubscribe());
        settle();
      };
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => finish(() => reject(new BerthError('SPAWN_FAILED', `Instance ${this.app}/${this.index} was not ready within ${timeoutMs} ms (status ${this.snapshot().status})`))), timeoutMs);
      }
      check();
    });
  }
}
