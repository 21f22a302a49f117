/**
 * Keeps V8's young generation at its initial size in the controller. By
 * default it doubles up to 2 × 16 MB during the start-up and spawn bursts
 * and stays grown, and the malloc'd buffers that die with its objects stay
 * allocated as long: at 100 instances that was 15 of the controller's 38 MB
 * of private memory (21 → 23 MB with it kept small, here; the spawn burst of
 * 1000 instances takes as long either way). `--semi-space-growth-factor` is
 * read whenever V8 would grow the space, so it takes effect when set at run
 * time, unlike `--max-semi-space-size`, which is fixed when the heap is set
 * up (a controller started as `berth up` has no say in node's flags).
 */
import { setFlagsFromString } from 'node:v8';

/** @example keepYoungGenerationSmall(); await startDaemon(...); */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
