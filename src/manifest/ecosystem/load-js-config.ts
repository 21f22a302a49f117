/**
 * Loads a PM2 ecosystem.config.js/.cjs/.mjs as PM2 does: by running it
 * (it is code, so this runs whatever it contains, exactly as `pm2 start`
 * would) and taking what it exports. PM2 require()s the file; a .js file in
 * a package with "type": "module" is ESM to Node, where the usual
 * `module.exports = {apps}` throws, so there the file is compiled as
 * CommonJS instead, and only real ESM syntax (export default) is imported.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { ManifestError } from '../../errors.js';

/** Node's own rule: the nearest package.json's "type" decides what a .js file is. */
function isEsmPackageScope(file: string): boolean {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { type?: unknown };
      return pkg.type === 'module';
    } catch {
      // no (readable) package.json here: keep walking up, as Node does
    }
    if (path.dirname(dir) === dir) return false;
  }
}

async function importConfig(file: string): Promise<unknown> {
  // a query string defeats the ESM cache, so an edited config is read again
  const namespace = (await import(`${pathToFileURL(file).href}?t=${Date.now()}`)) as { default?: unknown };
  return namespace.default ?? namespace;
}

const ESM_SYNTAX = /Cannot use import statement outside a module|Unexpected token 'export'|import\.meta/;

async function requireConfig(file: string): Promise<unknown> {
  const require = createRequire(file);
  // a second apply in the same process must see the edited file
  delete require.cache[file];
  let exported: unknown;
  try {
    exported = require(file);
  } catch (err) {
    if (err instanceof SyntaxError && ESM_SYNTAX.test(err.message)) return importConfig(file);
    throw err;
  } finally {
    delete require.cache[file];
  }
  // Node versions that require() ES modules hand back the namespace
  if (Object.prototype.toString.call(exported) === '[object Module]') {
    return (exported as { default?: unknown }).default ?? exported;
  }
  return exported;
}

async function compileAsCommonJs(file: string): Promise<unknown> {
  const source = (await readFile(file, 'utf8')).replace(/^#!.*/, '');
  let wrapper: (...args: unknown[]) => void;
  try {
    wrapper = vm.compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: file }) as typeof wrapper;
  } catch (err) {
    if (err instanceof SyntaxError && ESM_SYNTAX.test(err.message)) return importConfig(file);
    throw err;
  }
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  return module.exports;
}

/** Where in the config an error was thrown, from its stack; line 1 col 1 when unknown. */
function positionIn(err: unknown, absolute: string): { line: number; col: number } {
  const stack = err instanceof Error ? (err.stack ?? '') : '';
  const escaped = absolute.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}(?:\\?[^:]*)?:(\\d+)(?::(\\d+))?`).exec(stack);
  return match ? { line: Number(match[1]), col: match[2] ? Number(match[2]) : 1 } : { line: 1, col: 1 };
}

/**
 * The config's export (module.exports, or an ES module's default export).
 *
 * @example await loadJsConfig('ecosystem.config.js') → {apps: [{name: 'web', script: 'server.js'}]}
 * @throws ManifestError naming the file when loading throws
 */
export async function loadJsConfig(file: string): Promise<unknown> {
  const absolute = path.resolve(file);
  try {
    const extension = path.extname(absolute).toLowerCase();
    if (extension === '.mjs') return await importConfig(absolute);
    if (extension === '.js' && isEsmPackageScope(absolute)) return await compileAsCommonJs(absolute);
    return await requireConfig(absolute);
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw new ManifestError({ file, ...positionIn(err, absolute) }, `cannot load the ecosystem config: ${message}`);
  }
}
