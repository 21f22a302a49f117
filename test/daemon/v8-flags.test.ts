// The V8 flags the controller sets at run time exist in the Node that runs the tests: V8 takes an
// unknown one with an "unrecognized flag" line and nothing else, so a Node whose V8 dropped one
// would lose the setting quietly. (What they do to the heap is measured in bench/, not here.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const moduleUrl = (name: string) => new URL(`../../src/daemon/${name}.js`, import.meta.url).href;

for (const [name, fn] of [['young-generation', 'keepYoungGenerationSmall'], ['memory-reducer', 'oneMemoryReducerGc']] as const) {
  test(`${fn}() sets a flag this V8 knows`, () => {
    const script = `const m = await import(${JSON.stringify(moduleUrl(name))}); m.${fn}(); console.log('set');`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: fileURLToPath(new URL('.', import.meta.url)) });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), 'set');
    assert.doesNotMatch(run.stdout + run.stderr, /unrecognized flag/);
  });
}
