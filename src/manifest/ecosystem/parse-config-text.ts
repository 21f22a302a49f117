/**
 * Parses the text of a JSON or YAML ecosystem config into plain data and a
 * Locator for its fields' positions, or throws a ManifestError at the
 * file:line:col of the syntax error. PM2 reads .json configs as JavaScript
 * object literals (comments, bare keys, single quotes, trailing commas), so
 * JSON that JSON.parse refuses is read as JSON5. The text is read once more
 * with yaml's parser (comments blanked) only for positions: JSON5 objects
 * are YAML flow maps, and that keeps one way of locating fields.
 */
import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
import JSON5 from 'json5';
import { ManifestError } from '../../errors.js';
import type { FieldPath, Locator } from './field-reporter.js';
import { lineColAt, locateJsonError } from './locate-json-error.js';

export interface ParsedConfig {
  value: unknown;
  locate: Locator;
}

function locatorFor(doc: Document, lineCounter: LineCounter): Locator {
  // the node at the path, or the nearest ancestor that exists (a missing field points at its map)
  return (path: FieldPath) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = (depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true)) as Node | null | undefined;
      const offset = node?.range?.[0];
      if (offset !== undefined) return lineCounter.linePos(offset);
    }
    return undefined;
  };
}

/** The text with line and block comments outside strings replaced by spaces (offsets and lines kept). */
export function blankComments(text: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      out += ch;
    } else if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const end = text[i + 1] === '/' ? text.indexOf('\n', i) : text.indexOf('*/', i + 2) + 2;
      const stop = end <= 1 || end === -1 ? text.length : end;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop - 1;
    } else out += ch;
  }
  return out;
}

function parseJson(text: string, file: string): ParsedConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    try {
      value = JSON5.parse(text);
    } catch (err) {
      // JSON5's position is right for files that use its syntax; the strict scanner words it better when they agree
      const { lineNumber, columnNumber, message } = err as SyntaxError & { lineNumber?: number; columnNumber?: number };
      const strict = locateJsonError(text);
      const strictAt = strict ? lineColAt(text, strict.offset) : undefined;
      const at = lineNumber !== undefined && columnNumber !== undefined ? { line: lineNumber, col: columnNumber } : strictAt ?? { line: 1, col: 1 };
      const detail = strict && strictAt!.line === at.line && strictAt!.col === at.col ? strict.message : message.replace(/^JSON5: /, '').replace(/ at \d+:\d+$/, '');
      throw new ManifestError({ file, ...at }, `invalid JSON: ${detail}`);
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(blankComments(text), { lineCounter, uniqueKeys: false });
  return { value, locate: locatorFor(doc, lineCounter) };
}

function parseYaml(text: string, file: string): ParsedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [err] = doc.errors;
  if (err) {
    const pos = err.linePos?.[0] ?? lineCounter.linePos(err.pos[0]);
    const message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ManifestError({ file, line: pos.line, col: pos.col }, `invalid YAML: ${message}`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (toJsError) {
    // alias bombs and unresolved aliases fail only here: at the document, like every other error
    const pos = lineCounter.linePos(doc.contents?.range?.[0] ?? 0);
    throw new ManifestError({ file, line: pos.line, col: pos.col }, `invalid YAML: ${(toJsError as Error).message}`);
  }
  return { value, locate: locatorFor(doc, lineCounter) };
}

/**
 * @example parseConfigText('{"apps": []}', 'ecosystem.json', 'pmdaemon-json').value → {apps: []}
 * @throws ManifestError "ecosystem.json:3:5: invalid JSON: unexpected "}", expected a value"
 */
export function parseConfigText(text: string, file: string, format: 'pmdaemon-json' | 'pmdaemon-yaml'): ParsedConfig {
  const body = text.replace(/^\uFEFF/, '');
  return format === 'pmdaemon-json' ? parseJson(body, file) : parseYaml(body, file);
}
