/**
 * Preloaded into Node programs that berth starts on an inherited listening
 * socket (NODE_OPTIONS=--require .../node-preload.cjs), so an unmodified app
 * that calls `listen(process.env.PORT)` serves on berth's socket, as a PM2
 * cluster-mode app does. Only in the process the socket was handed to
 * (LISTEN_PID is its own PID): child processes and other programs that
 * inherit NODE_OPTIONS are left alone.
 *
 * - The first listen on PORT (`listen(port[, host][, backlog][, cb])`,
 *   `listen('8080')`, `listen({port})`) becomes `listen({fd: 3})`. The host
 *   is ignored: berth bound the socket (`socket.host`). Other listens are
 *   untouched.
 * - Drain on SIGTERM/SIGINT for apps that do not handle the signal
 *   themselves (as PM2's cluster workers disconnect): stop accepting by
 *   closing the copy of the socket (queued connections stay for the other
 *   instances), let in-flight requests finish, then die of the signal as
 *   the app would have. An app with its own handler keeps full control.
 */
import net = require('node:net');

type ListenArgs = unknown[];
type Drainable = net.Server & { closeIdleConnections?: () => void };

const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;
const DRAIN_POLL_MS = 50;

/** The port a listen() call asks for, or undefined for pipes, handles, fds and unknown shapes. */
function requestedPort(args: ListenArgs): number | undefined {
  const first = args[0];
  const asPort = (value: unknown): number | undefined =>
    typeof value === 'number' ? value : typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : undefined;
  if (first === null || typeof first !== 'object') return asPort(first);
  const options = first as Record<string, unknown>;
  if (options.fd !== undefined || options.path !== undefined || options.handle !== undefined || options._handle !== undefined) return undefined;
  return asPort(options.port);
}

/** The backlog and AbortSignal a listen() call passes, to keep them. */
function keptOptions(args: ListenArgs): { backlog?: number; signal?: unknown } {
  const first = args[0];
  if (first !== null && typeof first === 'object') {
    const { backlog, signal } = first as { backlog?: number; signal?: unknown };
    return { ...(backlog === undefined ? {} : { backlog }), ...(signal === undefined ? {} : { signal }) };
  }
  // listen(port, [host], [backlog], [cb])
  const rest = args.slice(1).filter((arg) => typeof arg !== 'function');
  const backlog = typeof rest[0] === 'number' ? rest[0] : typeof rest[1] === 'number' ? rest[1] : undefined;
  return backlog === undefined ? {} : { backlog };
}

function install(fd: number, port: number): void {
  const original = net.Server.prototype.listen;
  const onSocket = new Set<Drainable>();

  net.Server.prototype.listen = function listen(this: Drainable, ...args: ListenArgs) {
    if (onSocket.size > 0 || requestedPort(args) !== port) return (original as (...a: ListenArgs) => net.Server).apply(this, args);
    onSocket.add(this);
    const callback = args.find((arg) => typeof arg === 'function');
    const options = { ...keptOptions(args), fd };
    return callback === undefined ? original.call(this, options) : original.call(this, options, callback as () => void);
  } as typeof net.Server.prototype.listen;

  const handlers = new Map<NodeJS.Signals, () => void>();
  const dieOf = (signal: NodeJS.Signals): void => {
    for (const [name, handler] of handlers) process.removeListener(name, handler);
    process.kill(process.pid, signal);
  };
  const drainThenDie = (signal: NodeJS.Signals): void => {
    if (process.listenerCount(signal) > 1) return; // the app handles its own shutdown
    const open = [...onSocket].filter((server) => server.listening);
    if (open.length === 0) return dieOf(signal);
    let left = open.length;
    const closeIdle = (): void => open.forEach((server) => server.closeIdleConnections?.());
    const poll = setInterval(closeIdle, DRAIN_POLL_MS).unref();
    for (const server of open) {
      server.close(() => {
        if (--left > 0) return;
        clearInterval(poll);
        dieOf(signal);
      });
    }
    closeIdle();
  };
  for (const signal of STOP_SIGNALS) {
    const handler = (): void => drainThenDie(signal);
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
}

const env = process.env;
if (env.LISTEN_PID === String(process.pid) && Number(env.LISTEN_FDS) >= 1) {
  const port = Number(env.PORT);
  if (Number.isInteger(port) && port > 0) install(Number(env.BERTH_LISTEN_FD ?? 3), port);
}
