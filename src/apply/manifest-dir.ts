/**
 * Which directory apply, delete, scale and `start "cmd"` write into: --dir if
 * given, else the directory the controller last watched (recorded in the
 * store), else ./manifests.
 */
import path from 'node:path';
import type { CommandContext } from '../cli/command.js';
import { withExistingStore } from '../store/with-existing-store.js';

export async function resolveManifestDir(ctx: CommandContext, flag: string | undefined): Promise<string> {
  if (flag) return path.resolve(ctx.cwd, flag);
  const watched = await withExistingStore(ctx.home, (store) => store.meta.get('manifest_dir'), () => undefined);
  return watched ?? path.resolve(ctx.cwd, 'manifests');
}
