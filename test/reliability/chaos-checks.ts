/**
 * Invariants a crash must never break, checked from the outside: no two live
 * processes for one (app, instance); no port held twice (in the store, and by
 * two live listeners); store pids are the live processes; the SQLite file
 * passes `PRAGMA integrity_check`. Shared by the short reliability test and
 * `npm run chaos` (bench/chaos.mjs imports the compiled module).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';

export interface MarkedProcess {
  pid: number;
  app: string;
  instance: string;
  port: string | undefined;
}

/** Live (non-zombie) processes whose environment holds `name=value`: berth's apps of one run. */
export function markedProcesses(name: string, value: string): MarkedProcess[] {
  const needle = Buffer.from(`\0${name}=${value}\0`);
  const out: MarkedProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let raw: Buffer;
    let stat: string;
    try {
      raw = Buffer.concat([Buffer.from([0]), readFileSync(`/proc/${entry}/environ`), Buffer.from([0])]);
      if (raw.indexOf(needle) === -1) continue;
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile, or not ours to read
    }
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
    const env = new Map<string, string>();
    for (const pair of raw.toString('utf8').split('\0')) {
      const eq = pair.indexOf('=');
      if (eq > 0) env.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    out.push({ pid: Number(entry), app: env.get('BERTH_APP_NAME') ?? '?', instance: env.get('BERTH_INSTANCE_ID') ?? '?', port: env.get('PORT') });
  }
  return out;
}

/** TCP ports in LISTEN state, with how many sockets listen on each (IPv4 and IPv6 tables). */
export function listeningSockets(): Map<number, number> {
  const counts = new Map<number, number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4 || cols[3] !== '0A') continue;
      const port = parseInt(cols[1]!.split(':').at(-1)!, 16);
      counts.set(port, (counts.get(port) ?? 0) + 1);
    }
  }
  return counts;
}

export interface StoreReport {
  integrity: string;
  portsHeldTwice: { protocol: string; port: number; n: number }[];
  rows: { app: string; idx: number; pid: number | null; status: string }[];
}

export function inspectStore(file: string): StoreReport {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5_000 });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const portsHeldTwice = db.prepare('SELECT protocol, port, count(*) AS n FROM port_allocations GROUP BY protocol, port HAVING count(*) > 1').all() as StoreReport['portsHeldTwice'];
    const rows = db.prepare('SELECT app, idx, pid, status FROM instances ORDER BY app, idx').all() as StoreReport['rows'];
    return { integrity, portsHeldTwice, rows };
  } finally {
    db.close();
  }
}

/**
 * Every broken invariant, as sentences (empty when all hold).
 * `desired`: app → instance count the manifests ask for now (after convergence).
 */
export function checkInvariants({ processes, store, desired }: { processes: MarkedProcess[]; store: StoreReport; desired?: Map<string, number> }): string[] {
  const problems: string[] = [];
  const byInstance = new Map<string, MarkedProcess[]>();
  for (const p of processes) {
    const key = `${p.app}/${p.instance}`;
    byInstance.set(key, [...(byInstance.get(key) ?? []), p]);
  }
  // a process group is one instance: a shell's children carry the same env, so count group leaders only
  for (const [key, list] of byInstance) {
    const leaders = list.filter((p) => isGroupLeader(p.pid));
    if (leaders.length > 1) problems.push(`duplicate: ${leaders.length} live processes for ${key} (pids ${leaders.map((p) => p.pid).join(', ')})`);
  }
  const byPort = new Map<string, string[]>();
  for (const p of processes) if (p.port && isGroupLeader(p.pid)) byPort.set(p.port, [...(byPort.get(p.port) ?? []), `${p.app}/${p.instance}`]);
  for (const [port, owners] of byPort) if (owners.length > 1) problems.push(`port ${port} given to ${owners.length} live processes (${owners.join(', ')})`);
  const listeners = listeningSockets();
  for (const port of byPort.keys()) {
    // one dual-stack socket shows in tcp6 only; two entries would mean two listeners
    if ((listeners.get(Number(port)) ?? 0) > 1) problems.push(`port ${port}: ${listeners.get(Number(port))} listening sockets`);
  }
  if (store.integrity !== 'ok') problems.push(`PRAGMA integrity_check: ${store.integrity}`);
  for (const row of store.portsHeldTwice) problems.push(`store holds ${row.protocol} port ${row.port} ${row.n} times`);
  if (desired) {
    const live = new Set(processes.filter((p) => isGroupLeader(p.pid)).map((p) => p.pid));
    for (const row of store.rows) {
      if (row.pid !== null && !live.has(row.pid)) problems.push(`store says ${row.app}/${row.idx} runs as pid ${row.pid}, which is not a live process of this run`);
    }
    const recorded = new Set(store.rows.map((r) => r.pid));
    for (const p of processes) if (isGroupLeader(p.pid) && !recorded.has(p.pid)) problems.push(`orphan: pid ${p.pid} (${p.app}/${p.instance}) runs but the store does not know it`);
    for (const [app, want] of desired) {
      const have = store.rows.filter((r) => r.app === app && r.status === 'online').length;
      if (have !== want) problems.push(`${app}: ${have} online instances, manifest asks for ${want}`);
    }
    for (const row of store.rows) if (!desired.has(row.app)) problems.push(`${row.app}/${row.idx} still in the store after its manifest was deleted`);
  }
  return problems;
}

function isGroupLeader(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[2]) === pid; // pgrp
  } catch {
    return false;
  }
}
