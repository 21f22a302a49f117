/**
 * The system-level check behind an interface: can this port be bound right
 * now? The real adapter binds sockets (net-port-prober.ts); unit tests use
 * FakePortProber, so port math is tested without touching the network.
 */
import type { Protocol } from './types.js';

export interface PortProber {
  /** True when `port` can be bound for `protocol` on every address berth checks. */
  isFree(protocol: Protocol, port: number): Promise<boolean>;
}

/**
 * An in-memory prober: ports listed as busy fail the bind test, all others pass.
 * Records every probe so tests can assert what was (not) probed.
 *
 * @example const prober = new FakePortProber({ tcp: [3001] }); await prober.isFree('tcp', 3001) // false
 */
export class FakePortProber implements PortProber {
  readonly busy: Record<Protocol, Set<number>>;
  readonly probed: { protocol: Protocol; port: number }[] = [];

  constructor(busy: Partial<Record<Protocol, Iterable<number>>> = {}) {
    this.busy = { tcp: new Set(busy.tcp ?? []), udp: new Set(busy.udp ?? []) };
  }

  async isFree(protocol: Protocol, port: number): Promise<boolean> {
    this.probed.push({ protocol, port });
    return !this.busy[protocol].has(port);
  }
}
