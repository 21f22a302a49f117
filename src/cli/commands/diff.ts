/** `berth diff -f FILE`: what apply would change. Exit 0 none, 1 some, 2 error. */
import type { Command } from '../command.js';
import { planAndCheck } from '../../apply/apply-documents.js';
import { resourceRef } from '../../apply/plan-apply.js';
import { BerthError, toBerthError } from '../../errors.js';
import { applyInputOptions, applyRequestFrom } from '../apply-args.js';
import { examplesHelp } from '../format/examples.js';

const VERB = { created: 'would be created', configured: 'would be configured', pruned: 'would be pruned' } as const;

export const command: Command = {
  name: 'diff',
  summary: 'Show what `berth apply` would change, field by field. Exit code 0: no change, 1: changes, 2: error.',
  usage: 'berth diff -f FILE|DIR|- [-R] [--env NAME] [--prune -l key=value] [--dir DIR]',
  options: { ...applyInputOptions },
  help: examplesHelp(['berth diff -f web.yaml', 'berth diff -f ecosystem.config.js --env production', 'berth diff -f site/ -R --prune -l team=web']),
  async run({ values }, ctx) {
    try {
      const { writes, warnings } = await planAndCheck(await applyRequestFrom(values, ctx, 'diff'));
      for (const warning of warnings) ctx.err(`Warning: ${warning}`);
      const changed = writes.filter((w) => w.change !== 'unchanged');
      for (const write of changed) {
        ctx.out(`${resourceRef(write)} ${VERB[write.change as keyof typeof VERB]}`);
        if (write.change === 'configured') for (const line of write.differences) ctx.out(`  ${line}`);
      }
      if (changed.length === 0) ctx.out('no changes');
      return changed.length === 0 ? 0 : 1;
    } catch (err) {
      // kubectl diff: >1 means the diff itself failed
      const error = toBerthError(err);
      throw new BerthError(error.code, error.message, { exitCode: 2, cause: err });
    }
  },
};
