/**
 * Tells a berth manifest from the ecosystem configs `berth apply -f` also
 * accepts: PM2's ecosystem.config.js/.cjs/.mjs by extension, and JSON or
 * YAML that has no top-level apiVersion (PMDaemon's `{apps: [...]}` or a
 * single app; PM2 reads the same shapes from .json/.yaml).
 */
import path from 'node:path';

export type ConfigFormat = 'berth' | 'pmdaemon-json' | 'pmdaemon-yaml' | 'pm2-js';

const JS_EXTENSIONS = new Set(['.js', '.cjs', '.mjs']);
const TOP_LEVEL_API_VERSION = /^(?:["']apiVersion["']|apiVersion)\s*:/m;

function hasTopLevelApiVersion(json: string): boolean {
  try {
    const value: unknown = JSON.parse(json);
    const docs = Array.isArray(value) ? value : [value];
    return docs.some((doc) => doc !== null && typeof doc === 'object' && 'apiVersion' in doc);
  } catch {
    // broken JSON: the converter reports where; a berth manifest is YAML anyway
    return false;
  }
}

/**
 * `text` is the file's content (unused for JS files, which are never read as text here).
 * A file whose extension says nothing (stdin, "-") is judged by its content.
 *
 * @example detectConfigFormat('ecosystem.config.js', '') === 'pm2-js'
 * @example detectConfigFormat('apps.yaml', 'apps:\n  - name: web\n') === 'pmdaemon-yaml'
 * @example detectConfigFormat('web.yaml', 'apiVersion: berth/v1\nkind: App\n') === 'berth'
 */
export function detectConfigFormat(file: string, text: string): ConfigFormat {
  const extension = path.extname(file).toLowerCase();
  if (JS_EXTENSIONS.has(extension)) return 'pm2-js';
  const body = text.replace(/^\uFEFF/, '');
  // PM2's .json may open with comments (JSON5)
  const looksJson = extension === '.json' || (extension !== '.yaml' && extension !== '.yml' && /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*[[{]/.test(body));
  if (looksJson) return hasTopLevelApiVersion(body) ? 'berth' : 'pmdaemon-json';
  return TOP_LEVEL_API_VERSION.test(body) ? 'berth' : 'pmdaemon-yaml';
}
