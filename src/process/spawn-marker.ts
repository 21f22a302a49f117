/**
 * The marker every spawned process carries in its environment: one value per
 * spawn that names the home and the instance, recorded in the store before
 * the spawn. Orphan clean-up matches it exactly; a process without it (a
 * shell job, an editor, a PM2 daemon started with BERTH_HOME exported) is
 * never berth's to signal.
 *
 *   BERTH_MARKER=<nonce>:<app>/<index>:<home>
 *
 * The nonce (96 random bits) makes each spawn's marker unique, so a record
 * names one process generation and its descendants; the home comes last
 * because a path may hold ':' (an app name, a DNS-1123 label, cannot).
 */
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import path from 'node:path';

/** The environment variable that carries the marker. */
export const MARKER_VAR = 'BERTH_MARKER';

export interface SpawnMarker {
  nonce: string;
  app: string;
  index: number;
  home: string;
}

/**
 * A fresh marker for one spawn of (app, index) of `home`.
 *
 * @example newSpawnMarker({ home: '/root/.berth', app: 'web', index: 2 }) // '5f0c…:web/2:/root/.berth'
 */
export function newSpawnMarker({ home, app, index, nonce = randomBytes(12).toString('hex') }: { home: string; app: string; index: number; nonce?: string }): string {
  return `${nonce}:${app}/${index}:${home}`;
}

/** The parts of a marker value, or undefined when it is not one. */
export function parseSpawnMarker(value: string): SpawnMarker | undefined {
  const match = /^([0-9a-f]{24}):([a-z0-9][-a-z0-9]*)\/(\d+):(\/.*)$/s.exec(value);
  if (!match) return undefined;
  return { nonce: match[1]!, app: match[2]!, index: Number(match[3]), home: match[4]! };
}

/**
 * The home as markers name it: absolute, symlinks resolved, so `--home`
 * given through a link and the real path mean the same home.
 */
export function markerHome(home: string): string {
  const absolute = path.resolve(home);
  try {
    return realpathSync(absolute);
  } catch {
    return absolute; // not created yet
  }
}
