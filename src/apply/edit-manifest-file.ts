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
  if (pieces.length === 0) {
    await rm(file, { force: true });
    return;
  }
  const body = pieces.map((p) => (p.endsWith('\n') ? p : `${p}\n`)).join('---\n');
  await writeFileAtomic(file, body);
}
