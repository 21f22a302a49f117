/**
 * Changes named documents inside a manifest file (replace, edit or remove),
 * leaving the file's other documents as they were, and writes the result
 * atomically. A file left with no documents is deleted.
 */
import { readFile, rm } from 'node:fs/promises';
import { isScalar, parseAllDocuments, type Document } from 'yaml';
import { writeFileAtomic } from '../util/write-file-atomic.js';
import { NotFoundError } from '../errors.js';

type DocumentEdit = { replaceWith: string } | { remove: true } | { edit: (doc: Document) => void };

/** `---` with nothing after it (rewrites leave some between documents): dropped, so an emptied file goes. */
function isEmpty(doc: Document): boolean {
  return doc.errors.length === 0 && (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null));
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
  await editManifestDocuments(file, new Map([[name, change]]));
}

/**
 * Applies each name's change to its document in one read and one write of
 * `file` (`berth delete -f` of a file with 500 documents rewrote it 500
 * times). A name without a document is an error, except for replaceWith,
 * which appends it.
 */
export async function editManifestDocuments(file: string, changes: ReadonlyMap<string, DocumentEdit>): Promise<void> {
  const text = await readIfExists(file);
  const docs = text === undefined ? [] : parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [];
  const pieces: string[] = [];
  const done = new Set<string>();
  for (const doc of list) {
    if (isEmpty(doc)) continue;
    const name = nameOf(doc);
    const change = name === undefined || done.has(name) ? undefined : changes.get(name);
    if (!change) {
      pieces.push(doc.toString());
      continue;
    }
    done.add(name!);
    if ('replaceWith' in change) pieces.push(change.replaceWith);
    else if ('edit' in change) {
      change.edit(doc);
      pieces.push(doc.toString());
    }
  }
  for (const [name, change] of changes) {
    if (done.has(name)) continue;
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
