/**
 * The instance layer's public surface: what the controller imports.
 */
export { Supervisor, type SupervisorOptions, type InstanceStore } from './supervisor.js';
export { InstanceHandle } from './instance-handle.js';
export type { InstanceConfig, AdoptedProcess, InstanceSnapshot, InstanceStatus, InstanceEvent } from './types.js';
export { instanceMachine } from './instance-machine.js';
export { listLogFiles, resolveLogPaths, type LogTarget } from '../process/log-paths.js';
export { readLogTail, followLogs, type LogLine } from '../process/read-logs.js';
