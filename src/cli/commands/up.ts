/**
 * `berth up`: runs the controller in the foreground (or --detach). Ctrl-C
 * stops the apps, as `docker compose up` does; SIGTERM (or a crash, or
 * SIGKILL) leaves them running for the next controller to adopt. The
 * daemon itself is wired in src/daemon/start-daemon.ts.
 */
import path from 'node:path';
import { readFileSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Command, CommandContext } from '../command.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiClient } from '../../api/api-client.js';
import { BerthError } from '../../errors.js';
import { examplesHelp } from '../format/examples.js';
import { fillOptionalValues } from '../optional-values.js';
import { ensureHome } from '../../home/check-home.js';
import { openControllerLog } from '../../log/open-controller-log.js';

/** `berth up --web` alone (kept here so the dashboard's modules load only with --web). */
const DEFAULT_WEB_ADDRESS = '127.0.0.1:9615';

/** The last `Error: ...` line a detached controller wrote since `from` (its output file is appended to). */
function lastErrorLine(file: string, from: number): string | undefined {
  try {
    const text = readFileSync(file, 'utf8').slice(from);
    return text.split('\n').reverse().find((line) => line.startsWith('Error: '))?.slice('Error: '.length);
  } catch {
    return undefined;
  }
}

async function detach(ctx: CommandContext, argv: string[]): Promise<number> {
  ensureHome(ctx.home);
  const outFile = path.join(ctx.home, 'logs', 'controller.out.log');
  const out = openControllerLog(outFile);
  const from = statSync(outFile).size;
  const args = [process.argv[1]!, '--home', ctx.home, 'up', ...argv.filter((a) => a !== '--detach' && a !== '-d')];
  const child = spawn(process.execPath, args, { cwd: ctx.cwd, detached: true, stdio: ['ignore', out, out], env: ctx.env });
  child.unref();
  const client = new ApiClient(ctx.home);
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    // Another controller may answer (two `up -d` racing): only ours counts.
    const answering = await client.status(2_000).then((s) => s.pid, () => undefined);
    if (answering === child.pid) {
      ctx.out(`controller running in the background (pid ${child.pid}); logs: ${path.join(ctx.home, 'logs', 'controller.log')}`);
      return 0;
    }
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  // The child's own one-line reason (bad flag, lock held, corrupt store), else where to look.
  const reason = child.exitCode !== null ? lastErrorLine(outFile, from) : undefined;
  throw new BerthError('INTERNAL', reason ?? `the controller did not start; see ${outFile}`);
}

export const command: Command = {
  name: 'up',
  summary: 'Run the controller: watch the manifest directory and reconcile. Foreground by default; Ctrl-C stops the apps, SIGTERM leaves them running.',
  usage: 'berth up [--dir manifests] [--port-pool 20000-32767] [--detach] [--resync 30s] [--web [HOST:]PORT]\n         [--git URL|PATH [--git-branch B] [--git-path P] [--git-interval 30s]]',
  help: [
    '--git runs a GitOps sync loop inside the controller: the repository\'s path is applied into --dir (see `berth sync --help`).',
    '--web serves the dashboard and /metrics (alone: 127.0.0.1:9615); `berth dashboard` prints its URL with the token.',
    'State lives in --home (default $BERTH_HOME, else ~/.berth); `berth startup` runs this at boot.',
    '',
    examplesHelp(['berth up', 'berth up --dir /srv/manifests --detach', 'berth up --port-pool 20000-29999', 'berth up --web', 'berth up --git https://git.example.com/ops/site.git --git-path hosts/web1']),
  ].join('\n'),
  options: {
    dir: { type: 'string' },
    'port-pool': { type: 'string' },
    detach: { type: 'boolean', short: 'd' },
    resync: { type: 'string' },
    'sweep-interval': { type: 'string' },
    git: { type: 'string' },
    'git-branch': { type: 'string' },
    'git-path': { type: 'string' },
    'git-interval': { type: 'string' },
    web: { type: 'string' },
  },
  // `--web` alone means the default address: util.parseArgs has no optional values.
  normaliseArgv: (argv) => fillOptionalValues(argv, { web: DEFAULT_WEB_ADDRESS }),
  async run({ values, argv }, ctx) {
    const dir = path.resolve(ctx.cwd, (values.dir as string | undefined) ?? 'manifests');
    const { parsePortPool, DEFAULT_PORT_POOL } = await import('../../ports/port-pool.js');
    const pool = values['port-pool'] ? parsePortPool(values['port-pool'] as string) : DEFAULT_PORT_POOL;
    const { controllerHolding, ControllerRunningError } = await import('../../daemon/controller-lock.js');
    const holder = controllerHolding(ctx.home);
    if (holder.running) throw new ControllerRunningError(ctx.home, holder.pid);
    // Every argument is checked here, before --detach spawns: its errors are this command's one line.
    const { parseDurationFlag } = await import('../parse-duration-flag.js');
    const resyncMs = values.resync ? parseDurationFlag(values.resync as string, '--resync', 1_000) : undefined;
    const sweepIntervalMs = values['sweep-interval'] ? parseDurationFlag(values['sweep-interval'] as string, '--sweep-interval', 100) : undefined;
    const git = values.git ? { repo: values.git as string, branch: values['git-branch'] as string | undefined, path: values['git-path'] as string | undefined, interval: values['git-interval'] as string | undefined, cwd: ctx.cwd } : undefined;
    if (git) (await import('../../sync/sync-settings.js')).resolveSyncSettings({ ...git, dir }, ctx.cwd);
    // The dashboard's pieces load and exist only with --web: off, it costs nothing.
    const web = values.web === undefined ? undefined : (await import('../../web/index.js')).prepareWeb(values.web as string);
    // Refused before anything starts: a typo in --dir must never read as "no apps" and stop them all.
    const { listManifestFiles } = await import('../../manifest/list-manifest-files.js');
    await listManifestFiles(dir);
    if (values.detach) return detach(ctx, argv);

    ensureHome(ctx.home);
    const [{ createLogger }, { startDaemon }] = await Promise.all([import('../../log/logger.js'), import('../../daemon/start-daemon.js')]);
    const logger = createLogger({ home: ctx.home, console: process.stderr });
    // A crash must leave the apps running (they are detached) and say why in the log.
    const onFatal = (err: unknown) => {
      logger.fatal({ err }, 'controller crashed; apps keep running, the next `berth up` adopts them');
      logger.flush(() => process.exit(1));
    };
    process.on('uncaughtException', onFatal);
    process.on('unhandledRejection', onFatal);
    const version = (createRequire(import.meta.url)('../../../../package.json') as { version: string }).version;
    const { controller, closed } = await startDaemon({ home: ctx.home, dir, pool, logger, version, resyncMs, sweepIntervalMs, git, web });
    ctx.err(`berth controller (pid ${process.pid}) watching ${path.relative(ctx.cwd, dir) || dir}; state in ${ctx.home}; Ctrl-C stops the apps`);

    let interrupts = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      if (signal === 'SIGINT' && ++interrupts > 1) {
        ctx.err('second Ctrl-C: exiting now; apps still stopping are left as they are');
        process.exit(130);
      }
      logger.info(signal === 'SIGINT' ? 'Ctrl-C: stopping every app' : `${signal}: exiting, apps keep running`);
      void controller.shutdown({ stopApps: signal === 'SIGINT' });
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('SIGHUP', onSignal);
    await closed;
    await new Promise((r) => logger.flush(() => r(undefined)));
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    return 0;
  },
};
