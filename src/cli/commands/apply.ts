/** `berth apply -f FILE|DIR|-`: validate, check ports, write into the watched directory. */
import type { Command } from '../command.js';
import { applyDocuments } from '../../apply/apply-documents.js';
import { resolveManifestDir } from '../../apply/manifest-dir.js';
import { parseSelector, resourceRef } from '../../apply/plan-apply.js';
import { waitForApps } from '../../apply/wait-for-apps.js';
import { UsageError } from '../../errors.js';
import { parseDuration } from '../../manifest/duration.js';

export const command: Command = {
  name: 'apply',
  summary: 'Validate manifests (schema and port conflicts against the current state), then write them into the watched directory atomically. Accepts berth/v1 YAML and PM2/PMDaemon ecosystem configs.',
  usage: 'berth apply -f FILE|DIR|- [-R] [--dry-run] [--prune -l key=value] [--wait] [--timeout 60s] [--dir DIR]',
  options: {
    filename: { type: 'string', short: 'f' },
    recursive: { type: 'boolean', short: 'R' },
    'dry-run': { type: 'boolean' },
    prune: { type: 'boolean' },
    selector: { type: 'string', short: 'l' },
    wait: { type: 'boolean' },
    timeout: { type: 'string' },
    dir: { type: 'string' },
  },
  async run({ values }, ctx) {
    const target = values.filename as string | undefined;
    if (!target) throw new UsageError('apply needs -f FILE, DIR or - (stdin)');
    if (values.prune && !values.selector) throw new UsageError('--prune needs a label selector: --prune -l key=value');
    const dir = await resolveManifestDir(ctx, values.dir as string | undefined);
    const dryRun = Boolean(values['dry-run']);
    const { writes, warnings } = await applyDocuments({
      target,
      recursive: Boolean(values.recursive),
      dir,
      home: ctx.home,
      cwd: ctx.cwd,
      stdin: ctx.stdin,
      pruneSelector: values.prune ? parseSelector(values.selector as string) : undefined,
      dryRun,
    });
    for (const warning of warnings) ctx.err(`Warning: ${warning}`);
    for (const write of writes) ctx.out(`${resourceRef(write)} ${write.change}${dryRun ? ' (dry run)' : ''}`);
    if (values.wait && !dryRun) {
      const timeoutMs = values.timeout ? parseDuration(values.timeout as string) : 60_000;
      await waitForApps(ctx.home, writes.map((w) => ({ name: w.name, gone: w.change === 'pruned' })), timeoutMs);
    }
    return 0;
  },
};
