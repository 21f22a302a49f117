/**
 * Runs one command, whichever entry found it: pulls `--home` out of argv,
 * prints the command's --help, checks the home, parses the flags strictly
 * (unknown flags are errors), and turns any error into one `Error: ...` line
 * and its exit code. cli.ts (every command) and main.ts (the bin, which
 * serves `berth list` from its bundle) both run commands through here.
 */
import path from 'node:path';
import type { Command, CommandContext } from './command.js';
import { parseFlags } from './parse-flags.js';
import { BerthError, UsageError, toBerthError } from '../errors.js';
import { checkHome } from '../home/check-home.js';
import { resolveHome } from '../home/resolve-home.js';
import { useColour } from '../util/use-colour.js';

/** Pulls `--home DIR` / `--home=DIR` out of argv wherever it stands. */
export function extractHome(argv: string[]): { home?: string; rest: string[] } {
  const rest: string[] = [];
  let home: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--home') {
      home = argv[++i];
      if (home === undefined) throw new UsageError('--home needs a directory');
    } else if (arg.startsWith('--home=')) home = arg.slice('--home='.length);
    else rest.push(arg);
  }
  return { home, rest };
}

export function makeContext(home: string | undefined): CommandContext {
  const cwd = process.cwd();
  return {
    home: resolveHome({ flag: home, env: process.env, cwd }),
    cwd,
    env: process.env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    // a getter: process.stdin builds its stream on first use (~1 ms), and only apply/delete -f - read it
    get stdin() {
      return process.stdin;
    },
    isTTY: Boolean(process.stdout.isTTY),
    color: useColour(process.stdout),
  };
}

export function commandHelp(command: Command): string {
  return [`Usage: ${command.usage.split('\n').join('\n       ')}`, '', command.summary, ...(command.help ? ['', command.help] : []), '', 'Global: --home DIR  state, socket and logs (default $BERTH_HOME, else ~/.berth)'].join('\n');
}

/** Runs `command` with the words after its name; resolves its exit code. */
export async function runCommand(command: Command, args: string[], home: string | undefined): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${commandHelp(command)}\n`);
    return 0;
  }
  const ctx = makeContext(home);
  // Before anything reads or writes it: a home someone else could have planted things in is refused.
  checkHome(ctx.home);
  try {
    if (command.rawArgs) return await command.run({ values: {}, positionals: [], argv: args }, ctx);
    const parsed = parseFlags(command.name, command.normaliseArgv ? command.normaliseArgv(args) : args, command.options);
    return await command.run({ values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals, argv: args }, ctx);
  } catch (err) {
    // Whatever command met a corrupt state.db: one line naming it and the way out.
    const { asStoreError } = await import('../store/store-errors.js');
    throw asStoreError(err, path.join(ctx.home, 'state.db'));
  }
}

/** Sets the process's exit code from a run: its code, or the error's one line on stderr and its exit code. */
export function settle(run: Promise<number>): void {
  run.then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      const error = toBerthError(err);
      process.stderr.write(`${error.toCliLine()}\n`);
      if (process.env.BERTH_DEBUG && !(err instanceof BerthError)) process.stderr.write(`${(err as Error).stack}\n`);
      process.exitCode = error.exitCode;
    },
  );
}
