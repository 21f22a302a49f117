/**
 * Editors and generators rewrite files in place: the file is truncated (or
 * deleted) and written again moments later. Read in between, its apps would
 * be deleted, their ports released, and created again. So an app whose
 * file vanished, or now holds nothing at all, stays in the desired state
 * for `graceMs` (1 s); only if the file has not brought it back by then is
 * it deleted. A file that still parses and no longer names the app, or a
 * broken one (desired-diff.ts keeps those), is not a vanish.
 *
 * @example
 * const delay = grace.carry(previous, next, now); // next now holds the vanished apps
 * if (delay !== undefined) setTimeout(reload, delay);
 */
import type { DesiredState } from '../manifest/load-manifest-dir.js';

export class VanishGrace {
  /** Name → when its file was first seen gone. */
  private readonly since = new Map<string, number>();

  constructor(private readonly graceMs = 1_000) {}

  /**
   * Puts into `next` the resources of `previous` whose file vanished less
   * than graceMs ago. Returns the ms until the earliest of them is due for
   * a re-check, or undefined when none is held. `graceMs: 0` lets all go.
   */
  carry(previous: DesiredState, next: DesiredState, now: number, { graceMs = this.graceMs }: { graceMs?: number } = {}): number | undefined {
    const held = new Map<string, number>();
    for (const [name, resource] of previous.resources) {
      if (next.resources.has(name)) continue;
      const entry = next.files.get(resource.source.file);
      const vanished = entry === undefined || (entry.names.length === 0 && entry.errors.length === 0);
      if (!vanished) continue;
      const since = this.since.get(name) ?? now;
      if (now - since >= graceMs) continue; // gone for good
      held.set(name, since);
      next.resources.set(name, resource);
    }
    this.since.clear();
    for (const [name, since] of held) this.since.set(name, since);
    if (held.size === 0) return undefined;
    return Math.max(0, Math.min(...[...held.values()].map((since) => since + graceMs - now)));
  }
}
