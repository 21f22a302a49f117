// Reads what the benchmarks measure from /proc: resident memory, CPU ticks,
// and a description of the machine for the results file.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
// every benchmark reads the machine through this module, so importing the plain environment here reaches them all
import { removedEnv } from './plain-node-env.mjs';

let clockTicks;
/** Kernel clock ticks per second (USER_HZ), for /proc/PID/stat utime/stime. */
export function clkTck() {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** VmRSS of a process in bytes, or null when it is gone. */
export function rssBytes(pid) {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** VmRSS split into private (RssAnon) and file-backed (RssFile: mostly the node binary's pages, shared by every node process). */
export function rssParts(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), anon: kb('RssAnon'), file: kb('RssFile'), shmem: kb('RssShmem') };
  } catch {
    return null;
  }
}

/** utime + stime of a process in clock ticks, or null when it is gone. */
export function cpuTicks(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command (which may hold spaces) start after the last ')'
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** Samples a process's CPU over `seconds`; returns percent of one core. */
export async function idleCpuPercent(pid, seconds) {
  const t0 = cpuTicks(pid);
  const w0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const t1 = cpuTicks(pid);
  const wall = (performance.now() - w0) / 1000;
  if (t0 === null || t1 === null) return null;
  return ((t1 - t0) / clkTck() / wall) * 100;
}

export function machineInfo() {
  let cpuModel = 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
  } catch {
    // not Linux
  }
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel,
    ramGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    kernel: os.release(),
    // where the homes, log files and PM2_HOME go: creating files costs what that filesystem makes it cost
    tmpdir: os.tmpdir(),
    // taken out of the environment of every process the run starts (plain-node-env.mjs says why)
    removedEnv,
    date: new Date().toISOString(),
  };
}

export const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
