/**
 * Reads every *.yaml / *.yml under a directory (recursively, in path order)
 * into the desired state: the valid resources by name, and every problem.
 * The same name in two files is a conflict reported on both; the first file
 * by path keeps the name, as SPEC.md asks. Apps' env files are read and
 * merged in; then dependsOn is checked across all files (cycles). An app
 * that fails either is left out with an error in its file, so it keeps
 * running on its last good spec.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ManifestError } from '../errors.js';
import { parseManifestText } from './parse-manifest-text.js';
import { displayPath } from './display-path.js';
import { resolveAllEnvFiles, type EnvFileReader } from './env-file/resolve-env-files.js';
import { checkDependencies } from './check-dependencies.js';
import type { Resource } from './types.js';

export interface DesiredState {
  resources: Map<string, Resource>;
  errors: ManifestError[];
  /**
   * Per file (absolute path): the names it declared (valid or not), so a
   * broken file's apps are known, and the env files its apps name (readable
   * or not: the controller watches them, so a missing one is seen when it
   * appears).
   */
  files: Map<string, { names: string[]; errors: ManifestError[]; envFiles?: string[] }>;
}

export const MANIFEST_FILE = /\.ya?ml$/i;

/** Lists manifest files under `dir` (absolute paths), sorted, skipping dot-files and dot-folders (editors' temp files). */
export async function listManifestFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(current: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && MANIFEST_FILE.test(entry.name)) out.push(full);
    }
  }
  await walk(path.resolve(dir));
  return out.sort();
}

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
export async function desiredStateFrom(texts: ManifestText[], { readEnvFile }: LoadOptions = {}): Promise<DesiredState> {
  const state: DesiredState = { resources: new Map(), errors: [], files: new Map() };
  const firstFile = new Map<string, string>();
  for (const { file, text } of texts) {
    const display = displayPath(file);
    const parsed = parseManifestText(text, file, { display });
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

export async function loadManifestDir(dir: string, options: LoadOptions = {}): Promise<DesiredState> {
  const texts: ManifestText[] = [];
  for (const file of await listManifestFiles(dir)) {
    try {
      texts.push({ file, text: await readFile(file, 'utf8') });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // deleted while we listed
      throw err;
    }
  }
  return desiredStateFrom(texts, options);
}
