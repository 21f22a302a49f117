/**
 * `berth apply -f FILE|DIR|-`: validate, check ports, write into the watched
 * directory. `--dry-run[=client|server]` writes nothing; with `-o yaml|json`
 * it prints the manifests it would write (converted ecosystems included), as
 * `kubectl apply --dry-run=client -o yaml` does.
 */
import { parse } from 'yaml';
import type { Command } from '../command.js';
import { applyDocuments } from '../../apply/apply-documents.js';
import { resourceRef, type PlannedWrite } from '../../apply/plan-apply.js';
import { waitForApps } from '../../apply/wait-for-apps.js';
import { parseDuration } from '../../manifest/duration.js';
import { UsageError } from '../../errors.js';
import { applyInputOptions, applyRequestFrom } from '../apply-args.js';
import { examplesHelp } from '../format/examples.js';

type ApplyOutput = 'text' | 'yaml' | 'json' | 'name';

function parseApplyOutput(value: unknown): ApplyOutput {
  if (value === undefined) return 'text';
  if (value === 'yaml' || value === 'json' || value === 'name') return value;
  throw new UsageError(`--output must be yaml, json or name, got "${String(value)}"`);
}

/** The documents themselves (-o yaml|json), or one ref per line (-o name). */
function renderWrites(writes: PlannedWrite[], output: Exclude<ApplyOutput, 'text'>): string {
  const documents = writes.filter((w) => w.text !== undefined);
  if (output === 'name') return writes.map(resourceRef).join('\n');
  // a document parsed from a multi-document file keeps its own '---' marker
  if (output === 'yaml') return documents.map((w) => w.text!.replace(/^---[ \t]*\n/, '').trimEnd()).join('\n---\n');
  return JSON.stringify(documents.map((w) => parse(w.text!) as unknown), null, 2);
}

export const command: Command = {
  name: 'apply',
  summary: 'Validate manifests (schema and port conflicts against the current state), then write them into the watched directory atomically. Accepts berth/v1 YAML and PM2/PMDaemon ecosystem configs (.js, .cjs, .json with comments, .yaml).',
  usage: 'berth apply -f FILE|DIR|- [-R] [--env NAME] [--dry-run[=client]] [-o yaml|json|name] [--prune -l key=value] [--wait] [--timeout 60s] [--dir DIR]',
  help: [
    '--env NAME      ecosystem configs: merge each app\'s env_NAME over its env (pm2 start ecosystem.config.js --env NAME)',
    '--dry-run       check everything, write nothing (=client and =server mean the same: berth always checks against the live state)',
    '-o yaml|json    print the manifests written (or, with --dry-run, that would be)',
    'Every problem of the input is reported, one line each (up to 20 per file); nothing is written then.',
    '',
    examplesHelp(['berth apply -f manifests/', 'berth apply -f ecosystem.config.js --env production', 'berth apply -f ecosystem.json --dry-run -o yaml > web.yaml', 'cat ecosystem.json | berth apply -f -', 'berth apply -f site/ -R --prune -l team=web --wait']),
  ].join('\n'),
  options: { ...applyInputOptions, 'dry-run': { type: 'boolean' }, output: { type: 'string', short: 'o' }, wait: { type: 'boolean' }, timeout: { type: 'string' } },
  normaliseArgv(argv) {
    // kubectl's --dry-run=client|server|none
    return argv.flatMap((arg) => {
      const value = /^--dry-run=(.*)$/.exec(arg)?.[1];
      if (value === undefined) return [arg];
      if (value === 'client' || value === 'server') return ['--dry-run'];
      if (value === 'none') return [];
      throw new UsageError(`--dry-run takes client, server or none, got "${value}"`);
    });
  },
  async run({ values }, ctx) {
    const dryRun = Boolean(values['dry-run']);
    const output = parseApplyOutput(values.output);
    const { writes, warnings } = await applyDocuments({ ...(await applyRequestFrom(values, ctx, 'apply')), dryRun });
    for (const warning of warnings) ctx.err(`Warning: ${warning}`);
    if (output === 'text') for (const write of writes) ctx.out(`${resourceRef(write)} ${write.change}${dryRun ? ' (dry run)' : ''}`);
    else ctx.out(renderWrites(writes, output));
    if (values.wait && !dryRun) {
      const timeoutMs = values.timeout ? parseDuration(values.timeout as string) : 60_000;
      await waitForApps(ctx.home, writes.map((w) => ({ name: w.name, gone: w.change === 'pruned' })), timeoutMs);
    }
    return 0;
  },
};
