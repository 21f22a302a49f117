/**
 * The port allocator: turns what apps, PortClaims and manual owners ask for
 * into rows of the store's port_allocations table. It plans
 * (plan-allocation.ts) and bind-tests candidates outside any transaction
 * (probing is async and slow), then plans again inside one BEGIN IMMEDIATE
 * transaction against fresh rows and writes. Whatever another controller or
 * `berth ports allocate` took meanwhile is simply seen there and skipped; the
 * primary key on (protocol, port) is the last line of defence. Bind tests
 * run under a probe lock shared by every berth process of the home, so one
 * process's probe socket never reads as "in use" to another.
 */
import path from 'node:path';
import { BerthError } from '../errors.js';
import { ReusableFileLock, type FileLock } from '../util/file-lock.js';
import type { PortDemand } from '../manifest/types.js';
import type { Store } from '../store/store.js';
import type { NewAllocation } from '../store/port-allocations-table.js';
import { DEFAULT_PROBE_CONCURRENCY, firstFreeBlock, firstFreePorts, probeAll } from './find-free-ports.js';
import { NetPortProber } from './net-port-prober.js';
import { PortAssignedError, PortExhaustedError, PortInUseError } from './port-errors.js';
import { DEFAULT_PORT_POOL } from './port-pool.js';
import type { PortProber } from './port-prober.js';
import { PortSpecError } from './port-spec.js';
import { planAppPorts, planBlocks, toInstancePorts, type AllocationPlan, type AppPortRequest, type PortNeed } from './plan-allocation.js';
import type { Allocation, InstancePorts, OwnerKind, PortRange, Protocol } from './types.js';

export interface PortAllocatorOptions {
  store: Store;
  /** Default: real bind tests (NetPortProber). */
  prober?: PortProber;
  /** Where demand blocks, claims and manual allocations come from. Default 20000-32767. */
  pool?: PortRange;
  /** Bind tests in flight at once. */
  concurrency?: number;
  /** Primary-key conflicts tolerated before giving up (they should not happen under the write lock). */
  maxAttempts?: number;
  /**
   * Held while bind-testing, so berth processes (and concurrent allocations in
   * one) never take each other's probe sockets for a busy port. Default: a
   * kernel lock on `probes.lock` beside the store's file; none in memory.
   */
  probeLock?: () => Promise<FileLock | undefined>;
}

const key = (protocol: Protocol, port: number): string => `${protocol}/${port}`;

/** Bind-test results of one allocation call; only ever grows. */
type ProbeCache = Record<Protocol, Map<number, boolean>>;
interface ProbeRequest { protocol: Protocol; ports: number[] }

/**
 * @example
 * const allocator = new PortAllocator({ store, pool: { start: 20000, end: 32767 } });
 * const ports = await allocator.ensureAppPorts('web', { port: 'auto:5000-5100', instances: 4, demand: { tcp: 0, udp: 0 } });
 * ports[0].port // 5000 (if free)
 */
export class PortAllocator {
  readonly pool: PortRange;
  private readonly store: Store;
  private readonly prober: PortProber;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly probeLock: () => Promise<FileLock | undefined>;

  constructor({ store, prober = new NetPortProber(), pool = DEFAULT_PORT_POOL, concurrency = DEFAULT_PROBE_CONCURRENCY, maxAttempts = 20, probeLock }: PortAllocatorOptions) {
    this.store = store;
    this.probeLock = probeLock ?? probeLockBeside(store);
    this.prober = prober;
    this.pool = { ...pool };
    this.concurrency = concurrency;
    this.maxAttempts = maxAttempts;
  }

  /**
   * Makes the store hold ports for instances 0..instances-1 of `app` that
   * satisfy `request` and returns them by instance index. Sticky: rows that
   * still satisfy it are kept untouched; rows of instances >= instances and
   * rows that no longer fit (changed spec or demand) are released, and the
   * missing ones allocated, all in one transaction.
   * Throws PortSpecError, PortAssignedError, PortInUseError, PortExhaustedError.
   */
  async ensureAppPorts(app: string, request: AppPortRequest): Promise<InstancePorts[]> {
    const rows = await this.allocate('app', app, (mine) => planAppPorts(mine, request));
    return toInstancePorts(rows, request.instances);
  }

