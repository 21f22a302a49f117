import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSyncArgs, syncSettingsFrom } from '../../../src/cli/sync/sync-args.js';
import type { CommandContext } from '../../../src/cli/command.js';
import { UsageError } from '../../../src/errors.js';

test('each command line names exactly one mode', () => {
  assert.deepEqual(parseSyncArgs(['status', 'a', 'b']), { mode: 'status', names: ['a', 'b'], output: undefined });
  assert.deepEqual(parseSyncArgs(['status', '-o', 'json']), { mode: 'status', names: [], output: 'json' });
  assert.deepEqual(parseSyncArgs(['--now', 'infra']), { mode: 'now', names: ['infra'] });
  assert.deepEqual(parseSyncArgs(['--suspend', 'infra']), { mode: 'suspend', name: 'infra' });
  assert.deepEqual(parseSyncArgs(['--resume', 'infra']), { mode: 'resume', name: 'infra' });
  assert.equal(parseSyncArgs(['--repo', 'x', '--once']).mode, 'once');
  assert.equal(parseSyncArgs(['--repo', 'x']).mode, 'loop');
});

test('flags of another mode, extra words and two modes at once are usage errors', () => {
  const refused: [string[], RegExp][] = [
    [[], /give exactly one of --repo, status, --now, --suspend or --resume/],
    [['status', '--now'], /give exactly one of/],
    [['--repo', 'x', 'extra'], /unexpected argument "extra"/],
    [['--now', '--interval', '5s'], /--interval goes with --repo/],
    [['--repo', 'x', '-o', 'json'], /-o goes with `berth sync status`/],
    [['--repo', 'x', '--bogus'], /Unknown option '--bogus' \(see `berth sync --help`\)/],
  ];
  for (const [argv, message] of refused) assert.throws(() => parseSyncArgs(argv), (err: Error) => err instanceof UsageError && message.test(err.message), argv.join(' '));
});

test('--repo and its companions become the source settings, paths against the current folder', () => {
  const ctx = { cwd: '/work/site' } as CommandContext;
  const invocation = parseSyncArgs(['--repo', 'infra', '--branch', 'main', '--path', 'deploy', '--no-self-heal', '--once']);
  if (invocation.mode !== 'once') return assert.fail(`mode ${invocation.mode}`);
  const noController = { meta: { get: () => undefined } } as unknown as Parameters<typeof syncSettingsFrom>[2];
  const settings = syncSettingsFrom(invocation.values, ctx, noController);
  assert.deepEqual(
    { name: settings.name, repo: settings.repo, branch: settings.branch, path: settings.path, dir: settings.dir, selfHeal: settings.selfHeal, allowEmpty: settings.allowEmpty },
    { name: 'infra', repo: '/work/site/infra', branch: 'main', path: 'deploy', dir: '/work/site/manifests', selfHeal: false, allowEmpty: false },
  );
  const watching = { meta: { get: (key: string) => (key === 'manifest_dir' ? '/srv/watched' : undefined) } } as unknown as Parameters<typeof syncSettingsFrom>[2];
  assert.equal(syncSettingsFrom(invocation.values, ctx, watching).dir, '/srv/watched', 'the folder the controller watches');
});
