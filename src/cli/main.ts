#!/usr/bin/env node
/**
 * The `berth` command: finds the command by name, parses its flags strictly
 * (unknown flags are errors), and turns any error into one `Error: ...` line
 * and exit code 1. Command modules load only when they run, so `berth list`
 * starts fast.
 */
import path from 'node:path';
import type { Command, CommandContext } from './command.js';
import { parseFlags } from './parse-flags.js';
import { BerthError, UsageError, toBerthError } from '../errors.js';
import { checkHome } from '../home/check-home.js';
import { resolveHome } from '../home/resolve-home.js';
import { useColour } from '../util/use-colour.js';

export const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  up: () => import('./commands/up.js'),
  down: () => import('./commands/down.js'),
  apply: () => import('./commands/apply.js'),
  diff: () => import('./commands/diff.js'),
  delete: () => import('./commands/delete.js'),
  list: () => import('./commands/list.js'),
  info: () => import('./commands/info.js'),
  env: () => import('./commands/env.js'),
  restart: () => import('./commands/restart.js'),
  reload: () => import('./commands/reload.js'),
  stop: () => import('./commands/stop.js'),
  start: () => import('./commands/start.js'),
  scale: () => import('./commands/scale.js'),
  logs: () => import('./commands/logs.js'),
  flush: () => import('./commands/flush.js'),
  ports: () => import('./commands/ports.js'),
  sync: () => import('./commands/sync.js'),
  startup: () => import('./commands/startup.js'),
  unstartup: () => import('./commands/unstartup.js'),
  completion: () => import('./commands/completion.js'),
  dashboard: () => import('./commands/dashboard.js'),
  top: () => import('./commands/top.js'),
};

export const ALIASES: Record<string, string> = { ls: 'list', get: 'list', describe: 'info', status: 'list' };

const SUMMARIES: [string, string][] = [
  ['up', 'run the controller on a manifest directory'],
  ['down', 'stop every app and the controller'],
  ['apply -f FILE', 'validate and write manifests into the watched directory'],
  ['diff -f FILE', 'show what apply would change'],
  ['delete NAME', 'delete an app (its manifest)'],
  ['list', 'list instances (aliases: ls, get)'],
  ['info NAME', 'ports, conditions and events of an app (alias: describe)'],
  ['env NAME[/INDEX]', 'the whole environment of an instance\'s process (unmasked)'],
  ['restart NAME', 'restart an app, optionally on other ports (--port)'],
  ['reload NAME', 'rolling, graceful restart (--port)'],
  ['stop NAME / start NAME', 'stop or start an app at runtime'],
  ['start "CMD" --name N', 'run a command: writes its manifest'],
  ['scale NAME --instances N', 'change the number of instances'],
  ['logs [NAME]', 'print or follow logs: one app, or every app prefixed NAME/INDEX'],
  ['flush [NAME]', 'empty log files'],
  ['ports', 'port allocations; ports allocate / deallocate'],
  ['sync --repo URL', 'GitOps: keep the manifest directory in step with a git repository'],
  ['startup [--print]', 'start berth at boot (systemd unit); unstartup removes it'],
  ['completion bash|zsh|fish', 'shell completion script'],
  ['dashboard', 'print the web dashboard\'s URL with its token (`up --web`)'],
  ['top', 'live terminal view of every instance: CPU and memory bars'],
];

function mainHelp(): string {
  const width = Math.max(...SUMMARIES.map(([u]) => u.length));
  return [
    'berth: a declarative process manager for one host',
    '',
    'Usage: berth <command> [options]   (every command takes --home DIR; default $BERTH_HOME, else ~/.berth)',
    '',
    'Commands:',
    ...SUMMARIES.map(([usage, summary]) => `  ${usage.padEnd(width)}  ${summary}`),
    '',
    'Run `berth <command> --help` for a command\'s options.',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return [`Usage: ${command.usage.split('\n').join('\n       ')}`, '', command.summary, ...(command.help ? ['', command.help] : []), '', 'Global: --home DIR  state, socket and logs (default $BERTH_HOME, else ~/.berth)'].join('\n');
}

/** Pulls `--home DIR` / `--home=DIR` out of argv wherever it stands. */
function extractHome(argv: string[]): { home?: string; rest: string[] } {
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
    stdin: process.stdin,
    isTTY: Boolean(process.stdout.isTTY),
    color: useColour(process.stdout),
  };
}

export async function main(argv: string[]): Promise<number> {
  const { home, rest } = extractHome(argv);
  const [name, ...args] = rest;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${mainHelp()}\n`);
    return name === undefined ? 1 : 0;
  }
  if (name === '--version' || name === '-v') {
    const { createRequire } = await import('node:module');
    process.stdout.write(`${(createRequire(import.meta.url)('../../../package.json') as { version: string }).version}\n`);
    return 0;
  }
  const load = COMMANDS[ALIASES[name] ?? name];
  if (!load) throw new UsageError(`unknown command "${name}"; run \`berth --help\` for the list`);
  const { command } = await load();
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

const invokedDirectly = process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL((await import('node:fs')).realpathSync(process.argv[1])).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
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
