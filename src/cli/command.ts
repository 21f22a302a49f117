/**
 * The shape of one CLI command. main.ts imports a command's module only when
 * it runs, so `berth list` never loads ajv, chokidar or xstate.
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
  /** Subcommand-style commands parse argv themselves. */
  rawArgs?: boolean;
  run(args: ParsedArgs, ctx: CommandContext): Promise<number>;
}
