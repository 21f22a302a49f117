/**
 * What the controller will do with a shared socket, driven by hand: N
 * instances of one command on a socket the caller owns, and the hand-over
 * of one instance in either order — StartFirst (the new one accepts before
 * the old one is told to stop) or StopFirst (the old one is gone before the
 * new one starts; clients queue meanwhile). Readiness is src/socket's
 * "its own processes accept on the socket". Used by the zero-loss tests and
 * by bench/ (from dist/).
 */
import type { ChildProcess } from 'node:child_process';
import { findAcceptor, spawnWithSocket, type ListeningSocket } from '../../src/socket/index.js';

export type HandOverOrder = 'StartFirst' | 'StopFirst';

export interface SwapperCommand {
  script: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // gone
  }
}

export class SocketSwapper {
  readonly instances: ChildProcess[] = [];
  /** Every PID ever started, in order. */
  readonly generations: number[] = [];

  constructor(
    private readonly socket: ListeningSocket,
    private readonly command: SwapperCommand,
    private readonly options: { readyTimeoutMs?: number; stopTimeoutMs?: number } = {},
  ) {}

  /** Starts `count` instances, each ready before the next. */
  async start(count: number): Promise<void> {
    for (let i = 0; i < count; i++) this.instances.push(await this.spawnReady());
  }

  /** Replaces instance `index` in `order`; resolves when the new one accepts and the old one exited. */
  async swap(index: number, order: HandOverOrder): Promise<void> {
    const old = this.instances[index]!;
    if (order === 'StopFirst') await this.stop(old);
    const next = await this.spawnReady();
    this.instances[index] = next;
    if (order === 'StartFirst') await this.stop(old);
  }

  /** SIGKILL to every instance's group (test clean-up). */
  killAll(): void {
    for (const child of this.instances) killGroup(child.pid, 'SIGKILL');
  }

  private async spawnReady(): Promise<ChildProcess> {
    const child = await spawnWithSocket({ ...this.command, socket: this.socket, stderr: 'inherit' });
    this.generations.push(child.pid!);
    const deadline = Date.now() + (this.options.readyTimeoutMs ?? 30_000);
    while (!findAcceptor(child.pid!, this.socket.inode)) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`instance ${child.pid} exited before it accepted (${child.exitCode ?? child.signalCode})`);
      if (Date.now() > deadline) throw new Error(`instance ${child.pid} did not accept on the socket in time`);
      await sleep(10);
    }
    return child;
  }

  /** stopSignal (SIGTERM) to the group, SIGKILL after the stop timeout, as berth stops an instance. */
  private async stop(child: ChildProcess): Promise<void> {
    killGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), this.options.stopTimeoutMs ?? 10_000);
    await exitOf(child);
    clearTimeout(timer);
  }
}
