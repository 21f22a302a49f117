// Runs every compiled test file with node's built-in runner. Node 20 takes no
// glob on the command line and 22+ treats arguments as globs, so list the
// files here and pass them explicitly: the same on every supported Node.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const root = new URL('../dist/test/', import.meta.url).pathname;
const filter = process.argv.slice(2);
const files = [];
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.test.js')) files.push(full);
  }
})(root);
const selected = filter.length ? files.filter((f) => filter.some((word) => f.includes(word))) : files;
if (selected.length === 0) {
  console.error('no test files found under dist/test');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', '--test-timeout=180000', '--test-reporter=spec', ...selected.sort()], { stdio: 'inherit' });
process.exit(result.status ?? 1);
