/**
 * apply = read input → plan against the watched directory → check
 * dependsOn cycles and port conflicts → write (atomically, only after
 * everything checked out). A failure anywhere before the writes changes
 * nothing; other applies wait on the manifest lock from check to write.
 */
import { readApplyInput, type ApplyInput } from './read-apply-input.js';
import { planApply, type PlannedWrite } from './plan-apply.js';
import { checkPortConflicts } from './check-port-conflicts.js';
import { editManifestFile } from './edit-manifest-file.js';
import { NetPortProber } from '../ports/net-port-prober.js';
import { checkDependencies } from '../manifest/check-dependencies.js';
import { withManifestLock } from './manifest-lock.js';

export interface ApplyOptions {
  target: string;
  recursive: boolean;
  dir: string;
  home: string;
  cwd: string;
  stdin: NodeJS.ReadableStream;
  pruneSelector?: Record<string, string>;
  /** Ecosystem configs: `--env NAME` merges env_NAME over env. */
  envName?: string;
  dryRun: boolean;
}

function readInput(options: Omit<ApplyOptions, 'dryRun'>): Promise<ApplyInput> {
  return readApplyInput(options.target, { recursive: options.recursive, cwd: options.cwd, stdin: options.stdin, envName: options.envName });
}

export async function planAndCheck(options: Omit<ApplyOptions, 'dryRun'>, input?: ApplyInput): Promise<{ writes: PlannedWrite[]; warnings: string[] }> {
  const { documents, warnings } = input ?? (await readInput(options));
  const { writes, current } = await planApply(documents, { dir: options.dir, pruneSelector: options.pruneSelector });
  const incoming = documents.map((d) => d.resource);
  const names = new Set(incoming.map((r) => r.metadata.name));
  const pruned = new Set(writes.filter((w) => w.change === 'pruned').map((w) => w.name));
  const others = [...current.resources.values()].filter((r) => !names.has(r.metadata.name) && !pruned.has(r.metadata.name));
  // A dependsOn cycle through an incoming app is refused now, as the controller would refuse it.
  const problem = checkDependencies(new Map([...others, ...incoming].map((r) => [r.metadata.name, r]))).find((p) => names.has(p.name));
  if (problem) throw problem.error;
  const prober = new NetPortProber();
  await checkPortConflicts(incoming, { home: options.home, others, probe: (port) => prober.isFree('tcp', port) });
  return { writes, warnings };
}

export async function applyDocuments(options: ApplyOptions): Promise<{ writes: PlannedWrite[]; warnings: string[] }> {
  if (options.dryRun) return planAndCheck(options);
  // The input is ours alone: read and validate it before taking the lock, which others wait on.
  const input = await readInput(options);
  // Check and write as one step against other applies: nobody writes between our check and our write.
  return withManifestLock(options.home, async () => {
    const planned = await planAndCheck(options, input);
    for (const write of planned.writes) {
      if (write.change === 'unchanged') continue;
      if (write.change === 'pruned') await editManifestFile(write.file, write.name, { remove: true });
      else await editManifestFile(write.file, write.name, { replaceWith: write.text! });
    }
    return planned;
  });
}
