/**
 * The shape of one CLI command. cli.ts imports a command's module only when
 * it runs, so a command never loads what only others need (ajv, chokidar, xstate).
 *
 * @example
 * export const command: Command = {
 *   name: 'ports', summary: 'Show port allocations', usage: 'berth ports [-o json]',
 *   options: { output: { type: 'string', short: 'o' } },
 *   async run({ values }, ctx) { ctx.out('...'); return 0; },
 * };
 */
import type { ParseArgsConfig } from 'node:util';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  /** Resolved --home (default $BERTH_HOME, else ~/.berth), absolute. */
  home: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Write a line (newline added) to stdout / stderr. */
  out: (line: string) => void;
  err: (line: string) => void;
  stdin: NodeJS.ReadableStream;
  isTTY: boolean;
  /** Colours allowed on stdout: a terminal, and NO_COLOR unset. */
  color: boolean;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  /** The words after the command name, unparsed (for subcommands). */
  argv: string[];
}

export interface Command {
  name: string;
  aliases?: string[];
  summary: string;
  /** One or more usage lines, shown by --help. */
  usage: string;
  options: OptionsConfig;
  /** Extra help text (option descriptions, examples). */
  help?: string;
  /** Rewrites argv before strict parsing, e.g. so `scale web -2` reads -2 as a count, not a flag. */
  normaliseArgv?(argv: string[]): string[];
  /** Subcommand-style commands parse argv themselves. */
  rawArgs?: boolean;
  run(args: ParsedArgs, ctx: CommandContext): Promise<number>;
}
