/**
 * Size rotation of the controller's own logs: controller.log (pino writes it
 * through a descriptor it appends to) and, for a detached controller,
 * controller.out.log (its stdout and stderr). Checked every few seconds by
 * an unref()'d timer, rotated as app logs are (copytruncate through the held
 * descriptor, numbered copies in <home>/logs).
 */
import { fstatSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { descriptorOf, rotateOpenLog, type RotationSlots } from '../process/rotate-log.js';
import { openedControllerLogs } from './open-controller-log.js';

export interface ControllerLogRotation {
  home: string;
  /** Where berth may replace numbered copies (the instance layer's LogOwnership). */
  slots: RotationSlots;
  maxSizeBytes?: number;
  maxFiles?: number;
  checkEveryMs?: number;
  onError?: (err: unknown) => void;
}

export const CONTROLLER_LOG_MAX_SIZE = 10 * 1024 * 1024;
export const CONTROLLER_LOG_MAX_FILES = 3;

/** Starts the checks; returns their stop. */
export function startControllerLogRotation({ home, slots, maxSizeBytes = CONTROLLER_LOG_MAX_SIZE, maxFiles = CONTROLLER_LOG_MAX_FILES, checkEveryMs = 5_000, onError = () => {} }: ControllerLogRotation): () => void {
  const busy = new Set<string>();
  const check = () => {
    for (const [file, fd] of controllerLogs(home)) {
      if (busy.has(file)) continue;
      let size: number;
      try {
        size = fstatSync(fd).size;
      } catch (err) {
        onError(err);
        continue;
      }
      if (size <= maxSizeBytes) continue;
      busy.add(file);
      rotateOpenLog({ file, handle: descriptorOf(fd), maxSizeBytes, maxFiles }, size, slots)
        .catch(onError)
        .finally(() => busy.delete(file));
    }
  };
  const timer = setInterval(check, checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * controller.log as this process opened it, and controller.out.log when it
 * is this process's stdout (a detached controller: `up --detach` opened it
 * and handed it over), recognised by device and inode.
 */
export function controllerLogs(home: string): [string, number][] {
  const logs: [string, number][] = [];
  const dir = path.join(home, 'logs');
  const own = path.join(dir, 'controller.log');
  const fd = openedControllerLogs().get(own);
  if (fd !== undefined) logs.push([own, fd]);
  const out = path.join(dir, 'controller.out.log');
  try {
    const stdout = fstatSync(1);
    const onDisk = lstatSync(out);
    if (onDisk.isFile() && stdout.dev === onDisk.dev && stdout.ino === onDisk.ino) logs.push([out, 1]);
  } catch {
    // no such file, or stdout is not a file (a foreground controller)
  }
  return logs;
}
