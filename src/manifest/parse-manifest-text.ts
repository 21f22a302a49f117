/**
 * Parses the text of one manifest file (one or more YAML documents) into
 * validated, normalised resources, or ManifestErrors that each name
 * file:line:col. Pure: the caller reads the file.
 */
import path from 'node:path';
import { LineCounter, parseAllDocuments, isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import { ManifestError, type SourcePosition } from '../errors.js';
import { describePath, validateAgainstSchema, type ManifestKind } from './schema-validator.js';
import { normaliseAppSpec } from './normalise.js';
import { checkSocketSpec } from './check-socket.js';
import { hashSpec } from './spec-hash.js';
import { checkAppSpec } from './check-app-spec.js';
import type { AppManifest, AppSpecInput } from './generated/app.js';
import { findNulInText, findNulInValue } from './text-checks.js';
import type { PortClaimManifest } from './generated/portclaim.js';
import type { Resource } from './types.js';

export interface ParseResult {
  resources: Resource[];
  errors: ManifestError[];
}

const KINDS: readonly ManifestKind[] = ['App', 'PortClaim'];

/** The node at `path`, or the nearest ancestor that exists; with `key`, the key's own node. */
function nodeAt(doc: Document, segments: (string | number)[], key?: string): Node | undefined {
  for (let depth = segments.length; depth >= 0; depth--) {
    const prefix = segments.slice(0, depth);
    const lookup = key !== undefined && depth === segments.length ? prefix.slice(0, -1) : prefix;
    const node = (lookup.length === 0 ? doc.contents : doc.getIn(lookup, true)) as Node | undefined;
    if (!node) continue;
    if (key !== undefined && depth === segments.length && isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (pair && isPair(pair) && pair.key) return pair.key as Node;
      continue;
    }
    return node;
  }
  return undefined;
}

/** Where each dependsOn and envFile entry is, for the checks that run after parsing (cycles, env files). */
function entryPositions(spec: AppSpecInput, position: (segments: (string | number)[]) => SourcePosition): Record<string, SourcePosition> {
  const positions: Record<string, SourcePosition> = {};
  const note = (segments: (string | number)[]) => (positions[describePath(segments)] = position(segments));
  (spec.dependsOn ?? []).forEach((_, index) => note(['spec', 'dependsOn', index]));
  if (typeof spec.envFile === 'string') note(['spec', 'envFile']);
  else (spec.envFile ?? []).forEach((_, index) => note(['spec', 'envFile', index]));
  return positions;
}

/** Manifests are small; a huge file would block the controller for seconds in the YAML parser. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

export interface ParseOptions {
  /** How errors name the file (default `file`). */
  display?: string;
  /** The folder relative paths resolve against; default the folder of `file`. */
  dir?: string;
}

/**
 * `file` is where the text lives (relative paths resolve against its folder;
 * resources record it absolute); `display` is how errors name it.
 */
export function parseManifestText(text: string, file: string, { display = file, dir }: ParseOptions = {}): ParseResult {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_MANIFEST_BYTES) {
    const mib = (size / MAX_MANIFEST_BYTES).toFixed(1);
    return { resources: [], errors: [new ManifestError({ file: display, line: 1, col: 1 }, `file is ${mib} MiB; a manifest file may be at most 1 MiB (split it, or move data out of it)`)] };
  }
  const nul = findNulInText(text);
  if (nul) return { resources: [], errors: [new ManifestError({ file: display, ...nul }, 'NUL byte: a manifest is text, and no argument, environment variable or path can hold one')] };
  const lineCounter = new LineCounter();
  // logLevel error: yaml's warnings (a whole map used as a key) go to stderr as node warnings; the key is reported as an error line anyway
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const resources: Resource[] = [];
  const errors: ManifestError[] = [];
  const at = (offset: number | undefined): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { file: display, line, col };
  };
  const absolute = path.resolve(file);

  if (!Array.isArray(docs)) return { resources, errors };
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        const pos = err.linePos?.[0];
        const message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
        errors.push(new ManifestError(pos ? { file: display, line: pos.line, col: pos.col } : at(err.pos[0]), `invalid YAML: ${message}`));
      }
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      // Unresolved aliases and alias bombs fail only when the document is resolved.
      errors.push(new ManifestError(at(doc.contents?.range?.[0]), `invalid YAML: ${(err as Error).message}`));
      continue;
    }
    if (value === null || value === undefined) continue; // an empty document between '---' separators
    const position = (segments: (string | number)[], key?: string) => at(nodeAt(doc, segments, key)?.range?.[0]);

    if (typeof value !== 'object' || Array.isArray(value)) {
      errors.push(new ManifestError(position([]), 'a manifest must be a map with apiVersion, kind, metadata and spec'));
      continue;
    }
    const record = value as Record<string, unknown>;
    if (record.apiVersion !== 'berth/v1') {
      const got = record.apiVersion === undefined ? 'it is missing' : `got ${JSON.stringify(record.apiVersion)}`;
      errors.push(new ManifestError(position(['apiVersion']), `apiVersion: must be "berth/v1", ${got}`));
      continue;
    }
    if (!KINDS.includes(record.kind as ManifestKind)) {
      const got = record.kind === undefined ? 'it is missing' : `got ${JSON.stringify(record.kind)}`;
      errors.push(new ManifestError(position(['kind']), `kind: must be App or PortClaim, ${got}`));
      continue;
    }
    const kind = record.kind as ManifestKind;
    const nulAt = findNulInValue(record);
    if (nulAt) {
      // "\0" escapes in quoted strings: no program could be given such a value
      errors.push(new ManifestError(position(nulAt), `${describePath(nulAt)}: contains a NUL character, which no argument, environment variable or path can hold`));
      continue;
    }
    const problems = validateAgainstSchema(kind, record);
    if (problems.length > 0) {
      for (const problem of problems) errors.push(new ManifestError(position(problem.path, problem.key), problem.message));
      continue;
    }
    const source = { ...at(doc.contents?.range?.[0]), file: absolute };
    if (kind === 'PortClaim') {
      const claim = record as unknown as PortClaimManifest;
      const spec = { tcp: claim.spec.tcp ?? 0, udp: claim.spec.udp ?? 0 };
      resources.push({ kind, metadata: { name: claim.metadata.name, labels: claim.metadata.labels ?? {}, annotations: claim.metadata.annotations ?? {} }, spec, specHash: hashSpec(spec), source });
      continue;
    }
    const app = record as unknown as AppManifest;
    const socketProblem = checkSocketSpec(app.spec);
    if (socketProblem) {
      errors.push(new ManifestError(position(socketProblem.path), socketProblem.message));
      continue;
    }
    const appProblems = checkAppSpec(app.spec, app.metadata.name);
    if (appProblems.length > 0) {
      for (const problem of appProblems) errors.push(new ManifestError(position(problem.path), problem.message));
      continue;
    }
    const spec = normaliseAppSpec(app.spec, dir ?? path.dirname(absolute));
    resources.push({
      kind,
      metadata: { name: app.metadata.name, labels: app.metadata.labels ?? {}, annotations: app.metadata.annotations ?? {} },
      spec,
      specHash: hashSpec(spec),
      source,
      positions: entryPositions(app.spec, position),
    });
  }
  return { resources, errors };
}
