/**
 * The events an instance machine emits (recorded as store events, as
 * `kubectl describe` shows them): the wording in one place, the machine keeps
 * to its transitions.
 */
import type { StopResult } from '../process/process-runner.js';
import { isGivenUp } from './backoff.js';
import type { InstanceContext, InstanceMachineEvent } from './instance-machine-types.js';
import type { InstanceEvent } from './types.js';

const instanceEvent = (level: InstanceEvent['level'], reason: InstanceEvent['reason'], message: string): InstanceEvent => ({ type: 'instance.event', level, reason, message });

const describeExit = (code: number | null, signal: string | null, error?: string) =>
  error ?? (signal ? `killed by ${signal}` : code === null ? 'exited (code unknown)' : `exited with code ${code}`);

export function spawnedEvent(context: InstanceContext, event: InstanceMachineEvent): InstanceEvent {
  return event.type === 'SPAWNED' && event.adopted
    ? instanceEvent('Normal', 'Adopted', `Adopted running process ${event.pid}`)
    : instanceEvent('Normal', 'Started', `Started process ${context.pid}`);
}

export function exitEvent(event: InstanceMachineEvent): InstanceEvent {
  if (event.type !== 'EXITED') return instanceEvent('Warning', 'Crashed', 'Process exited');
  return instanceEvent('Warning', event.spawnFailed ? 'SpawnFailed' : 'Crashed', event.error ?? `Process ${describeExit(event.code, event.signal)}`);
}

export function restartEvent(context: InstanceContext): InstanceEvent {
  return instanceEvent(context.restartReason === 'Restarting' ? 'Normal' : 'Warning', context.restartReason ?? 'Restarting', context.restartMessage ?? 'Restarting');
}

export const backOffEvent = (context: InstanceContext) => instanceEvent('Warning', 'BackOff', `Back-off ${context.backoffMs} ms restarting failed instance`);
export const readyEvent = (context: InstanceContext) => instanceEvent('Normal', 'Ready', `Process ${context.pid} is ready`);
export const stoppedEvent = () => instanceEvent('Normal', 'Stopped', 'Stopped');

export function erroredEvent(context: InstanceContext): InstanceEvent {
  const { spec } = context.config;
  return instanceEvent('Warning', 'Errored', isGivenUp(context, spec)
    ? `Gave up after ${context.unstableExits} exits in a row, each within ${spec.minUptimeMs} ms of starting (maxRestarts ${spec.maxRestarts})`
    : `Not restarted (restartPolicy ${spec.restartPolicy}): ${describeExit(context.lastExitCode, context.lastExitSignal, context.lastError ?? undefined)}`);
}

/** After a stop: Killed when the group ignored the stop signal and needed SIGKILL. */
export function stopResultEvent(context: InstanceContext, event: unknown): InstanceEvent {
  const { spec } = context.config;
  return (event as { output?: StopResult }).output?.forced === true
    ? instanceEvent('Warning', 'Killed', `Did not stop within ${spec.stopTimeoutMs} ms of ${spec.stopSignal}: sent SIGKILL to its process group`)
    : instanceEvent('Normal', 'Stopped', 'Process stopped');
}

export function memoryRestart(context: InstanceContext, event: InstanceMachineEvent): Pick<InstanceContext, 'restartReason' | 'restartMessage' | 'lastError'> {
  return {
    restartReason: 'MemoryLimit',
    restartMessage: `Memory ${event.type === 'SAMPLE' ? event.memory : '?'} bytes exceeds the limit of ${context.config.spec.maxMemoryBytes} bytes`,
    lastError: 'memory limit exceeded',
  };
}
