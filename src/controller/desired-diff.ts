/**
 * Which names a new desired state touches compared to the previous one: the
 * names added, removed or whose resource changed in any way (metadata too,
 * so labels reach the store), plus the names of files whose errors changed.
 */
import path from 'node:path';
import type { DesiredState } from '../manifest/load-manifest-dir.js';

function errorsByName(state: DesiredState): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of state.files.values()) {
    const text = entry.errors.map((e) => e.message).join('\n');
    for (const name of entry.names) out.set(name, (out.get(name) ?? '') + text);
  }
  return out;
}

export function changedNames(previous: DesiredState | undefined, next: DesiredState): Set<string> {
  const names = new Set<string>();
  const before = previous?.resources ?? new Map();
  for (const [name, resource] of next.resources) {
    if (JSON.stringify(before.get(name)) !== JSON.stringify(resource)) names.add(name);
  }
  for (const name of before.keys()) if (!next.resources.has(name)) names.add(name);
  const oldErrors = previous ? errorsByName(previous) : new Map<string, string>();
  const newErrors = errorsByName(next);
  // No file naming it and a file without errors are the same to its status: a vanished file whose apps
  // the grace holds changes nothing yet (a delete -f of 500 files reconciled every held claim for nothing).
  for (const name of new Set([...oldErrors.keys(), ...newErrors.keys()])) {
    if ((oldErrors.get(name) ?? '') !== (newErrors.get(name) ?? '')) names.add(name);
  }
  return names;
}

/** The manifest errors of files that declare (or seem to declare) `name`. */
export function manifestErrorsFor(state: DesiredState, name: string): string[] {
  const out: string[] = [];
  for (const entry of state.files.values()) {
    if (entry.names.includes(name)) out.push(...entry.errors.map((e) => e.message));
  }
  return out;
}

/**
 * A file that fails to parse still holds the apps it held when it last
 * parsed: its names are those guessed from its text, plus those it had in
 * the previous desired state, plus the apps the store records from that
 * file (after a controller restart there is no previous state). Without
 * this, a broken file that no longer mentions a name would delete the app.
 * A folder that cannot be read holds the apps of every file below it.
 */
export function keepNamesOfBrokenFiles(next: DesiredState, previous: DesiredState | undefined, recordedSources: () => Iterable<{ name: string; source: string }>): void {
  let bySource: Map<string, string[]> | undefined;
  for (const [file, entry] of next.files) {
    if (entry.errors.length === 0) continue;
    // Asked for only when a file has errors: a reload of a sound folder reads no app row.
    if (!bySource) {
      bySource = new Map();
      for (const { name, source } of recordedSources()) bySource.set(source, [...(bySource.get(source) ?? []), name]);
    }
    // An unreadable folder holds what every file below it held.
    const covers = (other: string) => other === file || (entry.directory === true && other.startsWith(`${file}${path.sep}`));
    const held: string[] = [];
    for (const [other, was] of previous?.files ?? []) if (covers(other)) held.push(...was.names);
    for (const [source, names] of bySource) if (covers(source)) held.push(...names);
    entry.names = [...new Set([...entry.names, ...held])].filter((name) => !next.resources.has(name) || entry.names.includes(name));
  }
}
