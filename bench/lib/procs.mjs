// Finds the processes a benchmark or chaos run started, by a marker variable
// in their environment, and kills whole process groups: nothing outlives a run.
import { readdirSync, readFileSync } from 'node:fs';

/** Every live process whose environment has `marker` (e.g. "BERTH_BENCH_RUN=abc"), with its env parsed. */
export function processesWithEnv(marker) {
  const out = [];
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return out;
  }
  const needle = Buffer.from(`\0${marker}\0`);
  const zero = Buffer.from([0]);
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    let raw;
    try {
      raw = readFileSync(`/proc/${name}/environ`);
    } catch {
      continue; // gone, or not ours
    }
    if (Buffer.concat([zero, raw, zero]).indexOf(needle) === -1) continue;
    const pid = Number(name);
    let state = '?';
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    } catch {
      continue;
    }
    if (state === 'Z') continue;
    const env = {};
    for (const pair of raw.toString('utf8').split('\0')) {
      const eq = pair.indexOf('=');
      if (eq > 0) env[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    out.push({ pid, env });
  }
  return out;
}

/** SIGKILL to each pid's process group (and the pid itself); ignores the gone. */
export function killGroups(pids, signal = 'SIGKILL') {
  for (const pid of pids) {
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, signal);
      } catch {
        // already gone
      }
    }
  }
}

/** Kills every process carrying `marker`, repeating until none is left (bounded). */
export async function killMarked(marker) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const left = processesWithEnv(marker);
    if (left.length === 0) return 0;
    killGroups(left.map((p) => p.pid));
    await new Promise((r) => setTimeout(r, 100));
  }
  return processesWithEnv(marker).length;
}