  /**
   * The conflicts an apply can see without probing or writing: a bad spec,
   * or a fixed port another owner holds. Throws like ensureAppPorts.
   */
  checkAppPorts(app: string, request: AppPortRequest): void {
    const mine = this.store.allocations.listOwner('app', app);
    const plan = planAppPorts(mine, request);
    const releasing = new Set(plan.release.map((r) => key(r.protocol, r.port)));
    for (const need of plan.needs) {
      if (need.kind !== 'fixed') continue;
      const row = this.store.allocations.get('tcp', need.port);
      if (row && !releasing.has(key(row.protocol, row.port))) throw new PortAssignedError(need.port, row.owner);
    }
  }

  /** Frees one instance's ports (scale-down). @example allocator.releaseInstance('web', 3) */
  releaseInstance(app: string, index: number): number {
    return this.store.transaction(() => this.store.allocations.deleteOwner('app', app, { instance: index }));
  }

  /** Frees all of an app's ports (manifest deleted). */
  releaseApp(app: string): number {
    return this.store.transaction(() => this.store.allocations.deleteOwner('app', app));
  }

  /**
   * Reserves a PortClaim's blocks from the pool (sticky, like apps).
   *
   * @example await allocator.ensureClaim('sip', { tcp: 2, udp: 10 }) → { tcp: [20000, 20001], udp: [20000, ..., 20009] }
   */
  async ensureClaim(name: string, demand: PortDemand): Promise<{ tcp: number[]; udp: number[] }> {
    const rows = await this.allocate('claim', name, (mine) => planBlocks(mine, demand));
    return { tcp: portsOf(rows, 'tcp'), udp: portsOf(rows, 'udp') };
  }

  releaseClaim(name: string): number {
    return this.store.transaction(() => this.store.allocations.deleteOwner('claim', name));
  }

  /**
   * NethServer ports_manager `allocate_ports`: a contiguous block of `count`
   * ports from the pool. Idempotent: the same owner, protocol and count
   * returns the block it already has; another count deallocates then reallocates.
   *
   * @example await allocator.allocateManual('module1', 3, 'tcp') → [20000, 20001, 20002]
   */
  async allocateManual(owner: string, count: number, protocol: Protocol): Promise<number[]> {
    if (!Number.isInteger(count) || count < 1) {
      throw new PortSpecError(`Invalid port count "${count}": expected a whole number of at least 1`);
    }
    const rows = await this.allocate('manual', owner, (mine) => planBlocks(mine, { [protocol]: count }));
    return portsOf(rows, protocol);
  }

  /** NethServer ports_manager `deallocate_ports`. Returns how many ports were freed (0 if none were held). */
  deallocateManual(owner: string, protocol: Protocol): number {
    return this.store.transaction(() => this.store.allocations.deleteOwner('manual', owner, { protocol }));
  }

  /** Every allocation, ordered by protocol then port. */
  list(): Allocation[] {
    return this.store.allocations.list();
  }

