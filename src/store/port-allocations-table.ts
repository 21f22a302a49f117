/**
 * The port_allocations table: who holds which (protocol, port). The primary
 * key (protocol, port) is the last line of defence: two berth processes
 * racing can never both hold a port, whatever the allocator above thinks.
 * Plain typed queries only; the allocation logic lives in src/ports/.
 */
import type { Db } from './open-store.js';
import type { InstancePorts } from '../ports/types.js';

export type Protocol = 'tcp' | 'udp';
export type OwnerKind = 'app' | 'claim' | 'manual';

/**
 * One row. `role: 'port'` is an instance's `port` (always TCP); `role:
 * 'block'` is part of a contiguous `ports: {tcp, udp}` demand block.
 */
export interface Allocation {
  protocol: Protocol;
  port: number;
  owner: string;
  ownerKind: OwnerKind;
  /** 0-based instance index for apps; null for claims and manual owners. */
  instance: number | null;
  role: 'port' | 'block';
  allocatedAt: number;
}

export type NewAllocation = Omit<Allocation, 'allocatedAt'>;

const SELECT = 'SELECT protocol, port, owner, owner_kind AS ownerKind, instance, role, allocated_at AS allocatedAt FROM port_allocations';

export class PortAllocationsTable {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  /** Every row, ordered by protocol then port. */
  list(): Allocation[] {
    return this.db.prepare(`${SELECT} ORDER BY protocol, port`).all() as Allocation[];
  }

  /** One owner's rows (all its instances), ordered by protocol then port. */
  listOwner(ownerKind: OwnerKind, owner: string): Allocation[] {
    return this.db.prepare(`${SELECT} WHERE owner_kind = ? AND owner = ? ORDER BY protocol, port`).all(ownerKind, owner) as Allocation[];
  }

  get(protocol: Protocol, port: number): Allocation | undefined {
    return this.db.prepare(`${SELECT} WHERE protocol = ? AND port = ?`).get(protocol, port) as Allocation | undefined;
  }

  /**
   * Inserts rows; a row whose (protocol, port) is taken throws better-sqlite3's
   * SqliteError with code SQLITE_CONSTRAINT_PRIMARYKEY. Call inside
   * store.transaction so a batch lands whole or not at all.
   */
  insert(rows: NewAllocation[]): void {
    const statement = this.db.prepare('INSERT INTO port_allocations (protocol, port, owner, owner_kind, instance, role, allocated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const now = this.now();
    for (const row of rows) statement.run(row.protocol, row.port, row.owner, row.ownerKind, row.instance, row.role, now);
  }

  /** Deletes exactly these (protocol, port) rows if the same owner still holds them. Returns how many went. */
  deleteRows(rows: Pick<Allocation, 'protocol' | 'port' | 'owner' | 'ownerKind'>[]): number {
    const statement = this.db.prepare('DELETE FROM port_allocations WHERE protocol = ? AND port = ? AND owner = ? AND owner_kind = ?');
    let count = 0;
    for (const row of rows) count += statement.run(row.protocol, row.port, row.owner, row.ownerKind).changes;
    return count;
  }

  /**
   * Deletes an owner's rows, optionally only one instance's or one protocol's.
   *
   * @example table.deleteOwner('app', 'web', { instance: 3 }) // scale-down of web/3
   */
  deleteOwner(ownerKind: OwnerKind, owner: string, filter: { instance?: number; protocol?: Protocol } = {}): number {
    let sql = 'DELETE FROM port_allocations WHERE owner_kind = ? AND owner = ?';
    const params: (string | number)[] = [ownerKind, owner];
    if (filter.instance !== undefined) { sql += ' AND instance = ?'; params.push(filter.instance); }
    if (filter.protocol !== undefined) { sql += ' AND protocol = ?'; params.push(filter.protocol); }
    return this.db.prepare(sql).run(...params).changes;
  }

  /**
   * The ports each app instance holds, keyed "app/index" (one query for all
   * apps, or one app): what `list` and `info` show and what an adopted
   * process was started with.
   */
  heldByInstance(app?: string): Map<string, InstancePorts> {
    // An app's shared port (spec.socket.shared) is one row with no instance: every instance of the app has it.
    // Two selects, not one LEFT JOIN ON a.instance IS NULL: SQLite would walk the app's instances for every
    // allocation row (0.4 ms at 100 instances, quadratic beyond).
    const owner = app === undefined ? '' : 'AND owner = ?';
    const select = `SELECT owner, instance, protocol, port, role FROM port_allocations WHERE owner_kind = 'app' AND instance IS NOT NULL ${owner}
      UNION ALL
      SELECT a.owner, i.idx, a.protocol, a.port, a.role FROM port_allocations a LEFT JOIN instances i ON i.app = a.owner
      WHERE a.owner_kind = 'app' AND a.instance IS NULL ${owner.replace('owner', 'a.owner')}
      ORDER BY port`;
    const rows = (app === undefined ? this.db.prepare(select).all() : this.db.prepare(select).all(app, app)) as Pick<Allocation, 'owner' | 'instance' | 'protocol' | 'port' | 'role'>[];
    const out = new Map<string, InstancePorts>();
    for (const row of rows) {
      const key = `${row.owner}/${row.instance}`;
      let held = out.get(key);
      if (!held) out.set(key, (held = { tcp: [], udp: [] }));
      if (row.role === 'port') held.port = row.port;
      else held[row.protocol].push(row.port);
    }
    return out;
  }

  /** The ports a PortClaim (or a manual owner) holds, per protocol, ascending. */
  heldByOwner(ownerKind: 'claim' | 'manual', owner: string): { tcp: number[]; udp: number[] } {
    const rows = this.db.prepare('SELECT protocol, port FROM port_allocations WHERE owner_kind = ? AND owner = ? ORDER BY port').all(ownerKind, owner) as Pick<Allocation, 'protocol' | 'port'>[];
    return { tcp: rows.filter((r) => r.protocol === 'tcp').map((r) => r.port), udp: rows.filter((r) => r.protocol === 'udp').map((r) => r.port) };
  }
}
