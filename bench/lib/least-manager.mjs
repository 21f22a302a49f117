// The least a manifest-driven process manager can do from a manifest's
// rename to its app's fork, with the steps berth's contract requires and
// nothing of berth's architecture: the folder's inotify event names the
// file; berth's own parse and validation (parseManifestText); berth's own
// bind probe of the port (NetPortProber); the allocation and a spawn record
// committed to SQLite before the fork, and the pid after it (so that a crash
// leaves nothing unowned); the two log files created (O_EXCL|O_APPEND); the
// spawn, with PORT set, in its own process group. Run as a process, bytecode
// only as the controller is, after one rehearsal, by
// bench/first-manifest-least.mjs. Prints "ready" once it watches.
// `node bench/lib/least-manager.mjs DIR HOME FREE_PORT` (the rehearsal's port)
import { watch, writeFileSync } from 'node:fs';
import { mkdir, open, readFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parseManifestText } from '../../dist/src/manifest/parse-manifest-text.js';
import { NetPortProber } from '../../dist/src/ports/net-port-prober.js';
import { runBytecodeOnly } from '../../dist/src/daemon/bytecode-only.js';

runBytecodeOnly();
const [dir, home, freePort] = process.argv.slice(2);
const logDir = path.join(home, 'logs');
await mkdir(logDir, { recursive: true });
const db = new Database(path.join(home, 'least.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE TABLE IF NOT EXISTS allocations (port INTEGER PRIMARY KEY, app TEXT NOT NULL)');
db.exec('CREATE TABLE IF NOT EXISTS spawns (marker TEXT PRIMARY KEY, app TEXT NOT NULL, pid INTEGER)');
const allocate = db.prepare('INSERT OR REPLACE INTO allocations (port, app) VALUES (?, ?)');
const recordSpawn = db.prepare('INSERT INTO spawns (marker, app) VALUES (?, ?)');
const recordPid = db.prepare('UPDATE spawns SET pid = ? WHERE marker = ?');
const prober = new NetPortProber();
let spawns = 0;

async function start(file, { rehearsal = false } = {}) {
  const { resources, errors } = parseManifestText(await readFile(file, 'utf8'), file);
  const app = resources[0];
  if (errors.length > 0 || app?.kind !== 'App') return;
  const port = Number(String(app.spec.port).split('-')[0]);
  if (!(await prober.isFree('tcp', port))) return;
  allocate.run(port, app.metadata.name);
  const marker = `${process.pid}-${++spawns}`;
  recordSpawn.run(marker, app.metadata.name);
  const base = path.join(logDir, `${app.metadata.name}-${spawns}`);
  const [out, err] = await Promise.all([open(`${base}-out.log`, 'wx'), open(`${base}-err.log`, 'wx')]);
  const [command, args] = rehearsal ? ['true', []] : [app.spec.script, app.spec.args ?? []];
  const child = spawn(command, args, { cwd: app.spec.cwd, env: { ...process.env, ...app.spec.env, PORT: String(port) }, stdio: ['ignore', out.fd, err.fd], detached: true });
  recordPid.run(child.pid, marker);
  child.unref();
  await Promise.all([out.close(), err.close()]);
}

const sample = path.join(home, 'rehearsal.yaml');
writeFileSync(sample, `apiVersion: berth/v1\nkind: App\nmetadata: {name: rehearsal}\nspec:\n  script: node\n  args: [app.js]\n  port: "${freePort}"\n  env: {A: "b"}\n`);
await start(sample, { rehearsal: true });
watch(dir, (_event, name) => {
  if (name && !name.startsWith('.') && /\.ya?ml$/.test(name)) void start(path.join(dir, name)).catch((err) => console.error(err));
});
console.log('ready');
