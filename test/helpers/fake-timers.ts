/** Timers that fire only when the test advances the clock: `timers.advance(50)`. */
import type { Timers } from '../../src/controller/controller.js';

interface Pending {
  id: number;
  at: number;
  every?: number;
  fn: () => void;
}

export class FakeTimers implements Timers {
  now = 0;
  private nextId = 1;
  private pending: Pending[] = [];

  setTimeout(fn: () => void, ms: number): number {
    const id = this.nextId++;
    this.pending.push({ id, at: this.now + ms, fn });
    return id;
  }

  setInterval(fn: () => void, ms: number): number {
    const id = this.nextId++;
    this.pending.push({ id, at: this.now + ms, every: ms, fn });
    return id;
  }

  clearTimeout(id: unknown): void {
    this.pending = this.pending.filter((p) => p.id !== id);
  }

  clearInterval(id: unknown): void {
    this.clearTimeout(id);
  }

  /** How many timers are armed. */
  get armed(): number {
    return this.pending.length;
  }

  /** Moves the clock forward, firing every timer due on the way, in order. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const next = [...this.pending].sort((a, b) => a.at - b.at)[0];
      if (!next || next.at > until) break;
      this.now = next.at;
      if (next.every) next.at += next.every;
      else this.clearTimeout(next.id);
      next.fn();
    }
    this.now = until;
  }
}
