/**
 * The instance layer's public surface: what the controller imports.
 */
export { Supervisor, type SupervisorOptions, type InstanceStore } from './supervisor.js';
export { InstanceHandle } from './instance-handle.js';
export type { InstanceConfig, AdoptedProcess, InstanceSnapshot, InstanceStatus, InstanceEvent } from './types.js';
export { instanceMachine } from './instance-machine.js';
export { readLogTail, followLogs, listLogFiles, resolveLogPaths, type LogLine, type LogTarget } from '../process/log-files.js';
