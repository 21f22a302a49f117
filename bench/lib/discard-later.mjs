// The temp folders of finished runs are deleted when the benchmark exits, not
// between runs. This VM's root is ext4 without a journal: creating a file
// near inodes deleted in the last ~30 s makes ext4 look at each of them
// (recently_deleted in find_inode_bit, seen with perf), and creating 2000
// files in a fresh folder of /tmp took 1.4 s there against 35 ms in an
// untouched folder. A run that deleted its 2000 log files right before the
// next run started charged that run (berth's or PM2's) for it.
import { rmSync } from 'node:fs';

const folders = new Set();
let hooked = false;

/** Deletes `dir` when this process exits. */
export function discardLater(dir) {
  folders.add(dir);
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });
}
