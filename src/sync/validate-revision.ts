/**
 * Validates every manifest of a revision before anything is written: one
 * invalid file, or one name declared twice, and the whole revision is
 * refused, so the watched directory never holds half of a commit.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { ManifestError } from '../errors.js';
import { parseManifestText } from '../manifest/parse-manifest-text.js';
import type { Resource } from '../manifest/types.js';
import type { RevisionFile } from './read-revision-files.js';

/** One resource as sync compares it: `app/web` and a canonical form of what it declares. */
export interface ResourceDigest {
  key: string;
  canonical: string;
  /** Where its document starts, for conflict messages. */
  line: number;
  col: number;
}

export interface ValidatedFile {
  file: string;
  content: string;
  sha256: string;
  resources: ResourceDigest[];
}

export function sha256(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

export function resourceKey(resource: Resource): string {
  return `${resource.kind.toLowerCase()}/${resource.metadata.name}`;
}

/**
 * Parses as the watcher will, at the file's final path, so relative `cwd`s
 * resolve the same way for the old and the new content being compared.
 */
export function digestResources(content: string, absoluteFile: string): { resources: ResourceDigest[]; errors: ManifestError[] } {
  const { resources, errors } = parseManifestText(content, absoluteFile);
  return {
    resources: resources.map((r) => ({ key: resourceKey(r), canonical: JSON.stringify({ metadata: r.metadata, spec: r.spec }), line: r.source.line, col: r.source.col })),
    errors,
  };
}

/**
 * @param target the folder the files will be written to (`<dir>/sync-<name>/`)
 * @returns the files ready to write, or every error, each naming the file's
 *   repository path, line and column.
 * @example const { files, errors } = validateRevision(await readRevisionFiles(...), '/srv/manifests/sync-infra');
 */
export function validateRevision(revisionFiles: RevisionFile[], target: string): { files: ValidatedFile[]; errors: ManifestError[] } {
  const files: ValidatedFile[] = [];
  const errors: ManifestError[] = [];
  const declaredIn = new Map<string, string>();
  for (const { file, repoPath, content } of revisionFiles) {
    const parsed = digestResources(content, path.join(target, file));
    // Report positions against the repository path: that is the file the user edits.
    errors.push(...parsed.errors.map((e) => new ManifestError({ ...e.position, file: repoPath }, e.detail, e.code)));
    for (const resource of parsed.resources) {
      const name = resource.key.slice(resource.key.indexOf('/') + 1);
      const first = declaredIn.get(name);
      if (first !== undefined) errors.push(new ManifestError({ file: repoPath, line: resource.line, col: resource.col }, `metadata.name: "${name}" is already defined in ${first}`, 'MANIFEST_CONFLICT'));
      else declaredIn.set(name, repoPath);
    }
    files.push({ file, content, sha256: sha256(content), resources: parsed.resources });
  }
  return { files, errors };
}
