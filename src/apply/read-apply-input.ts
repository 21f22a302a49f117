/**
 * Reads what `apply -f` / `diff -f` were given (a file, a directory, or '-'
 * for stdin) into berth/v1 documents, converting PM2/PMDaemon ecosystem
 * configs on the way. Every document keeps the file it came from so errors
 * name it, and relative paths are made absolute against that file's folder
 * (the document is about to move into the watched directory).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { BerthError, ManifestError, ManifestErrorList } from '../errors.js';
import { parseManifestText } from '../manifest/parse-manifest-text.js';
import { resolveAllEnvFiles } from '../manifest/env-file/resolve-env-files.js';
import type { Resource } from '../manifest/types.js';
import { readManifestFile } from '../manifest/read-manifest-file.js';
import { decodeUtf8, invalidUtf8Message } from '../manifest/text-checks.js';

export interface InputDocument {
  /** The document as YAML text, ready to write. */
  text: string;
  resource: Resource;
  origin: string;
}

export interface ApplyInput {
  documents: InputDocument[];
  warnings: string[];
}

const INPUT_FILE = /\.(ya?ml|json|js|cjs)$/i;

async function listInputFiles(target: string, recursive: boolean): Promise<string[]> {
  const info = await stat(target).catch(() => {
    throw new BerthError('USAGE', `${target}: no such file or directory`);
  });
  if (!info.isDirectory()) return [target];
  const out: string[] = [];
  for (const entry of await readdir(target, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(target, entry.name);
    if (entry.isDirectory() && recursive) out.push(...(await listInputFiles(full, true)));
    else if (entry.isFile() && INPUT_FILE.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/**
 * Makes spec.cwd (defaulting to the file's folder), log and env file paths
 * absolute, keeping comments. watch.paths stay as written: they are relative
 * to the cwd, which moves with them.
 */
function anchorPaths(text: string, sourceDir: string): string[] {
  return parseAllDocuments(text).flatMap((doc) => {
    if ('errors' in doc && doc.errors.length) return [String(doc)];
    const value = doc.toJS() as { kind?: string; spec?: { cwd?: string; logs?: { out?: string; err?: string }; envFile?: unknown } } | null;
    if (!value) return [];
    if (value.kind === 'App' && value.spec) {
      doc.setIn(['spec', 'cwd'], path.resolve(sourceDir, value.spec.cwd ?? '.'));
      for (const key of ['out', 'err'] as const) {
        const file = value.spec.logs?.[key];
        if (file !== undefined) doc.setIn(['spec', 'logs', key], path.resolve(sourceDir, file));
      }
      const envFile = value.spec.envFile;
      if (typeof envFile === 'string') doc.setIn(['spec', 'envFile'], path.resolve(sourceDir, envFile));
      else if (Array.isArray(envFile)) envFile.forEach((file, index) => typeof file === 'string' && doc.setIn(['spec', 'envFile', index], path.resolve(sourceDir, file)));
    }
    return [doc.toString()];
  });
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  const decoded = decodeUtf8(Buffer.concat(chunks));
  if ('error' in decoded) throw new ManifestError({ file: '<stdin>', line: decoded.error.line, col: decoded.error.col }, invalidUtf8Message(decoded.error.byte));
  return decoded.text;
}

export interface ReadInputOptions {
  recursive?: boolean;
  cwd: string;
  stdin: NodeJS.ReadableStream;
  /** `--env NAME` for ecosystem configs: env_NAME merged over env. */
  envName?: string;
}

/**
 * Parses and validates every document; throws every problem at once
 * (ManifestErrorList, up to 20 a file) and writes nothing on error.
 */
export async function readApplyInput(target: string, { recursive = false, cwd, stdin, envName }: ReadInputOptions): Promise<ApplyInput> {
  const sources: { file: string; display: string; text: string; fromStdin?: boolean }[] = [];
  // no extension: what stdin holds (manifest, ecosystem JSON or YAML) is judged by its content
  if (target === '-') sources.push({ file: path.join(cwd, '<stdin>'), display: '<stdin>', text: await readStdin(stdin), fromStdin: true });
  else {
    for (const file of await listInputFiles(path.resolve(cwd, target), recursive)) {
      const display = path.relative(cwd, file) || file;
      const read = await readManifestFile(file);
      if ('problem' in read) throw new ManifestError({ file: display, line: read.problem.line, col: read.problem.col }, read.problem.message);
      if ('gone' in read) throw new BerthError('USAGE', `${display}: no such file or directory`);
      sources.push({ file, display, text: read.text });
    }
  }
  const documents: InputDocument[] = [];
  const warnings: string[] = [];
  const errors: ManifestError[] = [];
  for (const source of sources) {
    const { detectConfigFormat, convertEcosystemFile } = await import('../manifest/ecosystem/index.js');
    const format = detectConfigFormat(source.file, source.text);
    if (format === 'berth') {
      // Positions from the text as written (the anchored copy is re-serialised); a missing env file is refused now.
      const parsed = parseManifestText(source.text, source.file, { display: source.display });
      const resolved = await resolveAllEnvFiles(parsed.resources);
      errors.push(...parsed.errors, ...resolved.errors);
      if (parsed.errors.length > 0 || resolved.errors.length > 0) continue;
      // anchorPaths and the parser both skip empty documents, so the two lists line up.
      anchorPaths(source.text, path.dirname(source.file)).forEach((text, index) => documents.push({ text, resource: resolved.resources[index]!, origin: source.display }));
      continue;
    }
    const { convertEcosystemText } = await import('../manifest/ecosystem/index.js');
    let converted;
    try {
      converted = source.fromStdin ? convertEcosystemText(source.text, source.display, { dir: cwd, envName }) : await convertEcosystemFile(source.file, { envName });
    } catch (err) {
      if (err instanceof ManifestErrorList) errors.push(...err.errors);
      else if (err instanceof ManifestError) errors.push(err);
      else throw err;
      continue;
    }
    warnings.push(...converted.warnings);
    for (const text of anchorPaths(converted.manifests.map((m) => stringify(m)).join('---\n'), path.dirname(source.file))) {
      const parsed = parseManifestText(text, source.file, { display: source.display });
      const { resources, errors: envErrors } = await resolveAllEnvFiles(parsed.resources);
      errors.push(...parsed.errors, ...envErrors);
      for (const resource of resources) documents.push({ text, resource, origin: source.display });
    }
  }
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new ManifestErrorList(errors);
  const seen = new Map<string, string>();
  for (const doc of documents) {
    const name = doc.resource.metadata.name;
    if (seen.has(name)) throw new BerthError('MANIFEST_CONFLICT', `${doc.origin}: "${name}" is defined twice in the input (also in ${seen.get(name)})`);
    seen.set(name, doc.origin);
  }
  if (documents.length === 0) throw new BerthError('USAGE', `no manifests found in ${target}`);
  return { documents, warnings };
}
