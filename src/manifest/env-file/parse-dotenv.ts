/**
 * The dotenv grammar of `node --env-file`, as Node 20 (the runtime berth is
 * pinned to) parses it, quirks included, so a file that works with
 * `node --env-file=.env app.js` gives the app the same variables under berth.
 * Written out rather than taken from the `dotenv` package: dotenv's grammar
 * differs from Node's (it splits on lines first; Node looks for the next `=`
 * across lines, lets quotes span lines, and strips `#` comments only outside
 * quotes). test/manifest/env-file/parse-dotenv.test.ts checks every case of
 * its table against the real `node --env-file`.
 *
 * What the grammar comes to:
 * - `KEY=value`, spaces (not tabs) around key and value trimmed; `export KEY=`
 *   drops the `export `; a later KEY wins.
 * - A value that starts with `"`, `'` or `` ` `` ends at the next same quote,
 *   even on a later line; in `"..."` the two characters `\n` become a newline.
 *   What follows the closing quote on its line is ignored.
 * - An unquoted value ends at the line's end or at a `#`.
 * - A line that starts with `#` is a comment, except as the file's last line
 *   without a trailing newline (Node then reads `#KEY=v` as the key `#KEY`).
 * - Text without `=` runs into the next key (`A\nB=1` sets "A\nB"); a line
 *   that starts with `=` ends the file, one that starts with spaces and `=`
 *   sets the key "\n".
 */

/** Node trims only the space character, never tabs. */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  return text.slice(start, end);
}

const QUOTES = new Set(['"', "'", '`']);

/**
 * @example parseDotenv('export A=1\nB="x\\ny" # note\n') // → { A: '1', B: 'x\ny' }
 */
export function parseDotenv(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  const set = (key: string, value: string) => {
    // defineProperty: a key such as "__proto__" must be a plain entry
    Object.defineProperty(env, key, { value, enumerable: true, writable: true, configurable: true });
  };
  let rest = trimSpaces(text.replace(/\r/g, ''));
  while (rest.length > 0) {
    if (rest[0] === '\n' || rest[0] === '#') {
      const newline = rest.indexOf('\n');
      if (newline !== -1) {
        rest = rest.slice(newline + 1);
        continue;
      }
    }
    const equals = rest.indexOf('=');
    if (equals === -1) break;
    const rawKey = rest.slice(0, equals);
    // Node 20's trim steps one byte back on a key of only spaces, and that byte is always the newline before it.
    let key = rawKey.length > 0 && trimSpaces(rawKey) === '' ? '\n' : trimSpaces(rawKey);
    rest = trimSpaces(rest.slice(equals + 1));
    if (key.length === 0) break;
    if (key.startsWith('export ')) key = key.slice('export '.length);
    if (rest.length === 0) {
      set(key, '');
      break;
    }
    const quote = rest[0]!;
    if (QUOTES.has(quote)) {
      const closing = rest.indexOf(quote, 1);
      if (closing === -1) {
        // An unclosed quote: the line, quote included, is the value; at the end of the file, nothing is.
        const newline = rest.indexOf('\n');
        if (newline !== -1) {
          set(key, rest.slice(0, newline));
          rest = rest.slice(newline + 1);
        }
        continue;
      }
      const quoted = rest.slice(1, closing);
      set(key, quote === '"' ? quoted.replaceAll('\\n', '\n') : quoted);
      const newline = rest.indexOf('\n', closing + 1);
      rest = newline === -1 ? '' : rest.slice(newline + 1);
      continue;
    }
    const newline = rest.indexOf('\n');
    let value = newline === -1 ? rest : rest.slice(0, newline);
    const hash = value.indexOf('#');
    if (hash !== -1) value = value.slice(0, hash);
    set(key, trimSpaces(value));
    rest = newline === -1 ? '' : rest.slice(newline + 1);
  }
  return env;
}
