/**
 * What the first manifest after `berth up` would otherwise pay for, done
 * while the controller starts. Profiled on the first manifest (issue 19):
 * node loads its dns module on the first listen() given a host (~5 ms, the
 * port probe's first bind), perf_hooks on the first `performance` (~3 ms,
 * the work queue's timing), and the host's IPv6 / dual-stack checks cost
 * three binds before the first port can be probed. The YAML parser and the
 * validators compile their functions on first use (warm-manifest-parser.ts),
 * and so do xstate's (warm-instance-machine.ts).
 */
import { hasDualStackTcp } from '../ports/net-port-prober.js';
import { warmManifestParser } from '../manifest/warm-manifest-parser.js';
import { rehearsalConfig, warmInstanceMachine } from '../instance/warm-instance-machine.js';

/** @example await warmUp(); await controller.start(); */
export async function warmUp(): Promise<void> {
  const sample = warmManifestParser();
  performance.now();
  void hasDualStackTcp(); // never rejects: a host without IPv6 answers false
  await warmInstanceMachine(rehearsalConfig(sample));
}
