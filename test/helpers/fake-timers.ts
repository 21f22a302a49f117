// A fake clock with setTimeout/clearTimeout: advance() runs due timers in
// time order, each at its own due time, so schedules are tested in
// milliseconds of real time.

interface Pending {
  id: number;
  at: number;
  fn: () => void;
}

export class FakeTimers {
  private current: number;
  private nextId = 1;
  private pending: Pending[] = [];

  constructor(start: number | Date = 0) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now = (): number => this.current;

  setTimeout = (fn: () => void, ms: number): unknown => {
    const timer = { id: this.nextId++, at: this.current + Math.max(0, ms), fn };
    this.pending.push(timer);
    return timer.id;
  };

  clearTimeout = (handle: unknown): void => {
    this.pending = this.pending.filter((t) => t.id !== handle);
  };

  /** Timers waiting now. */
  get size(): number {
    return this.pending.length;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.current + ms;
    for (;;) {
      const due = this.pending.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.pending = this.pending.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.fn();
    }
    this.current = end;
  }

  /** The wall clock jumps (a host that slept) without timers firing on the way. */
  jump(ms: number): void {
    this.current += ms;
  }
}
