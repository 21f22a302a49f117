/**
 * A small tmpfs mounted on a folder, to fill a disk for real (root only);
 * tests skip with the reason when it cannot be mounted. Unmounted (lazily
 * if something still holds it) when the test ends, whatever happened.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync, closeSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface SmallDisk {
  /** Writes filler files until the disk is full. */
  fill(): void;
  /** Deletes the filler. */
  free(): void;
  unmount(): void;
}

/** Mounts a tmpfs of `size` (e.g. '4m') on `dir`, or returns the reason it cannot. */
export function mountSmallDisk(dir: string, size: string): SmallDisk | string {
  if (process.getuid?.() !== 0) return 'mounting a small tmpfs needs root';
  mkdirSync(dir, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) return `cannot mount a tmpfs: ${(mounted.stderr || mounted.error?.message || '').trim()}`;
  const filler = path.join(dir, 'filler');
  return {
    fill: () => {
      const fd = openSync(filler, 'a');
      const chunk = Buffer.alloc(64 * 1024, 120);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      } finally {
        closeSync(fd);
      }
    },
    free: () => {
      spawnSync('rm', ['-f', filler]);
    },
    unmount: () => {
      if (spawnSync('umount', [dir]).status !== 0) spawnSync('umount', ['-l', dir]);
    },
  };
}
