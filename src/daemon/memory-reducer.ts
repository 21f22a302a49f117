/**
 * One garbage collection, not three, when V8's memory reducer gives memory
 * back. After a burst (1000 instances spawned) the heap has grown; once the
 * controller goes quiet the reducer runs full mark-compacts 0.5 s apart, up
 * to three while each still frees memory. At 1000 instances each marks the
 * whole ~24 MB heap (40-60 ms of the main thread and as much of V8's
 * workers), and the second and third freed almost nothing (24.3 → 23.7 MB):
 * together ~0.5 % of a core over the 30 s after the burst. The first one
 * returns the garbage; the flag is read each time the reducer decides, so
 * it takes effect when set at run time (a controller started as `berth up`
 * has no say in node's flags).
 */
import { setFlagsFromString } from 'node:v8';

/** @example oneMemoryReducerGc(); await startDaemon(...); */
export function oneMemoryReducerGc(): void {
  setFlagsFromString('--memory-reducer-single-gc');
}
