/**
 * `berth up`: runs the controller in the foreground (or --detach). Ctrl-C
 * stops the apps, as `docker compose up` does; SIGTERM (or a crash, or
 * SIGKILL) leaves them running for the next controller to adopt.
 */
import path from 'node:path';
import { mkdirSync, openSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Command, CommandContext } from '../command.js';
import { ApiClient, socketPathFor } from '../../api/api-client.js';
import { BerthError } from '../../errors.js';
import { stateDbPath } from '../../store/open-store.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function detach(ctx: CommandContext, argv: string[]): Promise<number> {
  mkdirSync(path.join(ctx.home, 'logs'), { recursive: true, mode: 0o700 });
  const out = openSync(path.join(ctx.home, 'logs', 'controller.out.log'), 'a');
  const args = [process.argv[1]!, '--home', ctx.home, 'up', ...argv.filter((a) => a !== '--detach' && a !== '-d')];
  const child = spawn(process.execPath, args, { cwd: ctx.cwd, detached: true, stdio: ['ignore', out, out], env: ctx.env });
  child.unref();
  const client = new ApiClient(ctx.home);
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (await client.isRunning()) {
      ctx.out(`controller running in the background (pid ${child.pid}); logs: ${path.join(ctx.home, 'logs', 'controller.log')}`);
      return 0;
    }
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  throw new BerthError('INTERNAL', `the controller did not start; see ${path.join(ctx.home, 'logs', 'controller.out.log')}`);
}

export const command: Command = {
  name: 'up',
  summary: 'Run the controller: watch the manifest directory and reconcile. Foreground by default; Ctrl-C stops the apps, SIGTERM leaves them running.',
  usage: 'berth up [--dir manifests] [--port-pool 20000-45000] [--detach] [--resync 30s] [--web [HOST:]PORT]\n         [--git URL|PATH [--git-branch B] [--git-path P] [--git-interval 30s]]',
  help: '--git runs a GitOps sync loop inside the controller: the repository\'s path is applied into --dir (see `berth sync --help`).\n--web serves the dashboard and /metrics (alone: 127.0.0.1:9615); `berth dashboard` prints its URL with the token.',
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
  optionalValues: { web: '127.0.0.1:9615' },
  async run({ values, argv }, ctx) {
    const dir = path.resolve(ctx.cwd, (values.dir as string | undefined) ?? 'manifests');
    const { parsePortPool, DEFAULT_PORT_POOL } = await import('../../ports/port-pool.js');
    const pool = values['port-pool'] ? parsePortPool(values['port-pool'] as string) : DEFAULT_PORT_POOL;
    const client = new ApiClient(ctx.home);
    if (await client.isRunning()) {
      const status = await client.status();
      throw new BerthError('USAGE', `a controller is already running for ${ctx.home} (pid ${status.pid}, watching ${status.dir})`);
    }
    if (values.detach) return detach(ctx, argv);

    const { parseDuration } = await import('../../manifest/duration.js');
    const resyncMs = values.resync ? parseDuration(values.resync as string) : undefined;
    // The dashboard's pieces load and exist only with --web: off, it costs nothing.
    const web = values.web === undefined ? undefined : (await import('../../web/index.js')).prepareWeb(values.web as string);
    const sweepIntervalMs = values['sweep-interval'] ? parseDuration(values['sweep-interval'] as string) : undefined;
    mkdirSync(path.join(ctx.home, 'logs'), { recursive: true, mode: 0o700 });
    const [{ createLogger }, { openStore }, { PortAllocator, buildInstanceEnv, repairAllocations }, { Supervisor }, { Controller }, { startApiServer }] = await Promise.all([
      import('../../log/logger.js'),
      import('../../store/store.js'),
      import('../../ports/index.js'),
      import('../../instance/supervisor.js'),
      import('../../controller/controller.js'),
      import('../../api/api-server.js'),
    ]);
    const logger = createLogger({ home: ctx.home, console: process.stderr });
    // A crash must leave the apps running (they are detached) and say why in the log.
    const onFatal = (err: unknown) => {
      logger.fatal({ err }, 'controller crashed; apps keep running, the next `berth up` adopts them');
      logger.flush(() => process.exit(1));
    };
    process.on('uncaughtException', onFatal);
    process.on('unhandledRejection', onFatal);
    const store = openStore(stateDbPath(ctx.home));
    const ports = new PortAllocator({ store, pool });
    store.meta.set('port_pool', `${pool.start}-${pool.end}`);
    const repair = repairAllocations(store, {
      knownApps: new Set(store.apps.list().filter((a) => a.kind === 'App').map((a) => a.name)),
      knownClaims: new Set(store.apps.list().filter((a) => a.kind === 'PortClaim').map((a) => a.name)),
      pool,
    });
    if (repair.freed.length) logger.warn(`repair: freed ${repair.freed.length} allocation(s) whose owner no longer exists`);
    for (const row of repair.outOfPool) logger.warn(`repair: ${row.protocol} port ${row.port} of ${row.owner} lies outside the pool`);
    const supervisor = new Supervisor({
      store,
      ...(sweepIntervalMs ? { sweepIntervalMs } : {}),
      onError: (err, where) => logger.error({ err, key: where.key }, 'instance error'),
    });
    let exit!: () => void;
    const exited = new Promise<void>((resolve) => (exit = resolve));
    const version = (createRequire(import.meta.url)('../../../../package.json') as { version: string }).version;
    const controller = new Controller({
      home: ctx.home,
      dir,
      store,
      ports,
      supervisor,
      buildEnv: buildInstanceEnv,
      logger,
      version,
      resyncMs,
      onShutdown: () => exit(),
      observeReconcile: web?.observeReconcile,
    });
    // Before the API socket: a dashboard port in use fails `up` while nothing runs yet.
    const webServer = await web?.start({ home: ctx.home, controller, store, logger });
    const api = await startApiServer(controller, socketPathFor(ctx.home), (err) => logger.error({ err }, 'API error'));
    (await import('../../manifest/schema-validator.js')).warmSchemaValidators();
    await controller.start();
    let syncLoop: { stop(): Promise<void> } | undefined;
    if (values.git) {
      const { startSyncLoop, resolveSyncSettings, formatSyncResult } = await import('../../sync/index.js');
      const source = resolveSyncSettings({ repo: values.git as string, branch: values['git-branch'] as string | undefined, path: values['git-path'] as string | undefined, interval: values['git-interval'] as string | undefined, dir }, ctx.cwd);
      syncLoop = startSyncLoop({
        store,
        home: ctx.home,
        source,
        onResult: (result) => {
          for (const line of formatSyncResult(result, { onlyChanges: true })) logger.info({ sync: source.name }, line);
          void controller.reloadDesired();
        },
        onError: (err) => logger.warn({ sync: source.name }, err.message),
      });
    }
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
    await exited;
    await syncLoop?.stop();
    await api.close();
    await webServer?.close();
    store.close();
    logger.info('controller stopped');
    await new Promise((r) => logger.flush(() => r(undefined)));
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    return 0;
  },
};
