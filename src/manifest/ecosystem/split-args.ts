/**
 * Splits a command line into arguments the way a POSIX shell tokenises it,
 * without running a shell (berth never runs one unless asked): whitespace
 * separates, single quotes keep everything literal, double quotes keep
 * spaces, a backslash escapes the next character. Nothing is expanded
 * ($VAR, globs, ~): that would need the shell.
 */

/** Characters a backslash escapes inside double quotes, as in sh. */
const DOUBLE_QUOTE_ESCAPABLE = '"\\$`';

/**
 * @example splitArgs(`--name "my app" -x 'a b'`) → ['--name', 'my app', '-x', 'a b']
 * @throws TypeError on an unterminated quote
 */
export function splitArgs(line: string): string[] {
  const args: string[] = [];
  let current = '';
  // "" is an (empty) argument, so whether one started is tracked apart from its text
  let started = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    const next = line[i + 1];
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else current += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && next !== undefined && DOUBLE_QUOTE_ESCAPABLE.includes(next)) current += line[++i];
      else current += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      started = true;
    } else if (ch === '\\') {
      i++;
      // backslash-newline is a line continuation in sh: both vanish
      if (next !== undefined && next !== '\n') {
        current += next;
        started = true;
      }
    } else if (/\s/.test(ch)) {
      if (started) args.push(current);
      current = '';
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  if (quote) throw new TypeError(`unterminated ${quote === '"' ? 'double' : 'single'} quote in ${JSON.stringify(line)}`);
  if (started) args.push(current);
  return args;
}
