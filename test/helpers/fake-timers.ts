// A fake clock with setTimeout/setInterval: advance() runs due timers in time
// order, each at its own due time, so schedules are tested in milliseconds of
// real time. Fits the controller's Timers and the cron scheduler's timers.
import type { Timers } from '../../src/controller/controller.js';

interface Pending {
  id: number;
  at: number;
  /** Set for setInterval: fired again every `every` ms. */
  every?: number;
  fn: () => void;
}

export class FakeTimers implements Timers {
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

  setInterval = (fn: () => void, ms: number): unknown => {
    const timer = { id: this.nextId++, at: this.current + Math.max(1, ms), every: Math.max(1, ms), fn };
    this.pending.push(timer);
    return timer.id;
  };

  clearTimeout = (handle: unknown): void => {
    this.pending = this.pending.filter((t) => t.id !== handle);
  };

  clearInterval = (handle: unknown): void => this.clearTimeout(handle);

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
      this.current = Math.max(this.current, due.at);
      if (due.every) due.at += due.every;
      else this.pending = this.pending.filter((t) => t !== due);
      due.fn();
    }
    this.current = end;
  }

  /** The wall clock jumps (a host that slept) without timers firing on the way. */
  jump(ms: number): void {
    this.current += ms;
  }
}
