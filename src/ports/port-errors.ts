/**
 * The errors a port allocation can end in, with SPEC.md's exact messages and
 * stable codes, so the CLI, the API and status conditions all say the same.
 */
import { BerthError } from '../errors.js';
import type { PortRange, Protocol } from './types.js';

/**
 * A port berth already gave to someone else (process-manager level).
 *
 * @example new PortAssignedError(3000, 'app1').message → "Port 3000 is already assigned to process 'app1'"
 */
export class PortAssignedError extends BerthError {
  constructor(readonly port: number, readonly owner: string) {
    super('PORT_ASSIGNED', `Port ${port} is already assigned to process '${owner}'`);
  }
}

/**
 * A port some process berth does not manage holds (the bind test failed).
 *
 * @example new PortInUseError(3000).message → "Port 3000 is already in use by another process"
 */
export class PortInUseError extends BerthError {
  constructor(readonly port: number) {
    super('PORT_IN_USE', `Port ${port} is already in use by another process`);
  }
}

/**
 * An auto range or the pool has too few free ports.
 *
 * @example PortExhaustedError.forRange({start: 5000, end: 5010}, 2, 4).message
 *   → "Port range auto:5000-5010 has only 2 free ports but 4 instances requested"
 * @example PortExhaustedError.forPool({start: 20000, end: 32767}, 3, 'tcp').message
 *   → "Port pool 20000-32767 has no free block of 3 contiguous tcp ports"
 */
export class PortExhaustedError extends BerthError {
  constructor(message: string) {
    super('PORT_EXHAUSTED', message);
  }

  static forRange(range: PortRange, found: number, requested: number): PortExhaustedError {
    const ports = found === 1 ? 'port' : 'ports';
    return new PortExhaustedError(`Port range auto:${range.start}-${range.end} has only ${found} free ${ports} but ${requested} instances requested`);
  }

  static forPool(pool: PortRange, size: number, protocol: Protocol): PortExhaustedError {
    const what = size === 1 ? `free ${protocol} port` : `free block of ${size} contiguous ${protocol} ports`;
    return new PortExhaustedError(`Port pool ${pool.start}-${pool.end} has no ${what}`);
  }
}
