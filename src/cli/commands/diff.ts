/** `berth diff -f FILE`: what apply would change. Exit 0 none, 1 some, 2 error. */
import type { Command } from '../command.js';
import { planAndCheck } from '../../apply/apply-documents.js';
import { resolveManifestDir } from '../../apply/manifest-dir.js';
import { parseSelector, resourceRef } from '../../apply/plan-apply.js';
import { BerthError, UsageError, toBerthError } from '../../errors.js';

export const command: Command = {
  name: 'diff',
  summary: 'Show what `berth apply` would change, field by field. Exit code 0: no change, 1: changes, 2: error.',
  usage: 'berth diff -f FILE|DIR|- [-R] [--prune -l key=value] [--dir DIR]',
  options: {
    filename: { type: 'string', short: 'f' },
    recursive: { type: 'boolean', short: 'R' },
    prune: { type: 'boolean' },
    selector: { type: 'string', short: 'l' },
    dir: { type: 'string' },
  },
  async run({ values }, ctx) {
    try {
      const target = values.filename as string | undefined;
      if (!target) throw new UsageError('diff needs -f FILE, DIR or - (stdin)');
      const dir = await resolveManifestDir(ctx, values.dir as string | undefined);
      const { writes, warnings } = await planAndCheck({
        target,
        recursive: Boolean(values.recursive),
        dir,
        home: ctx.home,
        cwd: ctx.cwd,
        stdin: ctx.stdin,
        pruneSelector: values.prune ? parseSelector(values.selector as string) : undefined,
      });
      for (const warning of warnings) ctx.err(`Warning: ${warning}`);
      let changes = 0;
      for (const write of writes) {
        if (write.change === 'unchanged') continue;
        changes++;
        ctx.out(`${resourceRef(write)} ${write.change === 'created' ? 'would be created' : write.change === 'pruned' ? 'would be pruned' : 'would be configured'}`);
        if (write.change === 'configured') for (const line of write.differences) ctx.out(`  ${line}`);
      }
      if (changes === 0) ctx.out('no changes');
      return changes === 0 ? 0 : 1;
    } catch (err) {
      // kubectl diff: >1 means the diff itself failed
      throw new BerthError(toBerthError(err).code, toBerthError(err).message, { exitCode: 2, cause: err });
    }
  },
};
