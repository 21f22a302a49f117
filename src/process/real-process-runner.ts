/**
 * The ProcessRunner that touches the real system: spawn-process.ts,
 * stop-instance-processes.ts and /proc.
 */
import type { ProcessRunner } from './process-runner.js';
import { spawnProcess } from './spawn-process.js';
import { stopInstanceProcesses } from './stop-instance-processes.js';
import { readStartTime } from './proc-stat.js';
import { inBursts } from './spawn-bursts.js';

/** @example const child = await realProcessRunner.spawn(request); */
export const realProcessRunner: ProcessRunner = {
  spawn: inBursts(spawnProcess),
  stop: stopInstanceProcesses,
  identify: readStartTime,
};
