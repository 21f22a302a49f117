/**
 * kubectl-style tables: upper-case headers, columns padded with two spaces,
 * no borders, so output stays greppable and `awk`-able. A library (cli-table3)
 * would draw boxes we do not want; padding columns is a few lines.
 */

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const visibleLength = (text: string) => text.replace(ANSI, '').length;

/** @example formatTable(['NAME', 'PORT'], [['web', '3000']]) → 'NAME  PORT\nweb   3000' */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(visibleLength(h), ...rows.map((r) => visibleLength(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i]! - visibleLength(cell))))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}
