/**
 * A real second user for ownership tests: created with useradd, removed
 * with userdel when the test ends whatever happens. Needs root; otherwise
 * the test is skipped with a printed reason.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';

export interface SecondUser {
  name: string;
  uid: number;
  /** Runs `command args` as this user; its exit code and output. */
  run(command: string, args: string[]): { code: number; stdout: string; stderr: string };
}

/** undefined (and the test skipped, saying why) when this process cannot create users. */
export function createSecondUser(t: TestContext): SecondUser | undefined {
  if (process.getuid?.() !== 0) {
    t.skip('needs root to create a second user (useradd)');
    return undefined;
  }
  for (const tool of ['useradd', 'userdel', 'runuser']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
      t.skip(`${tool} is not installed`);
      return undefined;
    }
  }
  const name = `berth-t${randomBytes(4).toString('hex')}`;
  execFileSync('useradd', ['--no-create-home', '--shell', '/bin/sh', name]);
  t.after(() => {
    spawnSync('pkill', ['-KILL', '-u', name]);
    execFileSync('userdel', [name]);
  });
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  return {
    name,
    uid,
    run(command, args) {
      const res = spawnSync('runuser', ['-u', name, '--', command, ...args], { encoding: 'utf8', cwd: '/' });
      return { code: res.status ?? 1, stdout: res.stdout, stderr: res.stderr };
    },
  };
}
