/**
 * Which targets a sweep tick reads, and whether it looks for group members.
 * Past maxReadsPerTick the targets take turns (in watch order, wrapping
 * round), so a tick's cost stays flat: at 1000 instances each is read every
 * 4th tick. One look for members costs about the same for one group as for
 * all (it lists /proc), so it comes every discoverEveryTicks rounds rather
 * than ticks. Pure: the Sweeper says which targets are in the pool.
 */

export interface SweepRound<T> {
  targets: T[];
  /** This tick looks for the members of every pool target's group. */
  discover: boolean;
}

/**
 * @example
 * const rounds = new SweepRounds(250, 5);
 * const { targets, discover } = rounds.next(pool, false);
 */
export class SweepRounds<T> {
  /** Where the next turn starts (in the pool's order), and ticks so far. */
  private cursor = 0;
  private ticks = 0;

  constructor(private readonly maxReadsPerTick: number, private readonly discoverEveryTicks: number) {}

  /** This tick's targets: all of `pool` when it fits in a tick (or `everyOne`), else the next maxReadsPerTick in turn. */
  next(pool: ReadonlySet<T>, everyOne = false): SweepRound<T> {
    const rounds = Math.max(1, Math.ceil(pool.size / this.maxReadsPerTick));
    // A read of everyone (after a pause) also looks: members may have come meanwhile.
    const discover = everyOne || this.ticks % (this.discoverEveryTicks * rounds) === 0;
    this.ticks++;
    const all = [...pool];
    if (everyOne || all.length <= this.maxReadsPerTick) return { targets: all, discover };
    const start = this.cursor % all.length;
    this.cursor = start + this.maxReadsPerTick;
    return { targets: [...all.slice(start, this.cursor), ...all.slice(0, Math.max(0, this.cursor - all.length))], discover };
  }
}
