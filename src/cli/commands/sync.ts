/**
 * `berth sync`: GitOps. Runs a sync loop in the foreground (or one sync with
 * --once), shows sync status, and flags a source suspended, resumed or due
 * now for a loop that runs elsewhere (through the store and a trigger file).
 */
import { parseArgs } from 'node:util';
import type { Command, CommandContext } from '../command.js';
import { BerthError, UsageError } from '../../errors.js';
import { formatTable } from '../format/table.js';
import { openStore, type Store } from '../../store/store.js';
import { stateDbPath } from '../../store/open-store.js';
import { formatSyncResult } from '../../sync/format-sync.js';
import { readSyncStatus, type SyncStatus } from '../../sync/read-sync-status.js';
import { SyncError } from '../../sync/sync-error.js';
import { resolveSyncSettings, DEFAULT_SYNC_INTERVAL } from '../../sync/sync-settings.js';
import { startSyncLoop } from '../../sync/sync-loop.js';
import { syncSource } from '../../sync/sync-source.js';
import { requestSyncNow } from '../../sync/sync-trigger.js';

const options = {
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

type Values = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('. ')[0]!.replace(/\.$/, '')} (see \`berth sync --help\`)`);
  }
}

function sourceNotFound(name: string): BerthError {
  return new BerthError('SYNC_FAILED', `no sync source named "${name}" (see \`berth sync status\`)`);
}

function age(iso: string, now: number): string {
  const s = Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
  return s < 120 ? `${s}s` : s < 7200 ? `${Math.floor(s / 60)}m` : s < 172_800 ? `${Math.floor(s / 3600)}h` : `${Math.floor(s / 86_400)}d`;
}

/** @example formatSyncStatus(readSyncStatus(store)) // 'NAME   REPO        BRANCH ...\ninfra  /src/infra  main ...' */
export function formatSyncStatus(statuses: SyncStatus[], now = Date.now()): string {
  if (statuses.length === 0) return 'No sync sources. Start one with `berth sync --repo URL`.';
  const rows = statuses.map((s) => [
    s.name,
    s.repo,
    s.branch ?? '-',
    s.path || '.',
    s.lastFetched ? `${s.lastFetched.shortRev} (${age(s.lastFetched.at, now)})` : '-',
    s.lastApplied ? `${s.lastApplied.shortRev} "${s.lastApplied.subject}" (${age(s.lastApplied.at, now)})` : '-',
    s.conditions[0]!.status,
    s.suspended ? 'yes' : 'no',
  ]);
  const table = formatTable(['NAME', 'REPO', 'BRANCH', 'PATH', 'FETCHED', 'APPLIED', 'READY', 'SUSPENDED'], rows);
  const errors = statuses.filter((s) => s.lastError).map((s) => `  ${s.name}: ${s.lastError!.message}`);
  return errors.length > 0 ? `${table}\n\nErrors:\n${errors.join('\n')}` : table;
}

function showStatus(store: Store, names: string[], output: string | undefined, ctx: CommandContext): number {
  if (output !== undefined && output !== 'json') throw new UsageError(`-o: unsupported output "${output}" (expected json)`);
  let statuses = readSyncStatus(store);
  if (names.length > 0) {
    for (const name of names) if (!statuses.some((s) => s.name === name)) throw sourceNotFound(name);
    statuses = statuses.filter((s) => names.includes(s.name));
  }
  ctx.out(output === 'json' ? JSON.stringify(statuses, null, 2) : formatSyncStatus(statuses));
  return 0;
}

async function requestNow(store: Store, names: string[], ctx: CommandContext): Promise<number> {
  const known = store.sync.list().map((s) => s.name);
  if (known.length === 0) throw new BerthError('SYNC_FAILED', 'no sync sources yet; start one with `berth sync --repo URL`');
  for (const name of names) if (!known.includes(name)) throw sourceNotFound(name);
  for (const name of names.length > 0 ? names : known) {
    await requestSyncNow(ctx.home, name);
    ctx.out(`sync/${name} sync requested (a running \`berth sync\` loop starts it within a second)`);
  }
  return 0;
}

function setSuspended(store: Store, name: string, suspended: boolean, ctx: CommandContext): number {
  if (!store.sync.setSuspended(name, suspended)) throw sourceNotFound(name);
  ctx.out(`sync/${name} ${suspended ? 'suspended' : 'resumed'}`);
  return 0;
}

function printErrorDetails(err: unknown, ctx: CommandContext): void {
  if (err instanceof SyncError && err.details.length > 1) for (const detail of err.details) ctx.err(`  ${detail}`);
}

