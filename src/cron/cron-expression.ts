/**
 * Cron expressions for `cronRestart`: 5 fields (minute hour day-of-month
 * month day-of-week) or 6 (seconds first), or a nickname such as @daily, in
 * the host's time zone.
 *
 * The arithmetic is croner's (a maintained, dependency-free library, and the
 * one PM2 uses for its own cron_restart): what "next 03:00" means across a
 * DST change, the last day of a month or a leap year is easy to get subtly
 * wrong by hand and croner has it tested. berth keeps to the grammar users
 * know from crontab (no year field) and does its own scheduling
 * (cron-scheduler.ts), so time stays injectable in tests.
 */
import { Cron } from 'croner';

/** A cron expression that is not one berth accepts; `reason` is the sentence after the expression. */
export class CronSyntaxError extends Error {
  constructor(
    readonly expression: string,
    readonly reason: string,
  ) {
    super(`invalid cron expression ${JSON.stringify(expression)}: ${reason}`);
    this.name = 'CronSyntaxError';
  }
}

const FIELDS_HINT = 'expected 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), e.g. "0 3 * * *"';
const NICKNAMES = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

export interface CronExpression {
  /** The expression with its whitespace normalised, as the spec stores it. */
  readonly text: string;
  /** The pattern croner evaluates. */
  readonly pattern: Cron;
}

export interface CronOptions {
  /** An IANA zone such as "Europe/Berlin"; default the host's (TZ, else /etc/localtime), as the SPEC asks. */
  timeZone?: string;
}

/** @example normaliseCronText(' 0  3 * * *\t') === '0 3 * * *' */
export function normaliseCronText(expression: string): string {
  return expression.trim().split(/\s+/).join(' ');
}

/**
 * @example parseCronExpression(' 0  3 * * * ').text === '0 3 * * *'
 * @throws CronSyntaxError for a wrong field count, a bad field, or a date that never comes ("0 0 30 2 *")
 */
export function parseCronExpression(expression: string, { timeZone }: CronOptions = {}): CronExpression {
  const text = normaliseCronText(expression);
  const fields = text === '' ? 0 : text.split(' ').length;
  const nickname = fields === 1 && text.startsWith('@');
  if (nickname && !NICKNAMES.has(text.toLowerCase())) {
    throw new CronSyntaxError(expression, `unknown nickname; use one of ${[...NICKNAMES].join(', ')}`);
  }
  if (!nickname && fields !== 5 && fields !== 6) throw new CronSyntaxError(expression, `has ${fields} field${fields === 1 ? '' : 's'}; ${FIELDS_HINT}`);
  let pattern: Cron;
  try {
    // No callback: croner only evaluates, it starts no timer of its own.
    pattern = new Cron(text, { mode: '5-or-6-parts', ...(timeZone === undefined ? {} : { timezone: timeZone }) });
  } catch (err) {
    const reason = (err as Error).message.replace(/^CronPattern:\s*/, '');
    throw new CronSyntaxError(expression, `${reason.charAt(0).toLowerCase()}${reason.slice(1)}`);
  }
  if (pattern.nextRun() === null) throw new CronSyntaxError(expression, 'never fires (no date matches it)');
  return { text, pattern };
}

/**
 * The first tick strictly after `from` (ms since the epoch), in the host's
 * time zone; undefined when there is none.
 *
 * @example nextCronTick(parseCronExpression('*\/5 * * * * *'), Date.parse('2026-03-10T12:00:00.300Z')) === Date.parse('2026-03-10T12:00:05Z')
 */
export function nextCronTick(expression: CronExpression, from: number): number | undefined {
  return expression.pattern.nextRun(new Date(from))?.getTime();
}
