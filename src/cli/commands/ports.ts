/**
 * `berth ports`: every port allocation, plus NethServer ports_manager's
 * `allocate` / `deallocate` for things berth does not run. Works on the
 * store directly, so it needs no running controller; SQLite (BEGIN
 * IMMEDIATE plus the primary key) keeps it safe beside one.
 */
import { UsageError } from '../../errors.js';
import { openCliStore } from '../open-cli-store.js';
import { DEFAULT_PORT_POOL, parsePortPool } from '../../ports/port-pool.js';
import { formatPortRun } from '../../ports/port-text.js';
import { PortAllocator } from '../../ports/port-allocator.js';
import type { Allocation, Protocol } from '../../ports/types.js';
import { formatTable } from '../format/table.js';
import type { Command, CommandContext } from '../command.js';
import { parseFlags } from '../parse-flags.js';

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  'port-pool': { type: 'string' },
} as const;

const OWNER = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,252}$/;

/** Consecutive rows of one owner, instance, protocol and role, shown as one line. */
export interface AllocationGroup {
  protocol: Protocol;
  ports: number[];
  owner: string;
  kind: Allocation['ownerKind'];
  instance: number | null;
  role: Allocation['role'];
}

/** @example groupAllocations(rows) → [{protocol: 'tcp', ports: [20000, 20001], owner: 'sip', kind: 'claim', instance: null, role: 'block'}] */
export function groupAllocations(rows: Allocation[]): AllocationGroup[] {
  const groups: AllocationGroup[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.protocol === row.protocol && last.owner === row.owner && last.kind === row.ownerKind
      && last.instance === row.instance && last.role === row.role && last.ports.at(-1) === row.port - 1) {
      last.ports.push(row.port);
    } else {
      groups.push({ protocol: row.protocol, ports: [row.port], owner: row.owner, kind: row.ownerKind, instance: row.instance, role: row.role });
    }
  }
  return groups;
}

function parseProtocol(text: string | undefined): Protocol {
  if (text !== 'tcp' && text !== 'udp') throw new UsageError(`protocol must be tcp or udp, got "${text ?? ''}"`);
  return text;
}

function parseOwner(text: string | undefined): string {
  if (text === undefined || !OWNER.test(text)) {
    throw new UsageError(`invalid owner "${text ?? ''}": letters, digits, '.', '_', ':' and '-', starting with a letter or digit`);
  }
  return text;
}

function parseCount(text: string | undefined): number {
  if (text === undefined || !/^[0-9]+$/.test(text) || Number(text) < 1) {
    throw new UsageError(`port count must be a whole number of at least 1, got "${text ?? ''}"`);
  }
  return Number(text);
}

function expectArity(positionals: string[], count: number, usage: string): void {
  if (positionals.length !== count) throw new UsageError(`usage: ${usage}`);
}

async function run(argv: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseFlags('ports', argv, OPTIONS);
  const [sub, ...rest] = positionals;
  if (values.output !== undefined && values.output !== 'json') throw new UsageError(`-o must be json, got "${values.output}"`);
  const store = await openCliStore(ctx.home);
  try {
    // Without --port-pool, use the pool the controller was started with (recorded in meta).
    const recordedPool = store.meta.get('port_pool');
    const pool = values['port-pool'] !== undefined ? parsePortPool(values['port-pool']) : recordedPool ? parsePortPool(recordedPool) : DEFAULT_PORT_POOL;
    const allocator = new PortAllocator({ store, pool });
    if (sub === undefined) {
      const groups = groupAllocations(allocator.list());
      if (values.output === 'json') ctx.out(JSON.stringify(groups, null, 2));
      else if (groups.length === 0) ctx.out('No port allocations.');
      else {
        const rows = groups.map((g) => [g.protocol.toUpperCase(), formatPortRun(g.ports), g.owner, g.kind, g.instance === null ? '-' : String(g.instance)]);
        ctx.out(formatTable(['PROTOCOL', 'PORTS', 'OWNER', 'KIND', 'INSTANCE'], rows));
      }
      return 0;
    }
    if (sub === 'allocate') {
      expectArity(rest, 3, 'berth ports allocate N OWNER tcp|udp');
      const count = parseCount(rest[0]);
      const ports = await allocator.allocateManual(parseOwner(rest[1]), count, parseProtocol(rest[2]));
      ctx.out(values.output === 'json' ? JSON.stringify(ports) : formatPortRun(ports));
      return 0;
    }
    if (sub === 'deallocate') {
      expectArity(rest, 2, 'berth ports deallocate OWNER tcp|udp');
      const owner = parseOwner(rest[0]);
      const protocol = parseProtocol(rest[1]);
      const freed = allocator.deallocateManual(owner, protocol);
      ctx.out(freed === 0 ? `no ${protocol} ports allocated to ${owner}` : `${owner}: ${freed} ${protocol} port${freed === 1 ? '' : 's'} deallocated`);
      return 0;
    }
    throw new UsageError(`unknown subcommand "${sub}"; expected allocate or deallocate`);
  } finally {
    store.close();
  }
}

export const command: Command = {
  name: 'ports',
  summary: 'Show port allocations; allocate or deallocate ports for something berth does not run',
  usage: [
    'berth ports [-o json]',
    'berth ports allocate N OWNER tcp|udp [--port-pool A-B]',
    'berth ports deallocate OWNER tcp|udp',
  ].join('\n'),
  options: OPTIONS,
  rawArgs: true,
  help: [
    'allocate reserves a contiguous block of N ports from the pool (default: the pool of the controller last started here, else 20000-32767) and prints it;',
    'the same OWNER, protocol and N again returns the same block, another N moves it.',
    'These work without a running controller.',
    '',
    'Examples:',
    '  berth ports',
    '  berth ports allocate 2 mail tcp',
    '  berth ports deallocate mail tcp',
  ].join('\n'),
  run: ({ argv }, ctx) => run(argv, ctx),
};
