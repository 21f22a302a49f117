/** Finds the files in the watched directory that define apps. */
import path from 'node:path';
import { loadManifestDir, type DesiredState } from '../manifest/load-manifest-dir.js';
import { displayPath } from '../manifest/display-path.js';
import type { Resource } from '../manifest/types.js';
import { BerthError } from '../errors.js';

export interface FoundManifest {
  /** Absolute path of the file that defines the app. */
  file: string;
  resource: Resource;
}

function locate(state: DesiredState, dir: string, name: string): FoundManifest {
  const resource = state.resources.get(name);
  if (!resource) {
    const broken = [...state.files].find(([, entry]) => entry.names.includes(name));
    if (broken) throw new BerthError('MANIFEST_INVALID', `the manifest of "${name}" (${displayPath(broken[0])}) is invalid; fix it first: ${broken[1].errors[0]?.message ?? ''}`);
    throw new BerthError('NOT_FOUND', `app "${name}" not found in ${dir}`);
  }
  return { file: path.resolve(resource.source.file), resource };
}

export async function findManifest(dir: string, name: string): Promise<FoundManifest> {
  return locate(await loadManifestDir(dir), dir, name);
}

/** Each name's file and resource, from one read of the directory; the first unknown or broken name throws. */
export async function findManifests(dir: string, names: Iterable<string>): Promise<FoundManifest[]> {
  const state = await loadManifestDir(dir);
  return [...names].map((name) => locate(state, dir, name));
}
