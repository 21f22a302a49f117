/**
 * Reads every *.yaml / *.yml under a directory (recursively, in path order)
 * into the desired state: the valid resources by name, and every problem.
 * The same name in two files is a conflict reported on both; the first file
 * by path keeps the name, as SPEC.md asks. Apps' env files are read and
 * merged in; then dependsOn is checked across all files (cycles). An app
 * that fails either is left out with an error in its file, so it keeps
 * running on its last good spec.
 */
import { stat } from 'node:fs/promises';
import { ManifestError } from '../errors.js';
import { listManifestFiles, type ListingProblem } from './list-manifest-files.js';
import { readManifestFile, type ManifestRead, type ManifestReadProblem } from './read-manifest-file.js';
import { parseManifestText } from './parse-manifest-text.js';
import type { ManifestParseCache, ParseText } from './parse-cache.js';
import { displayPath } from './display-path.js';
import { resolveAllEnvFiles, type EnvFileReader } from './env-file/resolve-env-files.js';
import { checkDependencies } from './check-dependencies.js';
import type { Resource } from './types.js';
import { mapWithLimit } from '../util/map-with-limit.js';

/** Manifest files read at once: 3 of libuv's 4 threads, so a file on a hung mount leaves one to the rest of the controller. */
const READS_AT_ONCE = 3;

export interface DesiredState {
  resources: Map<string, Resource>;
  errors: ManifestError[];
  /**
   * Per file (absolute path): the names it declared (valid or not), so a
   * broken file's apps are known, and the env files its apps name (readable
   * or not: the controller watches them, so a missing one is seen when it
   * appears). `directory`: a folder that could not be read, standing for
   * every file below it.
   */
  files: Map<string, { names: string[]; errors: ManifestError[]; envFiles?: string[]; directory?: boolean }>;
  /** Real paths of symlinked files and folders that were followed (loadManifestDir): watched too. */
  linkTargets?: string[];
}

export { MANIFEST_FILE, ManifestDirError, listManifestFiles } from './list-manifest-files.js';

