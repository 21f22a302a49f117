/**
 * restart, reload and stop share one shape: NAME, maybe --port, ask the
 * controller, print what it did.
 */
import type { Command } from './command.js';
import { ApiClient } from '../api/api-client.js';
import type { AppAction } from '../api/api-types.js';
import { UsageError } from '../errors.js';

const SUMMARIES: Record<AppAction, string> = {
  restart: 'Restart every instance of an app. --port sets a runtime port override (kept in the store, not in the manifest) until the manifest\'s spec changes.',
  reload: 'Rolling, graceful restart: one instance at a time; on new ports the new instance is ready before the old one stops. --port as for restart; a range sets the number of instances.',
  stop: 'Stop an app\'s instances; it stays stopped (kept in the store) until `berth start NAME`. Its ports stay reserved.',
  start: 'Start a stopped app.',
};

export function appActionCommand(action: AppAction, { withPort }: { withPort: boolean }): Command {
  return {
    name: action,
    summary: SUMMARIES[action],
    usage: `berth ${action} NAME${withPort ? ' [--port SPEC]' : ''}`,
    options: withPort ? { port: { type: 'string', short: 'p' } } : {},
    help: withPort ? 'SPEC: 3000 | 3000-3003 | auto:5000-5100' : undefined,
    async run({ values, positionals }, ctx) {
      const [name, ...extra] = positionals;
      if (!name || extra.length) throw new UsageError(`${action} needs exactly one app name: berth ${action} NAME`);
      const { message } = await new ApiClient(ctx.home).act(name, action, { port: values.port as string | undefined });
      ctx.out(message);
      return 0;
    },
  };
}
