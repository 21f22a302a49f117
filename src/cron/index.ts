/** `cronRestart`: parse and evaluate cron expressions, and call back at each tick. */
export { CronSyntaxError, nextCronTick, normaliseCronText, parseCronExpression, type CronExpression, type CronOptions } from './cron-expression.js';
export { MAX_TIMER_MS, realCronTimers, scheduleCron, type CronSchedule, type CronTimers, type ScheduleCronOptions } from './cron-scheduler.js';
