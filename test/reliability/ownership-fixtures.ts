/**
 * The chaos harness's ownership pass: things berth must never touch, planted
 * around a home before a run and checked after every controller kill -9:
 * strangers (processes with BERTH_HOME=<home> in their environment, one
 * with a marker naming the home that the store never recorded), a symlink
 * planted in <home>/logs, a user's file and a FIFO named as apps' log
 * files. Shared by the short test in `npm test` and `npm run chaos`
 * (bench/chaos.mjs imports the compiled module).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, readlinkSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Stranger {
  label: string;
  pid: number;
  startTime: string;
}

export interface PlantedFile {
  label: string;
  file: string;
  kind: 'file' | 'symlink' | 'fifo';
  /** sha256 of the content (of the target, for a symlink). */
  sha256?: string;
  /** For a symlink: where it points. */
  target?: string;
}

export interface OwnershipFixtures {
  strangers: Stranger[];
  files: PlantedFile[];
  /** Apps whose log paths are the planted ones: they never come online. */
  manifests: Map<string, string>;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] === 'Z' ? undefined : fields[19];
  } catch {
    return undefined;
  }
}

async function startStranger(label: string, command: string, args: string[], env: NodeJS.ProcessEnv, detached: boolean): Promise<Stranger> {
  const child = spawn(command, args, { detached, stdio: 'ignore', env: { ...process.env, ...env } });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  child.unref();
  const pid = child.pid!;
  let startTime: string | undefined;
  for (let i = 0; i < 100 && startTime === undefined; i++) {
    startTime = startTimeOf(pid);
    if (startTime === undefined) await new Promise((r) => setTimeout(r, 10));
  }
  return { label, pid, startTime: startTime ?? '?' };
}

function app(name: string, logs: string, runVar: string, runId: string): string {
  return `apiVersion: berth/v1\nkind: App\nmetadata: {name: ${name}}\nspec: {script: sleep, args: ["100000"], logs: ${logs}, env: {${runVar}: "${runId}"}, restartBackoff: {initial: 1s, max: 5s}}\n`;
}

/**
 * Plants the fixtures for `home` (its logs folder is created 0700 if
 * missing) with scratch files under `root`. Call killStrangers() when done.
 */
export async function plantOwnership({ home, root, runVar, runId }: { home: string; root: string; runVar: string; runId: string }): Promise<OwnershipFixtures> {
  mkdirSync(path.join(home, 'logs'), { recursive: true, mode: 0o700 });
  mkdirSync(root, { recursive: true });
  const realHome = realpathSync(home);
  const forged = `${randomBytes(12).toString('hex')}:s0/0:${realHome}`;
  const strangers = [
    await startStranger('setsid sleep with BERTH_HOME exported', 'setsid', ['sleep', '100001'], { BERTH_HOME: home }, false),
    await startStranger('a shell job (own group) with BERTH_HOME and app-like variables', 'sleep', ['100002'], { BERTH_HOME: home, BERTH_APP_NAME: 's0', BERTH_INSTANCE_ID: '0' }, true),
    await startStranger('a PM2-like daemon with BERTH_HOME', process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], { BERTH_HOME: home, PM2_HOME: path.join(root, '.pm2') }, true),
    await startStranger('a marker naming this home that the store never recorded', 'sleep', ['100003'], { BERTH_MARKER: forged }, true),
  ];
  const target = path.join(root, 'victim-target');
  writeFileSync(target, 'root only: never written by berth\n', { mode: 0o600 });
  const planted = path.join(home, 'logs', 'victim-0.out.log');
  symlinkSync(target, planted);
  const foreign = path.join(root, 'foreign.log');
  writeFileSync(foreign, `${'a user file that berth did not create\n'.repeat(200)}`);
  const fifo = path.join(root, 'fifo');
  execFileSync('mkfifo', [fifo]);
  const files: PlantedFile[] = [
    { label: 'symlink planted in <home>/logs', file: planted, kind: 'symlink', target, sha256: sha256(target) },
    { label: 'a user file named as logs.out', file: foreign, kind: 'file', sha256: sha256(foreign) },
    { label: 'a FIFO named as logs.err', file: fifo, kind: 'fifo' },
  ];
  const manifests = new Map([
    ['victim', app('victim', '{maxSize: 1K}', runVar, runId)],
    ['foreign', app('foreign', `{out: ${JSON.stringify(foreign)}, maxSize: 1K}`, runVar, runId)],
    ['fifo', app('fifo', `{err: ${JSON.stringify(fifo)}}`, runVar, runId)],
  ]);
  return { strangers, files, manifests };
}

/** Every way a fixture was touched, as sentences (empty when none was). */
export function checkOwnership(fixtures: OwnershipFixtures): string[] {
  const problems: string[] = [];
  for (const s of fixtures.strangers) if (startTimeOf(s.pid) !== s.startTime) problems.push(`stranger killed: ${s.label} (pid ${s.pid})`);
  for (const f of fixtures.files) {
    let stat;
    try {
      stat = lstatSync(f.file);
    } catch {
      problems.push(`${f.label}: ${f.file} is gone`);
      continue;
    }
    if (f.kind === 'symlink') {
      if (!stat.isSymbolicLink() || readlinkSync(f.file) !== f.target) problems.push(`${f.label}: ${f.file} was replaced`);
      if (sha256(f.target!) !== f.sha256) problems.push(`${f.label}: its target ${f.target} was written`);
    } else if (f.kind === 'fifo') {
      if (!stat.isFIFO()) problems.push(`${f.label}: ${f.file} is no longer a FIFO`);
    } else if (!stat.isFile() || sha256(f.file) !== f.sha256) problems.push(`${f.label}: ${f.file} was changed`);
    for (const n of [1, 2]) {
      try {
        lstatSync(`${f.file}.${n}`);
        problems.push(`${f.label}: a rotated copy ${f.file}.${n} appeared`);
      } catch {
        // as it should be
      }
    }
  }
  return problems;
}

export function killStrangers(fixtures: OwnershipFixtures): void {
  for (const s of fixtures.strangers) {
    try {
      if (startTimeOf(s.pid) === s.startTime) process.kill(s.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}
