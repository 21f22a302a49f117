/**
 * The `berth` command line: the command table, `berth --help`, and finding
 * the command by name (aliases too). Command modules load only when they run,
 * so a command pays only for what it uses. The bin (main.ts) runs `berth
 * list` itself, from its bundle, and everything else through runCli here.
 */
import type { Command } from './command.js';
import { UsageError } from '../errors.js';
import { ALIASES } from './aliases.js';
import { extractHome, runCommand, settle } from './run-command.js';

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

export { ALIASES };

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
  return runCommand(command, args, home);
}

/** Runs the command line and sets the exit code; an error is one `Error: ...` line. */
export function runCli(argv: string[]): void {
  settle(main(argv));
}
