/**
 * What shell completion knows, built from the CLI's own command table
 * (main.ts) and each command's options, so a new command or flag completes
 * without touching the scripts.
 */
import type { Command } from '../command.js';

export interface CompletionOption {
  long: string;
  short?: string;
  /** Takes a value (`--port 3000`); booleans do not. */
  value: boolean;
}

export interface CompletionCommand {
  name: string;
  aliases: string[];
  description: string;
  options: CompletionOption[];
  /** What its positional words are: app targets (from `berth list -o name`), or nothing known. */
  targets: boolean;
}

/** Commands whose positional words name apps or instances. */
const TARGET_COMMANDS = new Set(['restart', 'reload', 'stop', 'start', 'delete', 'info', 'env', 'logs', 'flush', 'scale', 'list']);

/** Options whose value is a path (file completion). */
export const PATH_OPTIONS = ['filename', 'dir', 'home', 'unit-dir'];
/** The values -o / --output takes. */
export const OUTPUT_VALUES = ['json', 'yaml', 'wide', 'name'];

function description(summary: string): string {
  const first = summary.split(/(?<=[.;:])\s/)[0]!.replace(/[.;:]$/, '');
  return first.length > 70 ? `${first.slice(0, 67)}...` : first;
}

export async function completionModel(table: Record<string, () => Promise<{ command: Command }>>, aliases: Record<string, string>): Promise<CompletionCommand[]> {
  const commands: CompletionCommand[] = [];
  for (const [name, load] of Object.entries(table)) {
    const { command } = await load();
    const options = Object.entries(command.options).map(([long, spec]) => ({ long, short: spec.short, value: spec.type === 'string' }));
    commands.push({
      name,
      aliases: Object.entries(aliases).filter(([, target]) => target === name).map(([alias]) => alias),
      description: description(command.summary),
      options: [...options, { long: 'help', short: 'h', value: false }, { long: 'home', value: true }],
      targets: TARGET_COMMANDS.has(name),
    });
  }
  return commands.sort((a, b) => a.name.localeCompare(b.name));
}