async function syncOnce(store: Store, values: Values, ctx: CommandContext): Promise<number> {
  const settings = settingsFrom(values, ctx);
  store.sync.upsertSource(settings);
  if (store.sync.get(settings.name)?.suspended) {
    ctx.out(`sync/${settings.name} is suspended; nothing done (\`berth sync --resume ${settings.name}\`)`);
    return 0;
  }
  try {
    const result = await syncSource({ store, home: ctx.home, name: settings.name });
    for (const line of formatSyncResult(result)) ctx.out(line);
    return 0;
  } catch (err) {
    printErrorDetails(err, ctx);
    throw err;
  }
}

/** Foreground loop until SIGINT/SIGTERM, printing what changes and each new error once. */
async function runLoop(store: Store, values: Values, ctx: CommandContext): Promise<number> {
  const settings = settingsFrom(values, ctx);
  let first = true;
  let lastRev: string | undefined;
  let lastError: string | undefined;
  const loop = startSyncLoop({
    store,
    home: ctx.home,
    source: settings,
    onResult: (result) => {
      const lines = formatSyncResult(result, { onlyChanges: !first });
      if (first || result.changed || result.rev !== lastRev || lastError !== undefined) for (const line of lines) ctx.out(line);
      first = false;
      lastRev = result.rev;
      lastError = undefined;
    },
    onError: (error) => {
      if (error.message === lastError) return;
      lastError = error.message;
      printErrorDetails(error, ctx);
      ctx.err(error.toCliLine());
    },
    onSuspendChange: (suspended) => ctx.out(`sync/${settings.name} ${suspended ? 'suspended; not syncing until resumed' : 'resumed'}`),
  });
  ctx.out(`syncing ${settings.repo} into ${settings.dir}/sync-${settings.name}/ every ${values.interval ?? DEFAULT_SYNC_INTERVAL} (Ctrl-C to stop; \`berth sync --now ${settings.name}\` to sync at once)`);
  await new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
  await loop.stop();
  return 0;
}

function settingsFrom(values: Values, ctx: CommandContext) {
  return resolveSyncSettings(
    {
      repo: values.repo!,
      name: values.name,
      branch: values.branch,
      path: values.path,
      dir: values.dir,
      interval: values.interval,
      selfHeal: !values['no-self-heal'],
      allowEmpty: values['allow-empty'] ?? false,
    },
    ctx.cwd,
  );
}

export const command: Command = {
  name: 'sync',
  summary: 'GitOps: keep the watched directory in step with a git repository',
  usage: [
    'berth sync --repo URL|PATH [--name N] [--branch B] [--path P] [--dir manifests] [--interval 30s] [--allow-empty] [--no-self-heal] [--once]',
    'berth sync status [NAME...] [-o json]',
    'berth sync --now [NAME...]',
    'berth sync --suspend NAME | --resume NAME',
  ].join('\n'),
  options,
  rawArgs: true,
  help: [
    'Fetches the repository with git into <home>/sync/<name>/, validates every manifest under --path at the',
    'branch\'s head (default: the remote\'s HEAD), and writes them into <dir>/sync-<name>/, mirroring the layout.',
    'A revision with any invalid manifest is not applied at all; the last good one keeps running. Files an earlier',
    'sync wrote that the repository no longer has are pruned; files it did not write are never touched.',
    '',
    '  --repo URL|PATH   anything `git fetch` takes (https, ssh, file://) or a local path',
    '  --name N          the source\'s name (default: the repository\'s base name)',
    '  --branch B        branch to follow (default: the remote\'s HEAD)',
    '  --path P          folder inside the repository (default: its root)',
    '  --dir DIR         the watched directory (default: ./manifests)',
    '  --interval D      time between syncs in the loop (default: 30s)',
    '  --allow-empty     allow a revision with no manifests (prunes everything synced before)',
    '  --no-self-heal    leave hand edits of synced files alone until the repository changes them',
    '  --once            sync once and exit (0 applied or nothing to do, 1 error)',
    '  --now [NAME...]   ask running loops to sync at once (they poll <home>/sync/<name>/trigger every second)',
    '  --suspend NAME    a running loop stops syncing NAME until --resume NAME',
    '',
    'Examples:',
    '  berth sync --repo https://git.example.com/ops/site.git --path hosts/web1 --interval 1m',
    '  berth sync --repo ../site --once',
    '  berth sync status',
    '  berth sync --now',
  ].join('\n'),
  async run({ argv }, ctx) {
    const { values, positionals } = parse(argv);
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

    const store = openStore(stateDbPath(ctx.home));
    try {
      if (isStatus) return showStatus(store, names, values.output, ctx);
      if (values.now) return await requestNow(store, names, ctx);
      if (values.suspend !== undefined) return setSuspended(store, values.suspend, true, ctx);
      if (values.resume !== undefined) return setSuspended(store, values.resume, false, ctx);
      return values.once ? await syncOnce(store, values, ctx) : await runLoop(store, values, ctx);
    } finally {
      store.close();
    }
  },
};
