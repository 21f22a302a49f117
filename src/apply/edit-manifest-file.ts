/**
 * Changes one named document inside a manifest file (replace, edit or
 * remove), leaving the file's other documents as they were, and writes the
 * result atomically. A file left with no documents is deleted.
 */
import { readFile, rm } from 'node:fs/promises';
import { parseAllDocuments, type Document } from 'yaml';
import { writeFileAtomic } from '../util/write-file-atomic.js';
import { NotFoundError } from '../errors.js';

type DocumentEdit = { replaceWith: string } | { remove: true } | { edit: (doc: Document) => void };

/**
 * Removes every document of `file` whose name is in `names`, in one read
 * and one write (`delete -f` of 500 documents used to rewrite the file 500
 * times). Returns the names it found. A file left empty is deleted.
 * `read`: the file's text and the names of all its documents, as the caller
 * read and parsed them; when the file still holds that text and every one
 * of those names goes, the file is removed without being parsed again.
 */
export async function removeManifestDocuments(file: string, names: ReadonlySet<string>, read?: { text: string; names: readonly string[] }): Promise<string[]> {
  const text = await readIfExists(file);
  if (text === undefined) return [];
  if (read && text === read.text && read.names.every((name) => names.has(name))) {
    await writeDocuments(file, []);
    return [...read.names];
  }
  const docs = parseAllDocuments(text);
  const kept: string[] = [];
  const removed: string[] = [];
  for (const doc of Array.isArray(docs) ? docs : []) {
    if (doc.contents === null && doc.errors.length === 0) continue;
    const name = nameOf(doc);
    if (name !== undefined && names.has(name) && !removed.includes(name)) removed.push(name);
    else kept.push(doc.toString());
  }
  await writeDocuments(file, kept);
  return removed;
}

function nameOf(doc: Document): string | undefined {
  const name = doc.getIn(['metadata', 'name']);
  return typeof name === 'string' ? name : undefined;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Applies `change` to the document named `name` in `file` (created if missing, for replaceWith). */
export async function editManifestFile(file: string, name: string, change: DocumentEdit): Promise<void> {
  const text = await readIfExists(file);
  const docs = text === undefined ? [] : parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [];
  const pieces: string[] = [];
  let found = false;
  for (const doc of list) {
    if (doc.contents === null && doc.errors.length === 0) continue;
    if (nameOf(doc) !== name || found) {
      pieces.push(doc.toString());
      continue;
    }
    found = true;
    if ('replaceWith' in change) pieces.push(change.replaceWith);
    else if ('edit' in change) {
      change.edit(doc);
      pieces.push(doc.toString());
    }
  }
  if (!found) {
    if (!('replaceWith' in change)) throw new NotFoundError(`app "${name}" in ${file}`);
    pieces.push(change.replaceWith);
  }
  await writeDocuments(file, pieces);
}

async function writeDocuments(file: string, pieces: string[]): Promise<void> {
  if (pieces.length === 0) {
    await rm(file, { force: true });
    return;
  }
  // a document that began with its own `---` keeps it in toString(): one separator between documents is enough
  const body = pieces.map((p) => p.replace(/^---[ \t]*\n/, '')).map((p) => (p.endsWith('\n') ? p : `${p}\n`)).join('---\n');
  await writeFileAtomic(file, body);
}
