/**
 * `berth sync`'s flags: which of its modes a command line asks for (a loop,
 * one sync, status, --now, --suspend, --resume), the source names it gives,
 * and the source settings --repo and its companions resolve to.
 */
import type { CommandContext } from '../command.js';
import type { Store } from '../../store/store.js';
import { parseFlags, type ParsedFlags } from '../parse-flags.js';
import { BerthError, UsageError } from '../../errors.js';
import { resolveSyncSettings } from '../../sync/sync-settings.js';

export const syncOptions = {
  repo: { type: 'string' },
  name: { type: 'string' },
  branch: { type: 'string' },
  path: { type: 'string' },
  dir: { type: 'string' },
  interval: { type: 'string' },
  'allow-empty': { type: 'boolean' },
  'no-self-heal': { type: 'boolean' },
  once: { type: 'boolean' },
  now: { type: 'boolean' },
  suspend: { type: 'string' },
  resume: { type: 'string' },
  output: { type: 'string', short: 'o' },
} as const;

export type SyncValues = ParsedFlags<typeof syncOptions>['values'];

export type SyncInvocation =
  | { mode: 'status'; names: string[]; output: string | undefined }
  | { mode: 'now'; names: string[] }
  | { mode: 'suspend' | 'resume'; name: string }
  | { mode: 'once' | 'loop'; values: SyncValues };

/**
 * Exactly one mode per command line; flags that belong to another mode are
 * refused rather than ignored.
 *
 * @example parseSyncArgs(['status', 'infra']) // { mode: 'status', names: ['infra'], output: undefined }
 */
export function parseSyncArgs(argv: string[]): SyncInvocation {
  const { values, positionals } = parseFlags('sync', argv, syncOptions);
  const isStatus = positionals[0] === 'status';
  const modes = [values.repo !== undefined, isStatus, values.now === true, values.suspend !== undefined, values.resume !== undefined].filter(Boolean).length;
  if (modes !== 1) throw new UsageError('give exactly one of --repo, status, --now, --suspend or --resume (see `berth sync --help`)');
  const names = isStatus ? positionals.slice(1) : positionals;
  if (names.length > 0 && !isStatus && !values.now) throw new UsageError(`unexpected argument "${names[0]}" (see \`berth sync --help\`)`);
  if (values.repo === undefined) {
    const loopOnly = (['name', 'branch', 'path', 'dir', 'interval', 'allow-empty', 'no-self-heal', 'once'] as const).find((k) => values[k] !== undefined);
    if (loopOnly) throw new UsageError(`--${loopOnly} goes with --repo`);
  }
  if (values.output !== undefined && !isStatus) throw new UsageError('-o goes with `berth sync status`');
  if (isStatus) return { mode: 'status', names, output: values.output };
  if (values.now) return { mode: 'now', names };
  if (values.suspend !== undefined) return { mode: 'suspend', name: values.suspend };
  if (values.resume !== undefined) return { mode: 'resume', name: values.resume };
  return { mode: values.once ? 'once' : 'loop', values };
}

/**
 * The source --repo and its companion flags describe, paths resolved against
 * the current folder. Without --dir: the folder the controller watches (as
 * apply writes there), else ./manifests.
 */
export function syncSettingsFrom(values: SyncValues, ctx: CommandContext, store: Pick<Store, 'meta'>) {
  return resolveSyncSettings(
    {
      repo: values.repo!,
      name: values.name,
      branch: values.branch,
      path: values.path,
      dir: values.dir ?? store.meta.get('manifest_dir'),
      interval: values.interval,
      selfHeal: !values['no-self-heal'],
      allowEmpty: values['allow-empty'] ?? false,
    },
    ctx.cwd,
  );
}

/** A NAME argument that names no source the store knows. */
export function sourceNotFound(name: string): BerthError {
  return new BerthError('SYNC_FAILED', `no sync source named "${name}" (see \`berth sync status\`)`);
}
