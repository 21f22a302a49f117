/**
 * Parses the text of a JSON or YAML ecosystem config into plain data and a
 * Locator for its fields' positions, or throws a ManifestError at the
 * file:line:col of the syntax error. JSON is checked strictly (JSON.parse),
 * then read once more with yaml's parser only for positions: valid JSON is
 * valid YAML, and that keeps one way of locating fields.
 */
import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
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

function parseJson(text: string, file: string): ParsedConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const problem = locateJsonError(text) ?? { offset: 0, message: (err as Error).message };
    throw new ManifestError({ file, ...lineColAt(text, problem.offset) }, `invalid JSON: ${problem.message}`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
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