  /**
   * Plan and resolve from the rows as they are; write only inside BEGIN
   * IMMEDIATE, re-planning there against fresh rows with the bind tests done
   * so far (probing needs await, and the write lock must never wait on it).
   * A round that needs more ports tested leaves the transaction, tests them,
   * and comes back; the cache only grows, so this ends.
   */
  private async allocate(ownerKind: OwnerKind, owner: string, makePlan: (mine: Allocation[]) => AllocationPlan): Promise<Allocation[]> {
    const table = this.store.allocations;
    const cache: ProbeCache = { tcp: new Map(), udp: new Map() };
    const attempt = (write: boolean): { done: Allocation[] } | { probe: ProbeRequest } | { ready: true } => {
      // Only a change needs everyone's rows: a sticky owner (every resync, every claim of a 500-claim apply) reads its own.
      const mine = table.listOwner(ownerKind, owner);
      const plan = makePlan(mine);
      if (plan.needs.length === 0 && plan.release.length === 0) return { done: mine };
      const all = table.list();
      const resolution = this.resolve({ ownerKind, owner, all, mine, plan, cache });
      if ('probe' in resolution) return resolution;
      if (!write) return { ready: true };
      table.deleteRows(plan.release);
      table.insert(resolution.rows); // the primary key refuses a double holder, should anything slip by
      return { done: table.listOwner(ownerKind, owner) };
    };
    for (let conflicts = 0; ;) {
      const dry = attempt(false);
      if ('done' in dry) return dry.done;
      if ('probe' in dry) { await this.probe(dry.probe, cache); continue; }
      try {
        const wet = this.store.transaction(() => attempt(true));
        if ('done' in wet) return wet.done;
        if ('probe' in wet) await this.probe(wet.probe, cache);
      } catch (err) {
        const code = (err as { code?: unknown } | null)?.code;
        if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) throw err;
        if (++conflicts >= this.maxAttempts) {
          throw new BerthError('STORE', `Port allocations for '${owner}' kept conflicting; gave up after ${conflicts} attempts`, { cause: err });
        }
      }
    }
  }

  private async probe({ protocol, ports }: ProbeRequest, cache: ProbeCache): Promise<void> {
    const lock = await this.probeLock();
    try {
      const results = await probeAll(ports, (port) => this.prober.isFree(protocol, port), this.concurrency);
      ports.forEach((port, i) => cache[protocol].set(port, results[i]!));
    } finally {
      lock?.release();
    }
  }

  /**
   * Turns a plan's needs into concrete rows, synchronously, from the rows
   * and the bind tests known so far: store conflicts first, then the system.
   */
  private resolve({ ownerKind, owner, all, mine, plan, cache }: {
    ownerKind: OwnerKind; owner: string; all: Allocation[]; mine: Allocation[]; plan: AllocationPlan; cache: ProbeCache;
  }): { rows: NewAllocation[] } | { probe: ProbeRequest } {
    const releasing = new Set(plan.release.map((r) => key(r.protocol, r.port)));
    const held = new Map(all.filter((r) => !releasing.has(key(r.protocol, r.port))).map((r) => [key(r.protocol, r.port), r]));
    const chosen = new Set<string>();
    const taken = (protocol: Protocol) => (port: number): boolean => held.has(key(protocol, port)) || chosen.has(key(protocol, port));
    const known = (protocol: Protocol) => (port: number): boolean | undefined => cache[protocol].get(port);
    // Ports this owner held before may be bound by its own processes: that is not "another process".
    const ownTcp = new Set(mine.filter((r) => r.protocol === 'tcp').map((r) => r.port));
    const rows: NewAllocation[] = [];
    const take = (need: PortNeed, protocol: Protocol, port: number, role: 'port' | 'block'): void => {
      chosen.add(key(protocol, port));
      rows.push({ protocol, port, owner, ownerKind, instance: need.instance, role });
    };

    const fixed = plan.needs.filter((n) => n.kind === 'fixed');
    for (const need of fixed) {
      const row = held.get(key('tcp', need.port));
      if (row) throw new PortAssignedError(need.port, row.owner);
    }
    const untested = fixed.map((n) => n.port).filter((port) => !ownTcp.has(port) && cache.tcp.get(port) === undefined);
    if (untested.length > 0) return { probe: { protocol: 'tcp', ports: untested } };
    for (const need of fixed) {
      if (!ownTcp.has(need.port) && !cache.tcp.get(need.port)) throw new PortInUseError(need.port);
      take(need, 'tcp', need.port, 'port');
    }

    const autos = plan.needs.filter((n) => n.kind === 'auto');
    if (autos.length > 0) {
      const { range, requested } = autos[0]!;
      const result = firstFreePorts(range, autos.length, taken('tcp'), known('tcp'), this.concurrency);
      if ('probe' in result) return { probe: { protocol: 'tcp', ports: result.probe } };
      if ('exhausted' in result) throw PortExhaustedError.forRange(range, requested - autos.length + result.free, requested);
      autos.forEach((need, i) => take(need, 'tcp', result.found[i]!, 'port'));
    }

    for (const need of plan.needs) {
      if (need.kind !== 'block') continue;
      const result = firstFreeBlock(this.pool, need.size, taken(need.protocol), known(need.protocol), this.concurrency);
      if ('probe' in result) return { probe: { protocol: need.protocol, ports: result.probe } };
      if ('exhausted' in result) throw PortExhaustedError.forPool(this.pool, need.size, need.protocol);
      for (let port = result.found; port < result.found + need.size; port++) take(need, need.protocol, port, 'block');
    }
    return { rows };
  }
}

/** `<dir of state.db>/probes.lock`, kept open, waited for (probes take milliseconds); nothing for an in-memory store. */
function probeLockBeside(store: Store): () => Promise<FileLock | undefined> {
  const file = store.db.name;
  if (!file || file === ':memory:') return async () => undefined;
  const lock = new ReusableFileLock(path.join(path.dirname(file), 'probes.lock'));
  return () => lock.lock({ waitMs: 30_000 });
}

function portsOf(rows: Allocation[], protocol: Protocol): number[] {
  return rows.filter((r) => r.protocol === protocol).map((r) => r.port).sort((a, b) => a - b);
}
