#!/usr/bin/env node
/**
 * The `berth` bin. `npm run build` bundles this file, with everything `berth
 * list` needs, into one CommonJS file, dist/src/cli/main.cjs, and makes
 * dist/src/cli/main.js a link to it (scripts/bundle-cli.mjs): one file to
 * load and no ESM loader to start, which was most of what `berth list` cost
 * over a bare `node` (issue 19). So `list` (ls, get, status) runs here, from
 * the bundle; every other command runs the second bundle, cli.bundle.mjs
 * (the command line and the controller, whitespace minified; imported by URL, which the
 * bundler leaves alone: scripts/bundle-cli.mjs says why). A command runs
 * wholly in one of the two, so no object of one copy of a module ever meets
 * the other's (an `instanceof BerthError` would fail across them).
 */
import { ALIASES } from './aliases.js';
import { command as list } from './commands/list.js';
import { extractHome, runCommand, settle } from './run-command.js';

function listArgs(argv: string[]): { home?: string; args: string[] } | undefined {
  try {
    const { home, rest } = extractHome(argv);
    const [word, ...args] = rest;
    return word !== undefined && (ALIASES[word] ?? word) === list.name ? { home, args } : undefined;
  } catch {
    return undefined; // a bad --home: the command line says so
  }
}

const argv = process.argv.slice(2);
const forList = listArgs(argv);
if (forList) settle(runCommand(list, forList.args, forList.home));
else {
  import(new URL('./cli.bundle.mjs', import.meta.url).href).then(
    (cli: typeof import('./cli.js')) => cli.runCli(argv),
    (err: unknown) => settle(Promise.reject(err)),
  );
}
