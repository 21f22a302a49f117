/**
 * The listening sockets of `spec.socket` apps, one per (app, port): a shared
 * socket is one port for every instance, `shared: false` one socket per
 * instance port. The instance layer owns them because it owns what they
 * live as long as: the processes that inherit them, their restarts and
 * their hand-over. A socket is opened when the first instance on its port
 * starts, handed to every spawn as fd 3, and kept through crashes,
 * restarts and reloads (clients queue in its backlog meanwhile); it is
 * closed only when no instance of the app uses its port any more (scale to
 * 0, delete, port change) or on `berth down`.
 *
 * Its inode is recorded in the store. A controller that finds a recorded
 * socket it does not hold (it restarted; the instances kept serving) takes
 * it back from a running instance (pidfd_getfd). Where it cannot while
 * instances still hold it, it refuses to open a new one (that would be
 * EADDRINUSE anyway, or a gap): the problem is reported, and hand-overs
 * and spawns on that port fail with it until the last holder exits.
 */
import { BerthError } from '../errors.js';
import type { SocketSpec } from '../manifest/types.js';
import { explainAdoptReason, findTcpSocket, openListeningSockets, SocketAdoptError, takeSocketFromAny, type ListeningSocket, type ListenRequest, type RecordedSocket, type SocketAdoptReason } from '../socket/index.js';
import type { ListenSocketHandOver } from '../socket/spawn-with-socket.js';
import type { ListenSocketRecord, ListenSocketsTable } from '../store/listen-sockets-table.js';
import { primaryPort } from '../ports/types.js';
import type { InstanceConfig } from './types.js';

type HandOverOrder = 'StartFirst' | 'StopFirst';

export type ListenSocketsStore = Pick<ListenSocketsTable, 'list' | 'get' | 'record' | 'delete'>;

export interface SocketRegistryOptions {
  /** Read through the store on each use: the store may move to a new connection (a rewritten state.db). */
  store: { readonly listenSockets: ListenSocketsStore };
  /** Processes that may hold an app's sockets: its recorded and supervised PIDs. */
  livePids: (app: string) => number[];
  /** The ports the app's instances (stopped ones included) run on a socket; the others are closed. */
  portsInUse: (app: string) => ReadonlySet<number>;
  open?: (requests: ListenRequest[]) => Promise<ListeningSocket[]>;
  take?: (pids: readonly number[], recorded: RecordedSocket) => Promise<{ socket: ListeningSocket; pid: number }>;
  /** An app event (SocketOpened, SocketAdopted) for `berth info`. */
  onEvent?: (app: string, reason: string, message: string) => void;
}

/** One socket of an app as `berth info` shows it. */
export interface ListenSocketState {
  port: number;
  host: string;
  inode: string;
  /** This controller holds a copy: it can start instances on it. */
  held: boolean;
  /** Why it is not held although running instances still hold it. */
  problem?: string;
}

/** Running instances hold the app's socket and this controller cannot take it back. */
export class SocketNotHeldError extends BerthError {
  constructor(readonly app: string, readonly port: number, readonly reason: SocketAdoptReason, options: { cause?: unknown } = {}) {
    super('SOCKET_ADOPT_FAILED', `berth cannot take the listening socket on port ${port} back from the running instances: ${explainAdoptReason(reason)}`, options);
  }
}

const keyOf = (app: string, port: number): string => `${app}:${port}`;

export class SocketRegistry {
  private readonly held = new Map<string, ListeningSocket>();
  private readonly problems = new Map<string, SocketNotHeldError>();
  /** One acquisition at a time per socket. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly store: SocketRegistryOptions['store'];
  private readonly livePids: (app: string) => number[];
  private readonly portsInUse: (app: string) => ReadonlySet<number>;
  private readonly open: NonNullable<SocketRegistryOptions['open']>;
  private readonly take: NonNullable<SocketRegistryOptions['take']>;
  private readonly onEvent: NonNullable<SocketRegistryOptions['onEvent']>;

  constructor({ store, livePids, portsInUse, open = openListeningSockets, take = takeSocketFromAny, onEvent = () => {} }: SocketRegistryOptions) {
    this.store = store;
    this.livePids = livePids;
    this.portsInUse = portsInUse;
    this.open = open;
    this.take = take;
    this.onEvent = onEvent;
  }

  /**
   * What a spawn of `config` inherits as fd 3: the socket on its port,
   * opened (first instance) or taken back (after a controller restart) if
   * needed; undefined for an app without `spec.socket`. Throws
   * SocketNotHeldError, PortInUseError or SocketError.
   */
  async handOverFor(config: InstanceConfig): Promise<ListenSocketHandOver | undefined> {
    const spec = config.spec.socket;
    if (!spec) return undefined;
    const port = socketPort(config);
    const socket = await this.acquire(config.app, port, spec);
    return { fd: socket.fd, port, name: spec.name };
  }

  /** The inode of the socket `config` runs on (held or recorded), for accept readiness. */
  inodeOf(config: InstanceConfig): string | undefined {
    if (!config.spec.socket || config.ports.port === undefined) return undefined;
    const { app } = config;
    const port = config.ports.port;
    return this.held.get(keyOf(app, port))?.inode ?? this.store.listenSockets.get(app, port)?.inode;
  }

