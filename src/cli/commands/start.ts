/**
 * `berth start NAME` starts a stopped app; `berth start "node server.js"
 * --name web --port 3000 [--instances N]` (PMDaemon style) or `berth start
 * app.js` (PM2 style: interpreter by extension) writes the equivalent
 * manifest into the watched directory, through the same checks as apply.
 */
import { Readable } from 'node:stream';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Command } from '../command.js';
import { runAppActions, TARGETS_USAGE, TARGETS_HELP } from '../app-action-command.js';
import { examplesHelp } from '../format/examples.js';
import { isTargetWord, parseTarget } from '../targets.js';
import { resolveManifestDir } from '../../apply/manifest-dir.js';
import { applyDocuments } from '../../apply/apply-documents.js';
import { resourceRef } from '../../apply/plan-apply.js';
import { loadManifestDir } from '../../manifest/load-manifest-dir.js';
import { displayPath } from '../../manifest/display-path.js';
import { BerthError, UsageError } from '../../errors.js';
import { splitArgs, toDnsLabel } from '../../manifest/ecosystem/index.js';
import { checkPortSpecFits, parsePortSpec } from '../../ports/port-spec.js';
import { interpreterFor } from '../../manifest/ecosystem/convert-command.js';
import { instanceCount } from '../../manifest/ecosystem/convert-instances.js';
import { availableParallelism } from 'node:os';
import { existsSync, statSync } from 'node:fs';

/** `berth start ecosystem.config.js` (PM2's first habit): a config file, applied rather than run. */
function isConfigFile(word: string, cwd: string): boolean {
  if (!/(?:\.config\.[cm]?js|\.json|\.ya?ml)$/i.test(word)) return false;
  const file = path.resolve(cwd, word);
  return existsSync(file) && statSync(file).isFile();
}

