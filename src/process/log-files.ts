/**
 * Per-instance log files, one module per concept: where they are
 * (log-paths.ts), size rotation (rotate-log.ts) and reading them back
 * (read-logs.ts). This index serves the instance layer's re-exports.
 */
export { resolveLogPaths, listLogFiles, type LogPaths, type LogTarget } from './log-paths.js';
export { rotateLogIfNeeded } from './rotate-log.js';
export { readLogTail, tailFile, followLogs, type LogLine, type FollowOptions } from './read-logs.js';
