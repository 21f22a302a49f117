/**
 * Which directory apply, delete, scale and `start "cmd"` write into: --dir if
 * given, else the directory the controller last watched (recorded in the
 * store), else ./manifests.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { CommandContext } from '../cli/command.js';

export async function resolveManifestDir(ctx: CommandContext, flag: string | undefined): Promise<string> {
  if (flag) return path.resolve(ctx.cwd, flag);
  const db = path.join(ctx.home, 'state.db');
  if (existsSync(db)) {
    const { openStore } = await import('../store/store.js');
    const store = openStore(db);
    try {
      const row = store.db.prepare("SELECT value FROM meta WHERE key = 'manifest_dir'").get() as { value: string } | undefined;
      if (row) return row.value;
    } finally {
      store.close();
    }
  }
  return path.resolve(ctx.cwd, 'manifests');
}
