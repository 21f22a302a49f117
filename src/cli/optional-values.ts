/**
 * String flags whose value may be left out (`berth up --web` alone means
 * 127.0.0.1:9615). util.parseArgs has no such notion, so the default is put
 * in before parsing when the flag ends the line or another flag follows.
 */

/**
 * @example fillOptionalValues(['--web', '--dir', 'm'], { web: '127.0.0.1:9615' }) // ['--web', '127.0.0.1:9615', '--dir', 'm']
 */
export function fillOptionalValues(argv: readonly string[], defaults: Readonly<Record<string, string>> | undefined): string[] {
  if (!defaults) return [...argv];
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    out.push(arg);
    if (arg === '--') {
      out.push(...argv.slice(i + 1));
      break;
    }
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    const next = argv[i + 1];
    if (name !== undefined && Object.hasOwn(defaults, name) && (next === undefined || next.startsWith('-'))) out.push(defaults[name]!);
  }
  return out;
}
