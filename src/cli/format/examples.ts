/** The "Examples:" block at the end of a command's --help. */
export function examplesHelp(lines: string[]): string {
  return ['Examples:', ...lines.map((l) => `  ${l}`)].join('\n');
}
