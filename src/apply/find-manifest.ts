/** Finds the file in the watched directory that defines an app. */
import path from 'node:path';
import { loadManifestDir, type DesiredState } from '../manifest/load-manifest-dir.js';
import { displayPath } from '../manifest/display-path.js';
import type { Resource } from '../manifest/types.js';
import { BerthError } from '../errors.js';

export async function findManifest(dir: string, name: string): Promise<{ file: string; resource: Resource }> {
  return findIn(await loadManifestDir(dir, { missingOk: true }), dir, name);
}

/** The file of `name` in a desired state read from `dir`; throws NOT_FOUND, or MANIFEST_INVALID when only a broken file names it. */
export function findIn(state: DesiredState, dir: string, name: string): { file: string; resource: Resource } {
  const resource = state.resources.get(name);
  if (!resource) {
    const broken = [...state.files].find(([, entry]) => entry.names.includes(name));
    if (broken) throw new BerthError('MANIFEST_INVALID', `the manifest of "${name}" (${displayPath(broken[0])}) is invalid; fix it first: ${broken[1].errors[0]?.message ?? ''}`);
    throw new BerthError('NOT_FOUND', `app "${name}" not found in ${dir}`);
  }
  return { file: path.resolve(resource.source.file), resource };
}
