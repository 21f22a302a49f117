/**
 * The dashboard's live feed: once a second it reads the controller's
 * instance list, records CPU and memory for the sparklines, and, while a
 * browser is connected, sends it what changed (server-sent events). It
 * exists only while `--web` is on, so with the dashboard off it costs nothing.
 */
import type { Store } from '../store/store.js';
import type { EventRecord } from '../store/events-table.js';
import type { InstanceView } from '../api/api-types.js';
import { DashboardStateReader, type DashboardSource, type DashboardState } from './dashboard-state.js';
import { InstanceHistory } from './instance-history.js';

/** Receives one SSE message: its event name and its JSON text. */
export type FeedClient = (event: 'snapshot' | 'frame', json: string) => void;

export interface LiveFeedOptions {
  source: DashboardSource;
  store: Store;
  intervalMs?: number;
  /** Points per sparkline: 300 at 1 s is the last 5 minutes. */
  historyPoints?: number;
  /** Events sent on connect. */
  eventBacklog?: number;
  now?: () => number;
  onError?: (err: unknown) => void;
}

type Section = keyof DashboardState;
const SECTIONS: Section[] = ['controller', 'apps', 'instances', 'allocations', 'manifestErrors'];

/**
 * @example
 * const feed = new LiveFeed({ source: controller, store });
 * feed.start();
 * const off = feed.connect((event, json) => res.write(`event: ${event}\ndata: ${json}\n\n`));
 */
export class LiveFeed {
  readonly history: InstanceHistory;
  private readonly clients = new Set<FeedClient>();
  /** Each section as last sent (its value and JSON): a frame carries only the sections that changed. */
  private readonly sent = new Map<Section, { value: unknown; json: string }>();
  private readonly reader: DashboardStateReader;
  private lastEventId = 0;
  /** Store.version() when events were last read: no query while nothing was written. */
  private eventsVersion = '';
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly opts: Required<Omit<LiveFeedOptions, 'source' | 'store'>> & Pick<LiveFeedOptions, 'source' | 'store'>;

  constructor(options: LiveFeedOptions) {
    this.opts = { intervalMs: 1_000, historyPoints: 300, eventBacklog: 100, now: Date.now, onError: () => {}, ...options };
    this.history = new InstanceHistory(this.opts.historyPoints);
    this.reader = new DashboardStateReader(this.opts.source, this.opts.store);
  }

  start(): void {
    if (this.timer) return;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.opts.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.clients.clear();
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** Sends the whole state and history to `client` now, then a frame each tick. Returns the disconnect. */
  async connect(client: FeedClient): Promise<() => void> {
    const views = await this.opts.source.listInstances();
    const state = this.reader.read(views);
    const events = this.opts.store.events.listSince(0, this.opts.eventBacklog);
    if (this.clients.size === 0) this.catchUp(state, events);
    this.clients.add(client);
    client('snapshot', JSON.stringify({ at: this.opts.now(), ...state, events, history: this.history.all() }));
    return () => this.clients.delete(client);
  }

  /** One tick now (tests); concurrent calls share the running one. */
  tick(): Promise<void> {
    this.running ??= this.sample().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sample(): Promise<void> {
    try {
      const views = await this.opts.source.listInstances();
      this.history.record(views.map((v) => ({ key: `${v.app}/${v.instance}`, cpu: v.pid === null ? null : v.cpu, memory: v.pid === null ? null : v.memory })));
      if (this.clients.size > 0) this.broadcast(views);
    } catch (err) {
      this.opts.onError(err);
    }
  }

  private broadcast(views: InstanceView[]): void {
    const state = this.reader.read(views);
    const parts = [`"at":${this.opts.now()}`];
    for (const section of SECTIONS) {
      const value = state[section];
      const last = this.sent.get(section);
      if (last?.value === value) continue;
      const json = JSON.stringify(value);
      this.sent.set(section, { value, json });
      if (last?.json !== json) parts.push(`${JSON.stringify(section)}:${json}`);
    }
    const version = this.opts.store.version();
    if (version !== this.eventsVersion) {
      this.eventsVersion = version;
      const events = this.opts.store.events.listSince(this.lastEventId, this.opts.eventBacklog);
      if (events.length > 0) {
        this.lastEventId = events.at(-1)!.id;
        parts.push(`"events":${JSON.stringify(events)}`);
      }
    }
    const frame = `{${parts.join(',')}}`;
    for (const client of this.clients) {
      try {
        client('frame', frame);
      } catch (err) {
        this.clients.delete(client);
        this.opts.onError(err);
      }
    }
  }

  /** The first client of an idle feed: what it got in its snapshot counts as sent. */
  private catchUp(state: DashboardState, events: EventRecord[]): void {
    for (const section of SECTIONS) this.sent.set(section, { value: state[section], json: JSON.stringify(state[section]) });
    this.lastEventId = Math.max(this.lastEventId, events.at(-1)?.id ?? 0);
  }
}
