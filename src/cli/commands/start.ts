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
import { parseInstanceCount } from '../parse-instance-count.js';
import { ApiClient } from '../../api/api-client.js';
import { resolveManifestDir } from '../../apply/manifest-dir.js';
import { applyDocuments } from '../../apply/apply-documents.js';
import { resourceRef } from '../../apply/plan-apply.js';
import { loadManifestDir } from '../../manifest/load-manifest-dir.js';
import { displayPath } from '../../manifest/display-path.js';
import { BerthError, UsageError } from '../../errors.js';
import { splitArgs, toDnsLabel } from '../../manifest/ecosystem/index.js';
import { checkPortSpecFits, parsePortSpec } from '../../ports/port-spec.js';
import { interpreterFor } from '../../manifest/ecosystem/convert-command.js';

function parseEnvFlags(values: unknown): Record<string, string> {
  const env: Record<string, string> = {};
  for (const item of (values as string[] | undefined) ?? []) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--env takes KEY=VALUE, got "${item}"`);
    env[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return env;
}

export function manifestForCommand(commandLine: string, options: { name?: string; port?: string; instances?: string; cwd: string; env: Record<string, string>; shell: boolean }): Record<string, unknown> {
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
    spec.instances = parseInstanceCount(options.instances, '--instances');
  }
  if (options.port !== undefined) checkPortSpecFits(parsePortSpec(options.port), (spec.instances as number | undefined) ?? 1);
  if (options.port !== undefined) spec.port = /^[0-9]+$/.test(options.port) ? Number(options.port) : options.port;
  return { apiVersion: 'berth/v1', kind: 'App', metadata: { name, annotations: { 'berth.dev/created-by': 'berth start' } }, spec };
}

export const command: Command = {
  name: 'start',
  summary: 'Start a stopped app, or run a command: writes its manifest into the watched directory (PMDaemon/PM2 style).',
  usage: 'berth start NAME\nberth start "CMD ARGS" [--name NAME] [--port SPEC] [--instances N] [--env K=V]... [--shell] [--dir DIR]\nberth start app.js [--name NAME] ...',
  help: 'A bare script runs with its interpreter by extension: .js/.mjs/.cjs node, .py python3, .sh bash; anything else is executed directly. No shell unless --shell.',
  options: {
    name: { type: 'string', short: 'n' },
    port: { type: 'string', short: 'p' },
    instances: { type: 'string', short: 'i' },
    env: { type: 'string', short: 'e', multiple: true },
    shell: { type: 'boolean' },
    dir: { type: 'string' },
    wait: { type: 'boolean' },
  },
  async run({ values, positionals }, ctx) {
    if (positionals.length !== 1) throw new UsageError('start takes one app name, or one command in quotes: berth start "node server.js" --name web');
    const [target] = positionals as [string];
    const dir = await resolveManifestDir(ctx, values.dir as string | undefined);
    const imperative = values.name !== undefined || values.port !== undefined || values.instances !== undefined || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(target);
    if (!imperative) {
      const state = await loadManifestDir(dir, { missingOk: true });
      if (state.resources.has(target)) {
        const { message } = await new ApiClient(ctx.home).act(target, 'start', {});
        ctx.out(message);
        return 0;
      }
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
