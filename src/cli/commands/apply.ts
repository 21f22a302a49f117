/** `berth apply -f FILE|DIR|-`: validate, check ports, write into the watched directory. */
import type { Command } from '../command.js';
import { applyDocuments } from '../../apply/apply-documents.js';
import { resourceRef } from '../../apply/plan-apply.js';
import { waitForApps } from '../../apply/wait-for-apps.js';
import { parseDuration } from '../../manifest/duration.js';
import { applyInputOptions, applyRequestFrom } from '../apply-args.js';

export const command: Command = {
  name: 'apply',
  summary: 'Validate manifests (schema and port conflicts against the current state), then write them into the watched directory atomically. Accepts berth/v1 YAML and PM2/PMDaemon ecosystem configs.',
  usage: 'berth apply -f FILE|DIR|- [-R] [--dry-run] [--prune -l key=value] [--wait] [--timeout 60s] [--dir DIR]',
  options: { ...applyInputOptions, 'dry-run': { type: 'boolean' }, wait: { type: 'boolean' }, timeout: { type: 'string' } },
  async run({ values }, ctx) {
    const dryRun = Boolean(values['dry-run']);
    const { writes, warnings } = await applyDocuments({ ...(await applyRequestFrom(values, ctx, 'apply')), dryRun });
    for (const warning of warnings) ctx.err(`Warning: ${warning}`);
    for (const write of writes) ctx.out(`${resourceRef(write)} ${write.change}${dryRun ? ' (dry run)' : ''}`);
    if (values.wait && !dryRun) {
      const timeoutMs = values.timeout ? parseDuration(values.timeout as string) : 60_000;
      await waitForApps(ctx.home, writes.map((w) => ({ name: w.name, gone: w.change === 'pruned' })), timeoutMs);
    }
    return 0;
  },
};
