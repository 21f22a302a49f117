// The V8 flags the controller sets at run time exist in the Node that runs the tests: V8 takes an
// unknown one with an "unrecognized flag" line and nothing else, so a Node whose V8 dropped one
// would lose the setting quietly. (What they do to the heap is measured in bench/, not here.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const moduleUrl = (name: string) => new URL(`../../src/daemon/${name}.js`, import.meta.url).href;

/** The statement that calls `fn` of src/daemon/<name>.ts, for the head of a script. */
const callFirst = (name: string, fn: string) => `(await import(${JSON.stringify(moduleUrl(name))})).${fn}();`;

/** Runs `script` as an ES module in a fresh node with `nodeFlags`; asserts it exits 0. */
function runScript(nodeFlags: string[], script: string): { stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [...nodeFlags, '--input-type=module', '-e', script], { encoding: 'utf8', cwd: fileURLToPath(new URL('.', import.meta.url)) });
  assert.equal(run.status, 0, run.stderr);
  return run;
}

for (const [name, fn] of [['young-generation', 'keepYoungGenerationSmall'], ['memory-reducer', 'oneMemoryReducerGc'], ['bytecode-only', 'runBytecodeOnly'], ['full-compaction', 'compactOnEveryFullGc']] as const) {
  test(`${fn}() sets a flag this V8 knows`, () => {
    const run = runScript([], `${callFirst(name, fn)} console.log('set');`);
    assert.equal(run.stdout.trim(), 'set');
    assert.doesNotMatch(run.stdout + run.stderr, /unrecognized flag/);
  });
}

// V8's %GetOptimizationStatus bits (src/runtime/runtime.h): what the function runs as now.
const OPTIMIZED = 1 << 4;
const INTERPRETED = 1 << 7;

/** How a hot function runs after 200 000 calls, with or without runBytecodeOnly() first. */
function hotFunctionStatus(bytecodeOnly: boolean): number {
  const script = `${bytecodeOnly ? callFirst('bytecode-only', 'runBytecodeOnly') : ''}
function hot(x) { let s = 0; for (let i = 0; i < 100; i++) s += (x * i) % 7; return s; }
let total = 0; for (let i = 0; i < 200000; i++) total += hot(i);
console.log(%GetOptimizationStatus(hot));`;
  return Number(runScript(['--allow-natives-syntax'], script).stdout.trim());
}

test('runBytecodeOnly() set at run time keeps a hot function in the interpreter (without it, V8 optimises it)', () => {
  const jit = hotFunctionStatus(false);
  assert.ok(jit & OPTIMIZED, `without the flags the hot function is optimised (status ${jit.toString(2)})`);
  const bytecode = hotFunctionStatus(true);
  assert.ok(!(bytecode & OPTIMIZED), `status ${bytecode.toString(2)}`);
  assert.ok(bytecode & INTERPRETED, `status ${bytecode.toString(2)}`);
});

/** Old space's size after 90 % of 200 000 objects die and a full GC runs, with or without compactOnEveryFullGc() first. */
function oldSpaceAfterMostDie(compact: boolean): number {
  const script = `${compact ? callFirst('full-compaction', 'compactOnEveryFullGc') : ''}
const v8 = await import('node:v8');
let keep = []; for (let i = 0; i < 200000; i++) keep.push({ i, s: 'x' + i });
gc(); gc();
keep = keep.filter((_, i) => i % 10 === 0);
gc();
console.log(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space').space_size);`;
  return Number(runScript(['--expose-gc'], script).stdout.trim());
}

test('compactOnEveryFullGc() set at run time gives the pages of dead objects back (without it, V8 keeps them)', () => {
  const kept = oldSpaceAfterMostDie(false);
  const compacted = oldSpaceAfterMostDie(true);
  assert.ok(compacted < kept / 2, `old space ${compacted} bytes compacted vs ${kept} without`);
});
