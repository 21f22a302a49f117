/**
 * The ports layer: parse port specs, allocate (store + bind probe), and build
 * the environment an instance runs with. Import from here.
 */
export * from './types.js';
export * from './port-spec.js';
export * from './port-pool.js';
export * from './port-text.js';
export { PortAssignedError, PortInUseError, PortExhaustedError } from './port-errors.js';
export * from './port-prober.js';
export * from './net-port-prober.js';
export * from './find-free-ports.js';
export * from './plan-allocation.js';
export * from './port-allocator.js';
export * from './instance-env.js';
export * from './repair-allocations.js';