function parseEnvFlags(values: unknown): Record<string, string> {
  const env: Record<string, string> = {};
  for (const item of (values as string[] | undefined) ?? []) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--env takes KEY=VALUE, got "${item}"`);
    env[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return env;
}

export function manifestForCommand(commandLine: string, options: { name?: string; port?: string; instances?: string; cpus?: number; cwd: string; env: Record<string, string>; shell: boolean }): Record<string, unknown> {
  const words = options.shell ? [commandLine] : splitArgs(commandLine);
  if (words.length === 0) throw new UsageError('start needs a command, e.g. berth start "node server.js" --name web');
  let [script, ...args] = words as [string, ...string[]];
  const interpreter = options.shell ? undefined : interpreterFor(script);
  if (interpreter) [script, args] = [interpreter, [words[0]!, ...args]];
  const base = options.name ?? path.basename(words[0]!).replace(/\.[A-Za-z0-9]+$/, '');
  const name = options.name ?? toDnsLabel(base);
  const spec: Record<string, unknown> = { script, ...(args.length ? { args } : {}), cwd: options.cwd };
  if (options.shell) spec.shell = true;
  if (Object.keys(options.env).length) spec.env = options.env;
  if (options.instances !== undefined) {
    // PM2's -i: a count, max (one per CPU), 0 (the same) or -N (N fewer than the CPUs)
    const n = instanceCount(options.instances, options.cpus ?? availableParallelism());
    if (!n || !/^(?:-?[0-9]+|max)$/i.test(options.instances.trim())) throw new UsageError(`--instances must be a whole number or max, got "${options.instances}"`);
    spec.instances = n.count;
  }
  if (options.port !== undefined) checkPortSpecFits(parsePortSpec(options.port), (spec.instances as number | undefined) ?? 1);
  if (options.port !== undefined) spec.port = /^[0-9]+$/.test(options.port) ? Number(options.port) : options.port;
  return { apiVersion: 'berth/v1', kind: 'App', metadata: { name, annotations: { 'berth.dev/created-by': 'berth start' } }, spec };
}

export const command: Command = {
  name: 'start',
  summary: 'Start a stopped app, or run a command: writes its manifest into the watched directory (PMDaemon/PM2 style).',
  usage: `berth start ${TARGETS_USAGE}\nberth start "CMD ARGS" [--name NAME] [--port SPEC] [--instances N] [--env K=V]... [--shell] [--dir DIR]\nberth start app.js [--name NAME] [-i N|max] ...`,
  help: [
    TARGETS_HELP,
    'A bare script runs with its interpreter by extension: .js/.mjs/.cjs node, .py python3, .sh bash; anything else is executed directly. No shell unless --shell.',
    '-i N | max | 0 | -N: instances as PM2 counts them (max and 0: one per CPU; -N: N fewer, written -i-1 or --instances=-1).',
    'A config file (ecosystem.config.js, *.json, *.yaml) is applied as `berth apply -f FILE [--env NAME]` would.',
    '',
    examplesHelp(['berth start web', 'berth start web/1', 'berth start all', 'berth start app.js -i max', 'berth start ecosystem.config.js --env production', 'berth start "python3 -m http.server" --name files --port 8000']),
  ].join('\n'),
  options: {
    name: { type: 'string', short: 'n' },
    port: { type: 'string', short: 'p' },
    instances: { type: 'string', short: 'i' },
    env: { type: 'string', short: 'e', multiple: true },
    shell: { type: 'boolean' },
    dir: { type: 'string' },
    wait: { type: 'boolean' },
    selector: { type: 'string', short: 'l' },
  },
  async run({ values, positionals }, ctx) {
    const imperative = values.name !== undefined || values.port !== undefined || values.instances !== undefined || values.shell === true;
    if (!imperative && (values.selector !== undefined || (positionals.length > 0 && positionals.every(isTargetWord)))) {
      // `berth start web` starts an app; `berth start redis-server` (no such app) runs a program.
      const single = positionals.length === 1 && positionals[0] !== 'all' ? parseTarget(positionals[0]!) : undefined;
      if (!single || (await loadManifestDir(await resolveManifestDir(ctx, values.dir as string | undefined), { missingOk: true })).resources.has(single.app)) {
        return runAppActions(ctx, 'start', { words: positionals, selector: values.selector as string | undefined });
      }
    }
    if (positionals.length !== 1) throw new UsageError('start takes app names, or one command in quotes: berth start "node server.js" --name web');
    const [target] = positionals as [string];
    const dir = await resolveManifestDir(ctx, values.dir as string | undefined);
    if (!imperative && isConfigFile(target, ctx.cwd)) {
      const envs = (values.env as string[] | undefined) ?? [];
      if (envs.length > 1 || envs.some((e) => e.includes('='))) throw new UsageError('with a config file, --env names one env_NAME block: berth start ecosystem.config.js --env production');
      const { writes, warnings } = await applyDocuments({ target, recursive: false, dir, home: ctx.home, cwd: ctx.cwd, stdin: ctx.stdin, envName: envs[0], dryRun: false });
      for (const warning of warnings) ctx.err(`Warning: ${warning}`);
      for (const write of writes) ctx.out(`${resourceRef(write)} ${write.change}`);
      return 0;
    }
    const manifest = manifestForCommand(target, {
      name: values.name as string | undefined,
      port: values.port as string | undefined,
      instances: values.instances as string | undefined,
      cwd: ctx.cwd,
      env: parseEnvFlags(values.env),
      shell: Boolean(values.shell),
    });
    const name = (manifest.metadata as { name: string }).name;
    const existing = (await loadManifestDir(dir, { missingOk: true })).resources.get(name);
    if (existing) throw new BerthError('MANIFEST_CONFLICT', `app "${name}" already exists (${displayPath(existing.source.file, ctx.cwd)}); use \`berth restart ${name}\` or edit its manifest`);
    const { writes } = await applyDocuments({ target: '-', recursive: false, dir, home: ctx.home, cwd: ctx.cwd, stdin: Readable.from([stringify(manifest)]), dryRun: false });
    for (const write of writes) ctx.out(`${resourceRef(write)} ${write.change} (${path.relative(ctx.cwd, write.file) || write.file})`);
    return 0;
  },
};
