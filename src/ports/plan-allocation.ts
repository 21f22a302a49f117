/**
 * Deciding, from an owner's current rows and what it asks for, which rows it
 * keeps, which it gives back and which ports it still needs. Pure: the
 * allocator feeds it rows read from the store and turns the needs into ports.
 * Stickiness lives here: a row that still satisfies the request is kept (and
 * never re-probed: the instance's own process may be bound to it).
 */
import type { PortDemand } from '../manifest/types.js';
import { checkPortSpecFits, parsePortSpec, type PortSpec } from './port-spec.js';
import { PROTOCOLS, type Allocation, type InstancePorts, type PortRange, type Protocol } from './types.js';

/** What an app asks for: its effective port spec (override ?? manifest), instance count and per-instance demand. */
export interface AppPortRequest {
  port?: string;
  instances: number;
  demand: PortDemand;
  /** spec.socket.shared: one port for the whole app (a row with no instance), which every instance gets. */
  shared?: boolean;
}

export type PortNeed =
  /** `instance` null: the app's shared port. */
  | { kind: 'fixed'; instance: number | null; port: number }
  /** `requested` is the app's instance count, for the exhaustion message. */
  | { kind: 'auto'; instance: number | null; range: PortRange; requested: number }
  | { kind: 'block'; instance: number | null; protocol: Protocol; size: number };

export interface AllocationPlan {
  keep: Allocation[];
  release: Allocation[];
  needs: PortNeed[];
}

/** Rows by instance index, so planning 1000 instances is linear, not quadratic. */
function byInstance(rows: Allocation[]): Map<number | null, Allocation[]> {
  const groups = new Map<number | null, Allocation[]>();
  for (const row of rows) {
    const group = groups.get(row.instance);
    if (group) group.push(row);
    else groups.set(row.instance, [row]);
  }
  return groups;
}

function isContiguous(ports: number[]): boolean {
  return ports.every((port, i) => i === 0 || port === ports[i - 1]! + 1);
}

function portSatisfies(spec: PortSpec, index: number, port: number): boolean {
  switch (spec.type) {
    case 'single': return port === spec.port;
    case 'range': return port === spec.start + index;
    case 'auto': return port >= spec.start && port <= spec.end;
  }
}

function planBlock(plan: AllocationPlan, rows: Allocation[], instance: number | null, protocol: Protocol, size: number): void {
  const block = rows.filter((r) => r.role === 'block' && r.protocol === protocol && r.instance === instance).sort((a, b) => a.port - b.port);
  if (block.length === size && isContiguous(block.map((r) => r.port))) {
    plan.keep.push(...block);
    return;
  }
  // Changed demand: deallocate then reallocate (NethServer semantics).
  plan.release.push(...block);
  if (size > 0) plan.needs.push({ kind: 'block', instance, protocol, size });
}

/**
 * @example planBlocks(rows, { tcp: 3 }) // udp rows untouched; tcp kept if already a block of 3
 */
export function planBlocks(rows: Allocation[], demand: Partial<PortDemand>): AllocationPlan {
  const plan: AllocationPlan = { keep: [], release: [], needs: [] };
  for (const protocol of PROTOCOLS) {
    const size = demand[protocol];
    if (size === undefined) plan.keep.push(...rows.filter((r) => r.protocol === protocol));
    else planBlock(plan, rows, null, protocol, size);
  }
  return plan;
}

/**
 * Validates the port spec against the instance count (SPEC's errors), then plans.
 *
 * @example planAppPorts([], { port: '3000-3003', instances: 2, demand: { tcp: 0, udp: 0 } }).needs
 *   → [{kind: 'fixed', instance: 0, port: 3000}, {kind: 'fixed', instance: 1, port: 3001}]
 */
export function planAppPorts(rows: Allocation[], request: AppPortRequest): AllocationPlan {
  const spec = request.port === undefined ? undefined : parsePortSpec(request.port);
  if (spec) checkPortSpecFits(spec, request.instances, { shared: request.shared });
  const plan: AllocationPlan = { keep: [], release: [], needs: [] };
  // The shared port lives as long as the app has instances (scale to 0 releases it).
  const shared = spec && request.shared && request.instances > 0 ? spec : undefined;
  const sharedRow = rows.find((r) => r.instance === null && r.role === 'port');
  const keepShared = shared && sharedRow && portSatisfies(shared, 0, sharedRow.port) ? sharedRow : undefined;
  if (keepShared) plan.keep.push(keepShared);
  else if (shared) plan.needs.push(portNeed(shared, null, 1));
  // Scale-down (and rows no instance owns): give them back.
  plan.release.push(...rows.filter((r) => r !== keepShared && (r.instance === null || r.instance >= request.instances)));
  const groups = byInstance(rows);
  for (let index = 0; index < request.instances; index++) {
    const mine = groups.get(index) ?? [];
    const portRows = mine.filter((r) => r.role === 'port');
    const only = portRows.length === 1 ? portRows[0]! : undefined;
    if (!shared && spec && only && portSatisfies(spec, index, only.port)) plan.keep.push(only);
    else {
      plan.release.push(...portRows);
      if (!shared && spec) plan.needs.push(portNeed(spec, index, request.instances));
    }
    for (const protocol of PROTOCOLS) planBlock(plan, mine, index, protocol, request.demand[protocol]);
  }
  return plan;
}

function portNeed(spec: PortSpec, instance: number | null, requested: number): PortNeed {
  if (spec.type === 'auto') return { kind: 'auto', instance, range: spec, requested };
  return { kind: 'fixed', instance, port: spec.type === 'single' ? spec.port : spec.start + (instance ?? 0) };
}

/**
 * An app's rows as one InstancePorts per instance index; a shared port
 * (no instance) is every instance's port.
 *
 * @example toInstancePorts(rows, 2) → [{port: 3000, tcp: [], udp: []}, {port: 3001, tcp: [], udp: []}]
 */
export function toInstancePorts(rows: Allocation[], instances: number): InstancePorts[] {
  const groups = byInstance(rows);
  const shared = groups.get(null)?.find((r) => r.role === 'port');
  return Array.from({ length: instances }, (_, index) => {
    const mine = groups.get(index) ?? [];
    const result: InstancePorts = { tcp: [], udp: [] };
    const port = mine.find((r) => r.role === 'port') ?? shared;
    if (port) result.port = port.port;
    for (const protocol of PROTOCOLS) {
      result[protocol] = mine.filter((r) => r.role === 'block' && r.protocol === protocol).map((r) => r.port).sort((a, b) => a - b);
    }
    return result;
  });
}
