/**
 * What to run: PM2's script + interpreter + node_args + args become berth's
 * program and argument list. In PM2 `script` is usually a file run by an
 * interpreter chosen by its extension (`app.js` runs as `node app.js`); in
 * PMDaemon it is the program itself (`node` with args `[server.js]`). Both
 * end up as berth's `script: node, args: [app.js]`.
 */
import type { AppFields } from './app-fields.js';
import { describeValue } from './field-reporter.js';
import { splitArgs } from './split-args.js';
import { expandHome } from './expand-home.js';

/** As SPEC.md has `berth start app.js` choose; anything else is executed directly. */
const INTERPRETER_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.js': 'node',
  '.mjs': 'node',
  '.cjs': 'node',
  '.py': 'python3',
  '.sh': 'bash',
};

/** @example interpreterFor('./server.js') === 'node'; interpreterFor('npm') === undefined */
export function interpreterFor(script: string): string | undefined {
  const extension = /\.[A-Za-z0-9]+$/.exec(script)?.[0].toLowerCase();
  return extension === undefined ? undefined : INTERPRETER_BY_EXTENSION[extension];
}

/** args / node_args: a list, or a string split as a shell would (without one). */
function readArgList(fields: AppFields, ...keys: string[]): { key: string; args: string[] } | undefined {
  const taken = fields.take(...keys);
  if (!taken) return undefined;
  const { key, value } = taken;
  if (typeof value === 'string') {
    try {
      return { key, args: splitArgs(value) };
    } catch (err) {
      return fields.report.fail(key, (err as Error).message);
    }
  }
  if (!Array.isArray(value)) return fields.report.fail(key, `must be a list or a string, got ${describeValue(value)}`);
  const args = value.map((item: unknown, index) => {
    if (typeof item === 'string') return item;
    if (typeof item === 'number' || typeof item === 'boolean') return String(item);
    return fields.report.fail([key, index], `must be a string, got ${describeValue(item)}`);
  });
  return { key, args };
}

/** `script` and its aliases: PM2's exec, and cmd / command as people write them. */
export const SCRIPT_KEYS = ['script', 'exec', 'cmd', 'command'] as const;

export interface Command {
  script: string;
  args: string[];
}

/**
 * @example {script: 'server.js', node_args: '--inspect'} → {script: 'node', args: ['--inspect', 'server.js']}
 * @example {script: 'node', args: ['server.js']} (PMDaemon) → the same program and args
 */
export function convertCommand(fields: AppFields): Command {
  const { report } = fields;
  const taken = fields.take(...SCRIPT_KEYS);
  if (!taken) return report.fail(undefined, 'missing required field "script"');
  if (typeof taken.value !== 'string' || taken.value.trim() === '') {
    return report.fail(taken.key, `must be the program or file to run, got ${describeValue(taken.value)}`);
  }
  let script = expandHome(taken.value.trim());
  let args = readArgList(fields, 'args')?.args ?? [];
  if (/\s/.test(script) && args.length === 0) {
    // "npm run dev" written as the script, as PMDaemon's and berth's CLIs accept it
    let words: string[];
    try {
      words = splitArgs(script);
    } catch (err) {
      return report.fail(taken.key, (err as Error).message);
    }
    if (!words[0]) return report.fail(taken.key, `must start with the program to run, got ${describeValue(taken.value)}`);
    // cmd and command are command lines by name; a script holding one is worth a word
    if (taken.key === 'script' || taken.key === 'exec') report.warn(taken.key, `split into the program ${JSON.stringify(words[0])} and its arguments`);
    [script, ...args] = words as [string, ...string[]];
  }
  const interpreterField = fields.take('interpreter', 'exec_interpreter');
  if (interpreterField && typeof interpreterField.value !== 'string') {
    report.fail(interpreterField.key, `must be a program name or "none", got ${describeValue(interpreterField.value)}`);
  }
  const interpreterArgs = readArgList(fields, 'node_args', 'interpreter_args', 'interpreterArgs');
  const interpreter = interpreterField ? (interpreterField.value as string).trim() : interpreterFor(script);
  if (interpreter === undefined || interpreter === '' || interpreter === 'none') {
    if (interpreterArgs?.args.length) report.warn(interpreterArgs.key, 'no interpreter runs this script, so these arguments are ignored');
    return { script, args };
  }
  return { script: interpreter, args: [...(interpreterArgs?.args ?? []), script, ...args] };
}
