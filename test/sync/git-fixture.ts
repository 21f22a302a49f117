/**
 * Real git repositories for sync tests: a temp folder, `git init`, commits
 * made with execFile (never a shell) under a throwaway identity.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd });
  return stdout.trim();
}

export interface TestRepo {
  dir: string;
  /** Writes (string) or deletes (null) files, commits them all, returns the commit SHA. */
  commit(files: Record<string, string | null>, message: string): Promise<string>;
}

export async function createRepo(dir: string, { branch = 'main' }: { branch?: string } = {}): Promise<TestRepo> {
  await mkdir(dir, { recursive: true });
  await git(dir, 'init', '--quiet', `--initial-branch=${branch}`);
  return {
    dir,
    async commit(files, message) {
      for (const [file, content] of Object.entries(files)) {
        const full = path.join(dir, file);
        if (content === null) await rm(full, { force: true });
        else {
          await mkdir(path.dirname(full), { recursive: true });
          await writeFile(full, content);
        }
      }
      await git(dir, 'add', '--all');
      await git(dir, 'commit', '--quiet', '--allow-empty', '-m', message);
      return git(dir, 'rev-parse', 'HEAD');
    },
  };
}

/** A temp folder removed when the test ends. */
export async function tempDir(t: { after: (fn: () => Promise<void>) => void }, prefix = 'berth-sync-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  t.after(() => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }));
  return dir;
}

export const app = (name: string, instances = 1) => `apiVersion: berth/v1\nkind: App\nmetadata:\n  name: ${name}\nspec:\n  script: node\n  instances: ${instances}\n`;
