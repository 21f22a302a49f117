/**
 * `berth delete`'s write into the watched directory: the documents of the
 * named apps and claims removed, from one read of the folder, with one
 * write per file, dependents first. A file whose documents all go, and
 * that still holds the text the read saw, is removed without being parsed
 * again (`delete -f` of a 500-document file: apply had written 500 files).
 * An unknown name or an invalid file throws before anything is written.
 */
import { loadManifestDir } from '../manifest/load-manifest-dir.js';
import type { Resource } from '../manifest/types.js';
import { stopLayers } from '../dependencies/dependency-graph.js';
import { graphOfApps } from '../dependencies/graph-of-apps.js';
import { mapWithLimit } from '../util/map-with-limit.js';
import { findIn } from './find-manifest.js';
import { removeManifestDocuments } from './edit-manifest-file.js';

/** Files rewritten at once within one stop layer (one by one, each waited for its own thread-pool round trips). */
const WRITES_AT_ONCE = 8;

/** @example for (const r of await removeManifests(dir, ['web', 'db'])) console.log(`${r.metadata.name} deleted`) // web, then db (web depends on it) */
export async function removeManifests(dir: string, names: readonly string[]): Promise<Resource[]> {
  const texts = new Map<string, string>();
  const state = await loadManifestDir(dir, { missingOk: true, onRead: ({ file, text }) => texts.set(file, text) });
  const found = [...new Set(names)].map((name) => findIn(state, dir, name));
  // Dependents first: should the controller see the edits one by one, it still stops them before what they depend on.
  const layers = stopLayers(graphOfApps(found.map(({ resource }) => ({ name: resource.metadata.name, spec: resource.spec }))));
  const rank = new Map(layers.flatMap((layer, i) => layer.map((name) => [name, i] as const)));
  const layerOf = (resource: Resource) => rank.get(resource.metadata.name) ?? 0;
  // a stable sort: within a layer the order given stays
  found.sort((a, b) => layerOf(a.resource) - layerOf(b.resource));
  // one rewrite per file, however many of its documents go, in the layer of its first document to go
  const byFile = new Map<string, { names: Set<string>; layer: number }>();
  for (const { file, resource } of found) {
    let entry = byFile.get(file);
    if (!entry) byFile.set(file, (entry = { names: new Set(), layer: layerOf(resource) }));
    entry.names.add(resource.metadata.name);
  }
  const remove = async (file: string): Promise<void> => {
    const entry = state.files.get(file);
    const text = texts.get(file);
    // a file without errors: the read parsed every document it holds, so its names are all of them
    const read = entry && entry.errors.length === 0 && text !== undefined ? { text, names: entry.names } : undefined;
    await removeManifestDocuments(file, byFile.get(file)!.names, read);
  };
  for (const layer of layers.keys()) {
    await mapWithLimit([...byFile].filter(([, entry]) => entry.layer === layer).map(([file]) => file), WRITES_AT_ONCE, remove);
  }
  return found.map(({ resource }) => resource);
}
