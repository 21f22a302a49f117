/**
 * Strict flag parsing for every command: unknown flags are errors, and node's
 * parse error becomes one UsageError line that points at the command's help.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import type { OptionsConfig } from './command.js';

export type ParsedFlags<O extends OptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/**
 * @example parseFlags('ports', ['--bogus'], { output: { type: 'string', short: 'o' } })
 * // throws UsageError: Unknown option '--bogus' (see `berth ports --help`)
 */
export function parseFlags<O extends OptionsConfig>(command: string, args: string[], options: O): ParsedFlags<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    // node's messages are long and mention internals; keep the first sentence
    throw new UsageError(`${(err as Error).message.split('. ')[0]!.replace(/\.$/, '')} (see \`berth ${command} --help\`)`);
  }
}
