/**
 * The input flags apply and diff share (-f, -R, --prune -l, --dir) and how
 * they become an apply request, so both commands read manifests the same way.
 */
import type { CommandContext, ParsedArgs } from './command.js';
import type { ApplyOptions } from '../apply/apply-documents.js';
import { resolveManifestDir } from '../apply/manifest-dir.js';
import { parseSelector } from '../apply/label-selector.js';
import { UsageError } from '../errors.js';

export const applyInputOptions = {
  filename: { type: 'string', short: 'f' },
  recursive: { type: 'boolean', short: 'R' },
  prune: { type: 'boolean' },
  selector: { type: 'string', short: 'l' },
  dir: { type: 'string' },
  env: { type: 'string' },
} as const;

export async function applyRequestFrom(values: ParsedArgs['values'], ctx: CommandContext, verb: 'apply' | 'diff'): Promise<Omit<ApplyOptions, 'dryRun'>> {
  const target = values.filename as string | undefined;
  if (!target) throw new UsageError(`${verb} needs -f FILE, DIR or - (stdin)`);
  if (values.prune && !values.selector) throw new UsageError('--prune needs a label selector: --prune -l key=value');
  if (values.env !== undefined && !/^[A-Za-z0-9_-]+$/.test(values.env as string)) throw new UsageError(`--env takes the name of an env_NAME block (e.g. production), got "${String(values.env)}"`);
  return {
    target,
    recursive: Boolean(values.recursive),
    dir: await resolveManifestDir(ctx, values.dir as string | undefined),
    home: ctx.home,
    cwd: ctx.cwd,
    stdin: ctx.stdin,
    pruneSelector: values.prune ? parseSelector(values.selector as string) : undefined,
    envName: values.env as string | undefined,
  };
}
