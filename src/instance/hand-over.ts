/**
 * Rolling replacement of one instance (reload, spec or port change). With
 * StartFirst the new process starts beside the old one and must be ready
 * before the old one stops: no gap. With StopFirst the old one stops first
 * (on the same ports two processes can only both listen with SO_REUSEPORT);
 * the app's other instances keep serving meanwhile.
 */
import { BerthError } from '../errors.js';
import type { InstanceHandle } from './instance-handle.js';
import type { InstanceConfig, InstanceEvent, StartOptions } from './types.js';

/** How long a hand-over waits for a replacement to become ready before giving up on it. */
export const REPLACEMENT_READY_TIMEOUT_MS = 60_000;

export interface ReplaceOptions {
  order: 'StartFirst' | 'StopFirst';
  readyTimeoutMs?: number;
}

/** The part of the Supervisor a hand-over drives. */
export interface HandOverHost {
  get(app: string, index: number): InstanceHandle | undefined;
  start(config: InstanceConfig, adopt?: undefined, options?: StartOptions): InstanceHandle;
  startReplacement(config: InstanceConfig, options?: StartOptions): InstanceHandle;
  recordEvent(app: string, index: number, level: InstanceEvent['level'], reason: string, message: string): void;
}

const ENDED = new Set(['stopped', 'errored']);

/**
 * @example await handOver(supervisor, nextConfig, { order: 'StartFirst' }); // old process stopped, new one online
 */
export async function handOver(host: HandOverHost, config: InstanceConfig, { order, readyTimeoutMs = REPLACEMENT_READY_TIMEOUT_MS }: ReplaceOptions): Promise<void> {
  const { app, index } = config;
  const current = host.get(app, index);
  const old = current && !ENDED.has(current.snapshot().status) ? current : undefined;
  const startFirst = old !== undefined && order === 'StartFirst';
  // PM2 counts a reload as a restart: the new process carries on the instance's count.
  const restarts = current ? current.snapshot().restarts + 1 : undefined;
  if (old && !startFirst) await old.stop();
  const next = startFirst ? host.startReplacement(config, { restarts }) : host.start(config, undefined, { restarts });
  try {
    await next.waitReady({ timeoutMs: readyTimeoutMs });
  } catch (err) {
    const message = `replacement for instance ${index} did not become ready: ${(err as Error).message}`;
    host.recordEvent(app, index, 'Warning', 'ReloadFailed', startFirst ? `${message}; the old process keeps running` : message);
    if (!startFirst) return;
    // Like a stalled rolling update: keep serving from the old process, retry later.
    await next.stop();
    throw new BerthError('INTERNAL', message);
  }
  // Stop the old process unless something else (a scale-down, a delete) already took the instance away.
  if (startFirst && host.get(app, index) === next) await old.stop();
  host.recordEvent(app, index, 'Normal', 'Replaced', `instance ${index} replaced${config.ports.port !== undefined ? ` (port ${config.ports.port})` : ''}`);
}
