/**
 * The last minutes of CPU and memory per instance, for the dashboard's
 * sparklines: one fixed ring of points per instance ("app/index"), filled
 * once per feed tick. An instance that disappears (scale down, delete)
 * takes its history with it; a restart keeps it, so a crash shows as a dip.
 */

export interface HistoryPoint {
  key: string;
  cpu: number | null;
  memory: number | null;
}

export interface Series {
  cpu: (number | null)[];
  memory: (number | null)[];
}

class Ring {
  private readonly cpu: Float64Array;
  private readonly memory: Float64Array;
  private next = 0;
  private size = 0;

  constructor(private readonly capacity: number) {
    this.cpu = new Float64Array(capacity);
    this.memory = new Float64Array(capacity);
  }

  push(cpu: number | null, memory: number | null): void {
    // NaN stands for "unknown" (not running): a gap in the sparkline.
    this.cpu[this.next] = cpu ?? NaN;
    this.memory[this.next] = memory ?? NaN;
    this.next = (this.next + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
  }

  series(): Series {
    const out: Series = { cpu: [], memory: [] };
    for (let i = 0; i < this.size; i++) {
      const at = (this.next - this.size + i + this.capacity) % this.capacity;
      const cpu = this.cpu[at]!;
      const memory = this.memory[at]!;
      out.cpu.push(Number.isNaN(cpu) ? null : cpu);
      out.memory.push(Number.isNaN(memory) ? null : memory);
    }
    return out;
  }
}

/**
 * @example
 * const history = new InstanceHistory(300);
 * history.record([{ key: 'web/0', cpu: 1.5, memory: 50e6 }]);
 * history.series('web/0') // { cpu: [1.5], memory: [50000000] }
 */
export class InstanceHistory {
  private readonly rings = new Map<string, Ring>();

  constructor(readonly capacity = 300) {}

  /** One point per present instance; instances absent from `points` are forgotten. */
  record(points: readonly HistoryPoint[]): void {
    const present = new Set<string>();
    for (const { key, cpu, memory } of points) {
      present.add(key);
      let ring = this.rings.get(key);
      if (!ring) this.rings.set(key, (ring = new Ring(this.capacity)));
      ring.push(cpu, memory);
    }
    for (const key of this.rings.keys()) if (!present.has(key)) this.rings.delete(key);
  }

  series(key: string): Series | undefined {
    return this.rings.get(key)?.series();
  }

  all(): Record<string, Series> {
    return Object.fromEntries([...this.rings].map(([key, ring]) => [key, ring.series()]));
  }
}