/** Best effort names in a file that failed to parse, so its apps can be told "your manifest is invalid". */
function namesMentioned(text: string): string[] {
  return [...text.matchAll(/^\s*name:\s*["']?([a-z0-9][-a-z0-9]*)["']?\s*$/gm)].map((m) => m[1]!);
}

/** One manifest file's absolute path and its text. */
export interface ManifestText {
  file: string;
  text: string;
}

export interface LoadOptions {
  /** How env files are read (tests); default readEnvFile. */
  readEnvFile?: EnvFileReader;
  /** How a file's text is parsed; default parseManifestText (the controller passes its ManifestParseCache's). */
  parse?: ParseText;
}

/** Leaves out the apps whose dependsOn fails a check across files, with the error in each one's file. */
function dropDependencyProblems(state: DesiredState): void {
  for (const { name, error } of checkDependencies(state.resources)) {
    const file = state.resources.get(name)?.source.file;
    state.resources.delete(name);
    if (file !== undefined) state.files.get(file)?.errors.push(error);
  }
}

/**
 * The desired state from manifest texts, in the order given (the first file
 * defining a name keeps it). Apps' env files are read (through `readEnvFile`)
 * and merged in; then dependsOn is checked across all files. No manifest file
 * is read here: loadManifestDir does that.
 *
 * @example (await desiredStateFrom([{ file: '/srv/m/web.yaml', text }])).resources.get('web')
 */
export async function desiredStateFrom(texts: ManifestText[], { readEnvFile, parse = parseManifestText }: LoadOptions = {}): Promise<DesiredState> {
  const state: DesiredState = { resources: new Map(), errors: [], files: new Map() };
  const firstFile = new Map<string, string>();
  for (const { file, text } of texts) {
    const display = displayPath(file);
    const parsed = parse(text, file, { display });
    const { resources, errors: envErrors } = await resolveAllEnvFiles(parsed.resources, readEnvFile);
    const errors = [...parsed.errors, ...envErrors];
    const fileErrors = [...errors];
    for (const resource of resources) {
      const name = resource.metadata.name;
      const owner = firstFile.get(name);
      if (owner !== undefined) {
        const conflict = new ManifestError({ ...resource.source, file: display }, `metadata.name: "${name}" is already defined in ${displayPath(owner)}; this definition is ignored`, 'MANIFEST_CONFLICT');
        fileErrors.push(conflict);
        const ownerErrors = state.files.get(owner)?.errors;
        ownerErrors?.push(new ManifestError({ ...state.resources.get(name)!.source, file: displayPath(owner) }, `metadata.name: "${name}" is also defined in ${display}; this definition wins`, 'MANIFEST_CONFLICT'));
        continue;
      }
      firstFile.set(name, file);
      state.resources.set(name, resource);
    }
    const names = errors.length > 0 ? [...new Set([...parsed.resources.map((r) => r.metadata.name), ...namesMentioned(text)])] : resources.map((r) => r.metadata.name);
    const envFiles = [...new Set(parsed.resources.flatMap((r) => (r.kind === 'App' ? r.spec.envFile : [])))];
    state.files.set(file, { names, errors: fileErrors, ...(envFiles.length > 0 ? { envFiles } : {}) });
  }
  dropDependencyProblems(state);
  for (const entry of state.files.values()) state.errors.push(...entry.errors);
  return state;
}

/**
 * Reads the directory into the desired state. Throws ManifestDirError when
 * the directory itself cannot be read (missing only with `missingOk`); a
 * file or folder below it that cannot be read is an error of that path
 * (`FILE:1:1: cannot read: EACCES`) and the others load as usual.
 * `onRead` is handed each file's text as read (`berth delete` compares it before removing a file).
 */
export async function loadManifestDir(dir: string, { missingOk = false, readEnvFile, onRead, parseCache }: Omit<LoadOptions, 'parse'> & { missingOk?: boolean; onRead?: (read: ManifestText) => void; parseCache?: ManifestParseCache } = {}): Promise<DesiredState> {
  const { files, problems, linkTargets } = await listManifestFiles(dir, { missingOk });
  const texts: ManifestText[] = [];
  const unreadable: (ListingProblem & Partial<ManifestReadProblem>)[] = [...problems];
  const reads = await mapWithLimit(files, READS_AT_ONCE, (file) => readManifestFile(file));
  for (const [i, file] of files.entries()) {
    const read = reads[i]!;
    if ('text' in read) {
      texts.push({ file, text: read.text });
      onRead?.({ file, text: read.text });
    } else if ('problem' in read) unreadable.push({ path: file, directory: false, ...read.problem });
  }
  const state = await desiredStateThroughCache(texts, { readEnvFile, parseCache });
  for (const problem of unreadable) {
    const error = new ManifestError({ file: displayPath(problem.path), line: problem.line ?? 1, col: problem.col ?? 1 }, problem.message);
    const names = problem.lenientText === undefined ? [] : namesMentioned(problem.lenientText);
    state.files.set(problem.path, { names, errors: [error], ...(problem.directory ? { directory: true } : {}) });
    state.errors.push(error);
  }
  state.linkTargets = linkTargets;
  return state;
}

/** desiredStateFrom, parsing through `parseCache` when given (the texts become its content). */
async function desiredStateThroughCache(texts: ManifestText[], { readEnvFile, parseCache }: Omit<LoadOptions, 'parse'> & { parseCache?: ManifestParseCache }): Promise<DesiredState> {
  const reading = parseCache?.read();
  const state = await desiredStateFrom(texts, { readEnvFile, ...(reading ? { parse: reading.parse } : {}) });
  reading?.finish();
  return state;
}

/**
 * The desired state after one file changed, reading that file alone: every
 * other file is taken with the text the cache's last read found. For the
 * watcher's first report of a change, which names the file; the full read
 * after its quiet time sees whatever this one did not (another file changed
 * meanwhile). Undefined, and nothing read, before the cache's first read,
 * when the last read is not all in the cache (a file or folder could not be
 * read: only a full read can tell whether it can now), or when this file
 * cannot be read.
 *
 * @example const next = (await reloadOneFile('/srv/m/web.yaml', previous, { parseCache })) ?? (await loadManifestDir('/srv/m', { parseCache }));
 */
export async function reloadOneFile(file: string, previous: DesiredState, { readEnvFile, parseCache }: Omit<LoadOptions, 'parse'> & { parseCache: ManifestParseCache }): Promise<DesiredState | undefined> {
  const known = parseCache.texts();
  if (!known || [...previous.files].some(([path, entry]) => entry.directory || !known.has(path))) return undefined;
  // As the listing does: only a regular file is read (a FIFO's open would wait forever).
  const info = await stat(file).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : undefined));
  if (info === undefined || (info !== null && !info.isFile())) return undefined;
  const read: ManifestRead = info === null ? { gone: true } : await readManifestFile(file);
  if ('problem' in read) return undefined;
  if ('gone' in read) known.delete(file);
  else known.set(file, read.text);
  // The order a listing gives (sorted paths): the first file by path keeps a name.
  const texts = [...known.keys()].sort().map((path) => ({ file: path, text: known.get(path)! }));
  const state = await desiredStateThroughCache(texts, { readEnvFile, parseCache });
  state.linkTargets = previous.linkTargets;
  return state;
}
