/**
 * `berth sync`: GitOps. Runs a sync loop in the foreground (or one sync with
 * --once), shows sync status, and flags a source suspended, resumed or due
 * now for a loop that runs elsewhere (through the store and a trigger file).
 * The modes live in src/cli/sync/; this file is the command's face.
 */
import type { Command } from '../command.js';
import { openCliStore } from '../open-cli-store.js';
import { parseSyncArgs, syncOptions } from '../sync/sync-args.js';
import { showSyncStatus } from '../sync/sync-status-output.js';
import { requestSyncNowFor, setSourceSuspended } from '../sync/sync-loop-controls.js';
import { runSyncLoop, syncOnce } from '../sync/run-sync.js';

export const command: Command = {
  name: 'sync',
  summary: 'GitOps: keep the watched directory in step with a git repository',
  usage: [
    'berth sync --repo URL|PATH [--name N] [--branch B] [--path P] [--dir manifests] [--interval 30s] [--allow-empty] [--no-self-heal] [--once]',
    'berth sync status [NAME...] [-o json]',
    'berth sync --now [NAME...]',
    'berth sync --suspend NAME | --resume NAME',
  ].join('\n'),
  options: syncOptions,
  rawArgs: true,
  help: [
    'Fetches the repository with git into <home>/sync/<name>/, validates every manifest under --path at the',
    'branch\'s head (default: the remote\'s HEAD), and writes them into <dir>/sync-<name>/, mirroring the layout.',
    'A revision with any invalid manifest is not applied at all; the last good one keeps running. Files an earlier',
    'sync wrote that the repository no longer has are pruned; files it did not write are never touched.',
    '',
    '  --repo URL|PATH   anything `git fetch` takes (https, ssh, file://) or a local path',
    '  --name N          the source\'s name (default: the repository\'s base name)',
    '  --branch B        branch to follow (default: the remote\'s HEAD)',
    '  --path P          folder inside the repository (default: its root)',
    '  --dir DIR         the watched directory (default: the one the controller watches, else ./manifests)',
    '  --interval D      time between syncs in the loop (default: 30s)',
    '  --allow-empty     allow a revision with no manifests (prunes everything synced before)',
    '  --no-self-heal    leave hand edits of synced files alone until the repository changes them',
    '  --once            sync once and exit (0 applied or nothing to do, 1 error)',
    '  --now [NAME...]   ask running loops to sync at once (they poll <home>/sync/<name>/trigger every second)',
    '  --suspend NAME    a running loop stops syncing NAME until --resume NAME',
    '',
    'Examples:',
    '  berth sync --repo https://git.example.com/ops/site.git --path hosts/web1 --interval 1m',
    '  berth sync --repo ../site --once',
    '  berth sync status',
    '  berth sync --now',
  ].join('\n'),
  async run({ argv }, ctx) {
    const invocation = parseSyncArgs(argv);
    const store = await openCliStore(ctx.home);
    try {
      switch (invocation.mode) {
        case 'status':
          return showSyncStatus(store, invocation.names, invocation.output, ctx);
        case 'now':
          return await requestSyncNowFor(store, invocation.names, ctx);
        case 'suspend':
        case 'resume':
          return setSourceSuspended(store, invocation.name, invocation.mode === 'suspend', ctx);
        case 'once':
          return await syncOnce(store, invocation.values, ctx);
        case 'loop':
          return await runSyncLoop(store, invocation.values, ctx);
      }
    } finally {
      store.close();
    }
  },
};