  /**
   * The app's recorded sockets, each taken back first if running instances
   * hold it and this controller does not (so a controller restart is
   * noticed at the app's first reconcile, before any hand-over).
   */
  async states(app: string): Promise<ListenSocketState[]> {
    // Sockets being opened for instances just started count too.
    await Promise.all([...this.queues].filter(([key]) => splitKey(key)[0] === app).map(([, pending]) => pending));
    const states: ListenSocketState[] = [];
    for (const row of this.store.listenSockets.list(app)) {
      const key = keyOf(app, row.port);
      await this.serialised(key, async () => {
        if (!this.held.get(key)?.isOpen) await this.takeBack(row).catch(() => undefined);
      });
      const socket = this.held.get(key);
      const problem = this.problems.get(key);
      states.push({ port: row.port, host: socket?.host ?? row.host, inode: socket?.inode ?? row.inode, held: socket?.isOpen ?? false, ...(problem ? { problem: problem.message } : {}) });
    }
    return states;
  }

  /**
   * The order a hand-over from `current` to `next` can keep. StopFirst when
   * both cannot hold the port at once: a socket added to an app whose
   * process binds the port itself, or dropped from one (the new process
   * binds it once berth's copy is closed). Otherwise the socket is made
   * sure of first: when running instances hold it and this controller
   * cannot take it back, this throws before anything is stopped.
   */
  async orderFor(next: InstanceConfig, current: InstanceConfig | undefined, order: HandOverOrder): Promise<HandOverOrder> {
    const samePort = current !== undefined && primaryPort(current.ports) === primaryPort(next.ports);
    if (samePort && Boolean(current.spec.socket) !== Boolean(next.spec.socket)) return 'StopFirst';
    await this.handOverFor(next);
    return order;
  }

  /** Closes and forgets the app's sockets on ports no instance uses any more (scale to 0, port change, socket dropped). */
  prune(app: string, inUse?: ReadonlySet<number>): void {
    const rows = this.store.listenSockets.list(app);
    const held = [...this.held.keys()].map(splitKey).filter(([owner]) => owner === app);
    // Most apps have no socket: then the ports in use (a walk over every instance, at each start) are not needed.
    if (rows.length === 0 && held.length === 0) return;
    const used = inUse ?? this.portsInUse(app);
    for (const row of rows) if (!used.has(row.port)) this.release(app, row.port);
    for (const [, port] of held) if (!used.has(port)) this.release(app, port);
  }

  /** App deleted: every socket of it closed and forgotten. */
  closeApp(app: string): void {
    this.prune(app, new Set());
  }

  /** `berth down`: every socket closed and forgotten (after every instance stopped). */
  closeAll(): void {
    const apps = new Set([...this.store.listenSockets.list().map((row) => row.app), ...[...this.held.keys()].map((key) => splitKey(key)[0])]);
    for (const app of apps) this.closeApp(app);
  }

  private async acquire(app: string, port: number, spec: SocketSpec): Promise<ListeningSocket> {
    const key = keyOf(app, port);
    return this.serialised(key, async () => {
      const current = this.held.get(key);
      if (current?.isOpen) return current;
      const recorded = this.store.listenSockets.get(app, port);
      const taken = recorded ? await this.takeBack(recorded) : undefined;
      if (taken) return taken;
      const [socket] = await this.open([{ host: spec.host, port, backlog: spec.backlog }]);
      this.store.listenSockets.record({ app, port, host: socket!.host, backlog: spec.backlog, inode: socket!.inode });
      this.held.set(key, socket!);
      this.onEvent(app, 'SocketOpened', `listening on ${socket!.host} port ${port} (socket:[${socket!.inode}], backlog ${spec.backlog})`);
      return socket!;
    });
  }

  /**
   * Takes a recorded socket back from a running instance. Undefined when
   * nothing holds it any more (it may be opened afresh); throws
   * SocketNotHeldError when instances hold it but it cannot be taken.
   */
  private async takeBack(recorded: ListenSocketRecord): Promise<ListeningSocket | undefined> {
    const key = keyOf(recorded.app, recorded.port);
    try {
      const { socket, pid } = await this.take(this.livePids(recorded.app), { inode: recorded.inode, host: recorded.host });
      this.held.set(key, socket);
      this.problems.delete(key);
      this.onEvent(recorded.app, 'SocketAdopted', `socket:[${recorded.inode}] on port ${recorded.port} taken back from pid ${pid}`);
      return socket;
    } catch (err) {
      if (!(err instanceof SocketAdoptError)) throw err;
      // Nobody listens on it any more (every holder exited, or one shut it down): open afresh.
      if (!findTcpSocket(recorded.inode)?.listening) {
        this.problems.delete(key);
        return undefined;
      }
      const problem = new SocketNotHeldError(recorded.app, recorded.port, err.reason, { cause: err });
      this.problems.set(key, problem);
      throw problem;
    }
  }

  private release(app: string, port: number): void {
    const key = keyOf(app, port);
    this.held.get(key)?.close();
    this.held.delete(key);
    this.problems.delete(key);
    this.store.listenSockets.delete(app, port);
  }

  private serialised<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(key) ?? Promise.resolve()).then(fn, fn);
    const settled = run.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return run;
  }
}

/** The port a socket app's instance listens on: its `port` (a socket needs spec.port). */
export function socketPort(config: InstanceConfig): number {
  const port = config.ports.port;
  if (port === undefined) throw new BerthError('SOCKET_FAILED', `Instance ${config.app}/${config.index} has spec.socket but no port to bind`);
  return port;
}

function splitKey(key: string): [string, number] {
  const at = key.lastIndexOf(':');
  return [key.slice(0, at), Number(key.slice(at + 1))];
}
