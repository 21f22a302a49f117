/**
 * `berth list` (ls, get): one row per instance, SPEC.md's columns; a warning
 * under it for every invalid manifest; -o name for scripts; -w reprints rows
 * as they change (kubectl get -w).
 */
import type { Command, CommandContext } from '../command.js';
import { readListState } from '../read-state.js';
import { formatTable } from '../format/table.js';
import { renderData } from '../format/output-format.js';
import type { AppsOverview, InstanceView } from '../../api/api-types.js';
import { matchesSelector, parseSelector } from '../../apply/label-selector.js';
import { NotFoundError, UsageError } from '../../errors.js';
import { parseTarget } from '../targets.js';
import { LIST_HEADERS, instanceName, listRow, watchKey } from '../list-rows.js';
import { examplesHelp } from '../format/examples.js';

type ListFormat = 'table' | 'wide' | 'json' | 'yaml' | 'name';

function parseListFormat(value: unknown): ListFormat {
  if (value === undefined) return 'table';
  if (value === 'wide' || value === 'json' || value === 'yaml' || value === 'name') return value;
  throw new UsageError(`--output must be json, yaml, wide or name, got "${String(value)}"`);
}

/** The rows the words (NAME, NAME/INDEX) and selector pick; an unknown app is an error. */
function select(instances: InstanceView[], overview: AppsOverview, words: string[], selector: string | undefined): InstanceView[] {
  let rows = instances;
  if (selector !== undefined) {
    const wanted = parseSelector(selector);
    const names = new Set(overview.apps.filter((a) => matchesSelector(a.labels, wanted)).map((a) => a.name));
    rows = rows.filter((r) => names.has(r.app));
  }
  if (words.length === 0) return rows;
  const known = new Set(overview.apps.map((a) => a.name));
  const targets = words.map(parseTarget);
  for (const { app } of targets) if (!known.has(app)) throw new NotFoundError(`app "${app}"`);
  return rows.filter((r) => targets.some((t) => t.app === r.app && (t.instance === undefined || t.instance === r.instance)));
}

/** One line per app whose pending instances wait (dependsOn): `Note: web is waiting for app "db" to be Ready (0/1 ready)`. */
function waitNotes(rows: InstanceView[]): string[] {
  const byApp = new Map(rows.filter((r) => r.reason !== undefined && r.message !== undefined).map((r) => [r.app, r.message!]));
  return [...byApp].map(([app, message]) => `Note: ${app} is ${message}`);
}

async function render(rows: InstanceView[], format: ListFormat, ctx: CommandContext, { header, status }: { header: boolean; status?: string }): Promise<string | undefined> {
  if (format === 'name') return rows.map(instanceName).join('\n') || undefined;
  if (format === 'json' || format === 'yaml') {
    if (header) return renderData(rows, format);
    // -w: one object per line (json) or document (yaml), as kubectl get -w -o json streams them
    return format === 'json' ? rows.map((r) => JSON.stringify(status ? { ...r, status } : r)).join('\n') : (await Promise.all(rows.map(async (r) => `---\n${await renderData(status ? { ...r, status } : r, 'yaml')}`))).join('\n');
  }
  const headers = format === 'wide' ? [...LIST_HEADERS, 'Spec'] : LIST_HEADERS;
  const table = formatTable(headers, rows.map((v) => listRow(v, { wide: format === 'wide', color: ctx.color, status })));
  return header ? table : table.split('\n').slice(1).join('\n') || undefined;
}

async function watch(ctx: CommandContext, format: ListFormat, pick: () => Promise<InstanceView[]>, first: InstanceView[]): Promise<number> {
  let last = new Map(first.map((r) => [instanceName(r), r]));
  let stopped = false;
  const stop = () => (stopped = true);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  while (!stopped) {
    await new Promise((r) => setTimeout(r, 1000));
    if (stopped) break;
    const rows = await pick();
    const next = new Map(rows.map((r) => [instanceName(r), r]));
    const changed = rows.filter((r) => last.get(instanceName(r)) === undefined || watchKey(last.get(instanceName(r))!) !== watchKey(r));
    const gone = [...last.values()].filter((r) => !next.has(instanceName(r)));
    for (const [list, status] of [[changed, undefined], [gone, 'deleted']] as const) {
      const text = list.length ? await render(list, format, ctx, { header: false, status }) : undefined;
      if (text) ctx.out(text);
    }
    last = next;
  }
  return 0;
}

export const command: Command = {
  name: 'list',
  aliases: ['ls', 'get'],
  summary: 'List every instance: status, PID, port, CPU, memory, uptime, restarts. Invalid manifests are warned about under the table, and apps waiting for a dependency noted.',
  usage: 'berth list [NAME[/INDEX]...] [-l key=value] [-o json|yaml|wide|name] [-w]',
  help: [
    '-o name prints NAME/INDEX per instance, which every action takes: berth list -o name -l tier=web | xargs berth restart',
    '-w keeps watching: after the table, a row is printed again whenever its status, PID, port or restarts change (`deleted` when it goes).',
    '',
    examplesHelp(['berth list', 'berth ls web', 'berth get -l tier=web -o wide', 'berth list -o json', 'berth list -w']),
  ].join('\n'),
  options: { output: { type: 'string', short: 'o' }, selector: { type: 'string', short: 'l' }, watch: { type: 'boolean', short: 'w' } },
  async run({ values, positionals }, ctx) {
    const format = parseListFormat(values.output);
    const { instances, overview, warnings } = await readListState(ctx);
    const rows = select(instances, overview, positionals, values.selector as string | undefined);
    const text = await render(rows, format, ctx, { header: true });
    if (rows.length === 0 && (format === 'table' || format === 'wide')) {
      ctx.out(positionals.length || values.selector !== undefined ? 'No instances.' : 'No apps. Drop a manifest in the watched directory or run `berth apply -f FILE`.');
    } else if (text !== undefined) ctx.out(text);
    if (format === 'table' || format === 'wide') for (const note of waitNotes(rows)) ctx.err(note);
    for (const message of overview.manifestErrors) ctx.err(`Warning: invalid manifest: ${message}`);
    for (const warning of warnings) ctx.err(`Warning: ${warning}`);
    if (!values.watch) return 0;
    const pick = async () => {
      const state = await readListState({ ...ctx, err: () => {} });
      // an app deleted while watched: its rows go (printed as deleted), no error
      const known = positionals.filter((w) => state.overview.apps.some((a) => a.name === parseTarget(w).app));
      if (positionals.length > 0 && known.length === 0) return [];
      return select(state.instances, state.overview, known, values.selector as string | undefined);
    };
    return watch(ctx, format, pick, rows);
  },
};
