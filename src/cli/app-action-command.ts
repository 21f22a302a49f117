/**
 * restart, reload, stop (and start NAME) share one shape: targets (names,
 * NAME/INDEX, all, -l key=value), maybe --port, ask the controller for each
 * in turn, print what it did. A failure on one target is reported and the
 * others still run, as kubectl does; the exit code is then 1.
 */
import type { Command, CommandContext } from './command.js';
import { ApiClient } from '../api/api-client.js';
import type { AppAction } from '../api/api-types.js';
import { UsageError, toBerthError } from '../errors.js';
import { resolveTargets, targetName } from './targets.js';
import { examplesHelp } from './format/examples.js';

const SUMMARIES: Record<AppAction, string> = {
  restart: 'Restart apps or single instances. --port sets a runtime port override (kept in the store, not in the manifest) until the manifest\'s spec changes.',
  reload: 'Rolling, graceful restart: one instance at a time; on new ports the new instance is ready before the old one stops. --port as for restart; a range sets the number of instances.',
  stop: 'Stop apps or single instances; they stay stopped (kept in the store) until `berth start`. Their ports stay reserved.',
  start: 'Start stopped apps or single instances.',
};

export const TARGETS_USAGE = 'NAME[/INDEX]... | all | -l key=value';

export const TARGETS_HELP = [
  'Targets: app names; NAME/INDEX for one instance (web/2, as PM2\'s ids); app/NAME as kubectl writes it;',
  '`all` for every app; -l key=value[,k2=v2] for the apps whose labels match.',
].join('\n');

/** Runs `action` on every target the words and selector name; returns the exit code. */
export async function runAppActions(ctx: CommandContext, action: AppAction, { words, selector, port }: { words: string[]; selector?: string; port?: string }): Promise<number> {
  const client = new ApiClient(ctx.home);
  const targets = await resolveTargets({ words, selector, verb: action }, async () => (await client.listApps()).apps);
  if (targets.length === 0) {
    ctx.err(`No apps ${selector === undefined ? 'to ' + action : `match -l ${selector}`}.`);
    return 0;
  }
  if (port !== undefined && targets.length > 1) throw new UsageError(`--port sets the ports of one app; ${targets.map(targetName).join(', ')} are ${targets.length}`);
  // One target: its error is the command's error, as before.
  if (targets.length === 1) {
    ctx.out((await client.act(targets[0]!.app, action, { port, instance: targets[0]!.instance })).message);
    return 0;
  }
  let failed = 0;
  for (const target of targets) {
    try {
      ctx.out((await client.act(target.app, action, { instance: target.instance })).message);
    } catch (err) {
      failed++;
      ctx.err(toBerthError(err).toCliLine());
    }
  }
  return failed > 0 ? 1 : 0;
}

const EXAMPLES: Record<AppAction, string[]> = {
  restart: ['berth restart web', 'berth restart web/2', 'berth restart web api', 'berth restart all', 'berth restart -l tier=web', 'berth restart web --port 4000-4003'],
  reload: ['berth reload web', 'berth reload all', 'berth reload api --port 4000-4003'],
  stop: ['berth stop web', 'berth stop web/1', 'berth stop all', 'berth stop -l tier=batch'],
  start: ['berth start web', 'berth start web/1', 'berth start all'],
};

export function appActionCommand(action: AppAction, { withPort }: { withPort: boolean }): Command {
  return {
    name: action,
    summary: SUMMARIES[action],
    usage: `berth ${action} ${TARGETS_USAGE}${withPort ? ' [--port SPEC]' : ''}`,
    options: { selector: { type: 'string', short: 'l' }, ...(withPort ? { port: { type: 'string', short: 'p' } } : {}) },
    help: [TARGETS_HELP, ...(withPort ? ['--port SPEC: 3000 | 3000-3003 | auto:5000-5100 (one app only)'] : []), '', examplesHelp(EXAMPLES[action])].join('\n'),
    async run({ values, positionals }, ctx) {
      return runAppActions(ctx, action, { words: positionals, selector: values.selector as string | undefined, port: values.port as string | undefined });
    },
  };
}
