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
import { resolveAllEnvFiles, type EnvFileReader } from './env-file/resolve-env-files.js';
import { checkDependencies } from './check-dependencies.js';
import type { Resource } from './types.js';

export interface DesiredState {
  resources: Map<string, Resource>;
  errors: ManifestError[];
  /**
   * Per file: the names it declared (valid or not), so a broken file's apps
   * are known, and the env files its apps name (readable or not: the
   * controller watches them, so a missing one is seen when it appears).
   */
  files: Map<string, { names: string[]; errors: ManifestError[]; envFiles?: string[] }>;
}

export const MANIFEST_FILE = /\.ya?ml$/i;

/** Lists manifest files under `dir`, sorted, skipping dot-files and dot-folders (editors' temp files). */
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
  await walk(dir);
  return out.sort();
}

/** Best effort names in a file that failed to parse, so its apps can be told "your manifest is invalid". */
function namesMentioned(text: string): string[] {
  return [...text.matchAll(/^\s*name:\s*["']?([a-z0-9][-a-z0-9]*)["']?\s*$/gm)].map((m) => m[1]!);
}

export interface LoadOptions {
  /** How env files are read (tests); default readEnvFile. */
  readEnvFile?: EnvFileReader;
}

/** Leaves out the apps whose dependsOn fails a check across files, with the error in each one's file. */
function dropDependencyProblems(state: DesiredState): void {
  for (const { name, error } of checkDependencies(state.resources)) {
    state.resources.delete(name);
    state.files.get(error.position.file)?.errors.push(error);
  }
}

export async function loadManifestDir(dir: string, { readEnvFile }: LoadOptions = {}): Promise<DesiredState> {
  const files = await listManifestFiles(dir);
  const state: DesiredState = { resources: new Map(), errors: [], files: new Map() };
  const firstFile = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // deleted while we listed
      throw err;
    }
    const display = path.relative(process.cwd(), file) || file;
    const parsed = parseManifestText(text, display);
    const { resources, errors: envErrors } = await resolveAllEnvFiles(parsed.resources, readEnvFile);
    const errors = [...parsed.errors, ...envErrors];
    const fileErrors = [...errors];
    for (const resource of resources) {
      const name = resource.metadata.name;
      const owner = firstFile.get(name);
      if (owner !== undefined) {
        const conflict = new ManifestError(resource.source, `metadata.name: "${name}" is already defined in ${owner}; this definition is ignored`, 'MANIFEST_CONFLICT');
        fileErrors.push(conflict);
        const ownerErrors = state.files.get(owner)?.errors;
        ownerErrors?.push(new ManifestError(state.resources.get(name)!.source, `metadata.name: "${name}" is also defined in ${display}; this definition wins`, 'MANIFEST_CONFLICT'));
        continue;
      }
      firstFile.set(name, display);
      state.resources.set(name, resource);
    }
    const names = errors.length > 0 ? [...new Set([...parsed.resources.map((r) => r.metadata.name), ...namesMentioned(text)])] : resources.map((r) => r.metadata.name);
    const envFiles = [...new Set(parsed.resources.flatMap((r) => (r.kind === 'App' ? r.spec.envFile : [])))];
    state.files.set(display, { names, errors: fileErrors, ...(envFiles.length > 0 ? { envFiles } : {}) });
  }
  dropDependencyProblems(state);
  for (const entry of state.files.values()) state.errors.push(...entry.errors);
  return state;
}
