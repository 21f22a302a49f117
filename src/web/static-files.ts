/**
 * The dashboard page: four small files served from memory. They are plain
 * HTML, JS and CSS (no build step, nothing fetched from elsewhere: these
 * hosts may have no internet), read once when the server starts.
 */
import { readFileSync } from 'node:fs';

// dist/src/web/ → src/web/static/ (package.json "files" ships it).
const STATIC_DIR = new URL('../../../src/web/static/', import.meta.url);

export interface StaticFile {
  type: string;
  body: Buffer;
}

const TYPES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'dashboard.js': 'text/javascript; charset=utf-8',
  'widgets.js': 'text/javascript; charset=utf-8',
  'dashboard.css': 'text/css; charset=utf-8',
};

/** URL path → file; `/` is the page. */
export function loadStaticFiles(dir: URL = STATIC_DIR): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const [name, type] of Object.entries(TYPES)) files.set(`/${name}`, { type, body: readFileSync(new URL(name, dir)) });
  files.set('/', files.get('/index.html')!);
  return files;
}
