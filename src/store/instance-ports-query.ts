/**
 * Reads the ports the store holds for app instances, grouped per instance:
 * what `list` and `info` show and what an adopted process was started with.
 */
import type { Db } from './open-store.js';

export interface HeldPorts {
  port?: number;
  tcp: number[];
  udp: number[];
}

interface Row {
  owner: string;
  instance: number;
  protocol: 'tcp' | 'udp';
  port: number;
  role: 'port' | 'block';
}

// An app's shared port (spec.socket.shared) is one row with no instance: every instance of the app has it.
const SELECT_APP_PORTS = `SELECT a.owner, COALESCE(a.instance, i.idx) AS instance, a.protocol, a.port, a.role
  FROM port_allocations a LEFT JOIN instances i ON a.instance IS NULL AND i.app = a.owner
  WHERE a.owner_kind = 'app'`;

/** Keyed "app/index". One query for all apps (or one app). */
export function heldPortsByInstance(db: Db, app?: string): Map<string, HeldPorts> {
  const rows = (app === undefined
    ? db.prepare(`${SELECT_APP_PORTS} ORDER BY a.port`).all()
    : db.prepare(`${SELECT_APP_PORTS} AND a.owner = ? ORDER BY a.port`).all(app)) as Row[];
  const out = new Map<string, HeldPorts>();
  for (const row of rows) {
    const key = `${row.owner}/${row.instance}`;
    let held = out.get(key);
    if (!held) out.set(key, (held = { tcp: [], udp: [] }));
    if (row.role === 'port') held.port = row.port;
    else held[row.protocol].push(row.port);
  }
  return out;
}

/** Ports a PortClaim (or a manual owner) holds. */
export function heldPortsOfOwner(db: Db, owner: string, ownerKind: 'claim' | 'manual'): { tcp: number[]; udp: number[] } {
  const rows = db.prepare('SELECT protocol, port FROM port_allocations WHERE owner_kind = ? AND owner = ? ORDER BY port').all(ownerKind, owner) as { protocol: 'tcp' | 'udp'; port: number }[];
  return { tcp: rows.filter((r) => r.protocol === 'tcp').map((r) => r.port), udp: rows.filter((r) => r.protocol === 'udp').map((r) => r.port) };
}
