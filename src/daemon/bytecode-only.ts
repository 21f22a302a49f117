/**
 * Runs the controller's JavaScript as bytecode only: no optimising compiler
 * (TurboFan), no baseline compiler (Sparkplug), and V8's heuristics set to
 * favour size. The controller is a long-lived daemon that waits most of the
 * time; what it runs hot is short (a sweep, a reconcile, a spawn), and the
 * time goes to system calls, not to JavaScript. Compiled machine code, the
 * data kept to undo it, and the memory V8's compiler threads leave in their
 * malloc arenas (1-6 MB, varying run to run) cost more than they give back.
 *
 * Measured (bench/analysis.md, issue 19): private memory (RssAnon) with 100
 * HTTP apps 25-27 → 18.4-18.7 MB; 1000 `sleep` instances reach online in
 * the same time and with the same user CPU; idle CPU at 100 unchanged. The
 * cost: the dashboard's once-a-second feed is hot JavaScript, interpreted
 * now: with a browser open, 0.82-0.93 % of a core instead of 0.62-0.70 %.
 * TurboFan kept on the main thread instead would hold 20-21.5 MB.
 *
 * The flags are read each time V8 decides to compile a function further, so
 * they take effect when set at run time (a controller started as `berth up`
 * has no say in node's flags); code compiled before stays as it is.
 * `--jitless` (or `--lite-mode`, which implies it) saves no more and is not
 * meant to be switched on a running isolate.
 */
import { setFlagsFromString } from 'node:v8';

/** @example runBytecodeOnly(); await startDaemon(...); */
export function runBytecodeOnly(): void {
  setFlagsFromString('--no-opt');
  setFlagsFromString('--no-sparkplug');
  setFlagsFromString('--optimize-for-size');
}
