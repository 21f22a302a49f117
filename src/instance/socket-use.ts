/**
 * What the socket registry needs to know about an app's instances: which
 * processes may hold its sockets (the recorded PIDs, which a new controller
 * knows before its adopted actors report them, and every supervised one),
 * and which socket ports its instances run on (a socket no instance uses is
 * closed).
 */
import type { Slot } from './instance-registry.js';

/** @example pidsOf([{ pid: 41 }, { pid: null }], slots) → [41, 57] */
export function pidsOf(rows: readonly { pid: number | null }[], slots: ReadonlyMap<number, Slot>): number[] {
  const pids = new Set<number>();
  for (const row of rows) if (row.pid !== null) pids.add(row.pid);
  for (const slot of slots.values()) {
    for (const handle of slot.handles) {
      const pid = handle.snapshot().pid;
      if (pid !== null) pids.add(pid);
    }
  }
  return [...pids];
}

/** The ports of every instance (and hand-over replacement) of the app that runs on a socket, stopped ones included. */
export function socketPortsOf(slots: ReadonlyMap<number, Slot>): Set<number> {
  const ports = new Set<number>();
  for (const slot of slots.values()) {
    for (const { config } of slot.handles) if (config.spec.socket && config.ports.port !== undefined) ports.add(config.ports.port);
  }
  return ports;
}
