/**
 * `berth env NAME[/INDEX]`: the whole environment of an instance's process,
 * unmasked (as `pm2 env`), read from /proc/PID/environ: what actually runs,
 * injected variables included. The explicit ask for what `berth info` masks.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from '../command.js';
import { readInstances } from '../read-state.js';
import { parseTarget } from '../targets.js';
import { BerthError, NotFoundError, UsageError } from '../../errors.js';
import { outputOption, parseOutputFormat, renderData } from '../format/output-format.js';
import { examplesHelp } from '../format/examples.js';

/** Parses /proc/PID/environ (NUL-separated KEY=VALUE). */
export function parseEnviron(raw: Buffer): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of raw.toString('utf8').split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}

export const command: Command = {
  name: 'env',
  summary: 'Print the whole environment of an instance\'s running process (default instance 0), secrets included: what the process actually got.',
  usage: 'berth env NAME[/INDEX] [-o json|yaml]',
  help: examplesHelp(['berth env web', 'berth env web/2 | grep PORT', 'berth env web -o json']),
  options: { ...outputOption },
  async run({ values, positionals }, ctx) {
    const format = parseOutputFormat(values.output);
    if (positionals.length !== 1) throw new UsageError('env takes one app or instance: berth env NAME[/INDEX]');
    const { app, instance = 0 } = parseTarget(positionals[0]!);
    const row = (await readInstances(ctx)).find((r) => r.app === app && r.instance === instance);
    if (!row) throw new NotFoundError(instance === 0 ? `app "${app}"` : `instance ${instance} of app "${app}"`);
    if (row.pid === null) throw new BerthError('USAGE', `${app}/${instance} is not running (${row.status}); its environment exists only while it runs`);
    let env: Record<string, string>;
    try {
      env = parseEnviron(await readFile(`/proc/${row.pid}/environ`));
    } catch (err) {
      throw new BerthError('USAGE', `cannot read the environment of ${app}/${instance} (pid ${row.pid}): ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    // The PID is the store's: make sure it still is this instance (berth injects both).
    if (env.BERTH_APP_NAME !== app || env.BERTH_INSTANCE_ID !== String(instance)) {
      throw new BerthError('USAGE', `process ${row.pid} is no longer ${app}/${instance}; try again`);
    }
    const sorted = Object.fromEntries(Object.entries(env).sort(([a], [b]) => a.localeCompare(b)));
    if (format === 'json' || format === 'yaml') ctx.out(await renderData(sorted, format));
    else for (const [key, value] of Object.entries(sorted)) ctx.out(`${key}=${value}`);
    return 0;
  },
};
