/**
 * Reads every *.yaml / *.yml under a directory (recursively, in path order)
 * into the desired state: the valid resources by name, and every problem.
 * The same name in two files is a conflict reported on both; the first file
 * by path keeps the name, as SPEC.md asks.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ManifestError } from '../errors.js';
import { parseManifestText } from './parse-manifest-text.js';
import { displayPath } from './display-path.js';
import type { Resource } from './types.js';

export interface DesiredState {
  resources: Map<string, Resource>;
  errors: ManifestError[];
  /** Per file (absolute path): the names it declared (valid or not), so a broken file's apps are known. */
  files: Map<string, { names: string[]; errors: ManifestError[] }>;
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

/**
 * The desired state from manifest texts, in the order given (the first file
 * defining a name keeps it). Pure: loadManifestDir reads the files.
 *
 * @example desiredStateFrom([{ file: '/srv/m/web.yaml', text }]).resources.get('web')
 */
export function desiredStateFrom(texts: ManifestText[]): DesiredState {
  const state: DesiredState = { resources: new Map(), errors: [], files: new Map() };
  const firstFile = new Map<string, string>();
  for (const { file, text } of texts) {
    const display = displayPath(file);
    const { resources, errors } = parseManifestText(text, file, display);
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
    const names = errors.length > 0 ? [...new Set([...resources.map((r) => r.metadata.name), ...namesMentioned(text)])] : resources.map((r) => r.metadata.name);
    state.files.set(file, { names, errors: fileErrors });
  }
  for (const entry of state.files.values()) state.errors.push(...entry.errors);
  return state;
}

export async function loadManifestDir(dir: string): Promise<DesiredState> {
  const texts: ManifestText[] = [];
  for (const file of await listManifestFiles(dir)) {
    try {
      texts.push({ file, text: await readFile(file, 'utf8') });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // deleted while we listed
      throw err;
    }
  }
  return desiredStateFrom(texts);
}
