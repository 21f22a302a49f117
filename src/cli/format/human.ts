/** Human renderings shared by list, info and sync status: durations, ages, sizes, status dots. */
import type { InstanceStatus } from '../../store/instances-table.js';

/** @example formatUptime(93_000) === '1m' ; formatUptime(5_000) === '5s' */
export function formatUptime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || ms < 0) return '-';
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

/**
 * How long ago `at` (ISO text or epoch ms) was, on formatUptime's scale; a
 * time a little in the future (clock adjustments) shows as 0s.
 *
 * @example formatAge('2026-11-24T10:00:00Z', Date.parse('2026-11-24T10:01:33Z')) === '1m'
 */
export function formatAge(at: string | number, now = Date.now()): string {
  return formatUptime(Math.max(0, now - (typeof at === 'number' ? at : Date.parse(at))));
}

/** @example formatBytes(52_428_800) === '50.0mb' */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '-';
  if (bytes < 1024) return `${bytes}b`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)}kb`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)}mb`;
  return `${(bytes / 1024 ** 3).toFixed(2)}gb`;
}

const COLOURS: Record<InstanceStatus, number> = {
  online: 32,
  starting: 33,
  pending: 33,
  stopping: 33,
  stopped: 90,
  errored: 31,
  crashloop: 31,
};

/** A coloured dot before the status on a terminal; plain text otherwise. */
export function formatStatus(status: InstanceStatus, tty: boolean): string {
  if (!tty) return status;
  return `\u001b[${COLOURS[status]}m●\u001b[0m ${status}`;
}
