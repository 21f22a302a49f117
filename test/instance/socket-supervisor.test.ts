// The Supervisor with spec.socket apps: real processes, real sockets, a real SQLite store.
// It opens one socket per app port, hands it to every spawn as fd 3, counts an instance
// ready when it accepts on it, keeps it through crashes and hand-overs, never accepts
// itself, closes it when no instance uses the port, and after a controller death takes
// it back from a running instance — or says why it cannot and refuses a hand-over.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { openStore, type Store } from '../../src/store/store.js';
import { Supervisor, type SupervisorOptions } from '../../src/instance/supervisor.js';
import type { InstanceConfig } from '../../src/instance/types.js';
import type { AppSpec } from '../../src/manifest/types.js';
import { acceptEvidenceOf, findAcceptor, findTcpSocket, SocketAdoptError, socketInodeOf } from '../../src/socket/index.js';
import { isGroupAlive } from '../../src/process/stop-process-group.js';
import { freePort } from '../helpers/free-ports.js';
import { getJsonFrom } from '../socket/helpers.js';
import { firstLineOf, fixture, holdEventLoop, isAlive, killGroupAfter, makeSpec, tempDir, until } from './helpers.js';

holdEventLoop();

const SOCKET = { shared: true, host: '127.0.0.1', backlog: 511, name: 'http' };

function setup(t: TestContext, options: Pick<SupervisorOptions, 'sockets'> = {}, dir = tempDir(t, 'berth-sock-')) {
  const store = openStore(path.join(dir, 'state.db'));
  const supervisor = new Supervisor({ store, home: dir, sweepIntervalMs: 100, ...options });
  t.after(() => {
    supervisor.detachAll();
    store.close();
  });
  const config = (port: number, spec: Partial<AppSpec> = {}, index = 0): InstanceConfig => ({
    app: 'web', index, specHash: 'h1', env: { PORT: String(port) }, ports: { port, tcp: [], udp: [] }, logDir: path.join(dir, 'logs'),
    spec: makeSpec({ args: [fixture('plain-http-server.mjs')], cwd: dir, stopTimeoutMs: 3_000, socket: SOCKET, ...spec }),
  });
  return { dir, store, supervisor, config };
}

/** Every pid a handle of the supervisor runs now, SIGKILLed (as a group) at test end. */
function killAllAfter(t: TestContext, supervisor: Supervisor): void {
  const seen = new Set<number>();
  const collect = setInterval(() => supervisor.list({ all: true }).forEach((h) => h.snapshot().pid && seen.add(h.snapshot().pid!)), 20);
  t.after(() => {
    clearInterval(collect);
    supervisor.list({ all: true }).forEach((h) => h.snapshot().pid && seen.add(h.snapshot().pid!));
    for (const pid of seen) killGroupAfter(t, pid);
  });
}

const inodeOf = (store: Store, port: number): string => store.listenSockets.get('web', port)!.inode;

test('instances inherit the one socket as fd 3, are ready when they accept, and keep it through a crash and a hand-over; the supervisor never accepts', async (t) => {
  const { store, supervisor, config } = setup(t);
  killAllAfter(t, supervisor);
  const port = await freePort();
  const [a, b] = [supervisor.start(config(port, {}, 0)), supervisor.start(config(port, {}, 1))];
  await Promise.all([a.waitReady({ timeoutMs: 10_000 }), b.waitReady({ timeoutMs: 10_000 })]);

  const inode = inodeOf(store, port);
  for (const handle of [a, b]) {
    const pid = handle.snapshot().pid!;
    assert.equal(socketInodeOf(pid, 3), inode, `instance ${handle.index} holds berth's socket as fd 3`);
    assert.ok(findAcceptor(pid, inode), `instance ${handle.index} is online because it accepts`);
  }
  assert.equal(findTcpSocket(inode)?.listening, true);
  assert.equal(acceptEvidenceOf(process.pid, inode), undefined, 'the supervisor holds the socket but never accepts on it');
  const answered = (await getJsonFrom(port)).body.pid;
  assert.ok([a.snapshot().pid, b.snapshot().pid].includes(answered as number), 'an instance answers on the shared port');

  const crashed = a.snapshot().pid!;
  process.kill(-crashed, 'SIGKILL');
  await until('instance 0 restarted and online', () => a.snapshot().status === 'online' && a.snapshot().pid !== crashed && a.snapshot().pid !== null, 10_000);
  assert.equal(socketInodeOf(a.snapshot().pid!, 3), inode, 'the crash restart got the same socket');

  const before = b.snapshot().pid!;
  await supervisor.replace(config(port, {}, 1), { order: 'StartFirst' });
  const after = supervisor.get('web', 1)!.snapshot();
  assert.notEqual(after.pid, before);
  assert.equal(socketInodeOf(after.pid!, 3), inode, 'the replacement got the same socket');
  assert.equal(isGroupAlive(before), false, 'the old process was stopped after the new one accepted');
  assert.deepEqual((await supervisor.listenSockets('web')).map((s) => ({ port: s.port, inode: s.inode, held: s.held })), [{ port, inode, held: true }]);

  await supervisor.removeApp('web');
  assert.equal(findTcpSocket(inode), undefined, 'the app gone: its socket is closed');
  assert.equal(store.listenSockets.get('web', port), undefined);
});

test('a Python LISTEN_FDS app gets LISTEN_PID = its own PID (it exits otherwise) and the socket name', async (t) => {
  const { supervisor, config } = setup(t);
  killAllAfter(t, supervisor);
  const port = await freePort();
  const handle = supervisor.start(config(port, { script: 'python3', args: [fixture('listen-fds-server.py')], socket: { ...SOCKET, name: 'web-http' } }));
  await handle.waitReady({ timeoutMs: 10_000 });
  assert.deepEqual((await getJsonFrom(port)).body, { pid: handle.snapshot().pid, name: 'web-http' });
});

test('per-instance sockets (shared: false): one per port; scaling one instance away closes only its socket', async (t) => {
  const { store, supervisor, config } = setup(t);
  killAllAfter(t, supervisor);
  const [p0, p1] = [await freePort(), await freePort()];
  const spec = { socket: { ...SOCKET, shared: false } };
  const handles = [supervisor.start(config(p0, spec, 0)), supervisor.start(config(p1, spec, 1))];
  await Promise.all(handles.map((h) => h.waitReady({ timeoutMs: 10_000 })));
  const [i0, i1] = [inodeOf(store, p0), inodeOf(store, p1)];
  assert.notEqual(i0, i1);
  assert.equal((await getJsonFrom(p1)).body.pid, handles[1]!.snapshot().pid);
  await supervisor.remove('web', 1);
  assert.equal(findTcpSocket(i1), undefined, 'instance 1 removed: its socket is closed');
  assert.equal(findTcpSocket(i0)?.listening, true, 'instance 0 keeps its own');
});

test('after the controller dies: the next one takes the socket back (same inode); where it cannot, it says why and refuses the hand-over before stopping anything', async (t) => {
  const dir = tempDir(t, 'berth-sock-adopt-');
  const port = await freePort();
  const controller = spawn(process.execPath, [fixture('socket-supervisor-in-child.mjs'), path.join(dir, 'state.db'), String(port), path.join(dir, 'logs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => controller.kill('SIGKILL'));
  const line = await firstLineOf(controller);
  const { pid, inode } = JSON.parse(line) as { pid: number; inode: string };
  killGroupAfter(t, pid);
  controller.kill('SIGKILL');
  await new Promise((resolve) => controller.once('exit', resolve));
  assert.equal((await getJsonFrom(port)).body.pid, pid, 'the instance keeps serving without a controller');

  // A controller that may not copy the instance's descriptors (EPERM, as under Yama ptrace_scope=1).
  const refused = setup(t, { sockets: { take: async (pids) => { throw new SocketAdoptError('permission', pids[0] ?? 0, 'pidfd_getfd: EPERM'); } } }, dir);
  const configFor = (index: number, specHash: string) => ({ ...refused.config(port, {}, index), specHash });
  refused.supervisor.adoptRecorded('web', configFor);
  const [state] = await refused.supervisor.listenSockets('web');
  assert.equal(state?.held, false);
  assert.match(state?.problem ?? '', new RegExp(`cannot take the listening socket on port ${port} back from the running instances: .*CAP_SYS_PTRACE`));
  await assert.rejects(refused.supervisor.replace(refused.config(port), { order: 'StopFirst' }), { code: 'SOCKET_ADOPT_FAILED' });
  assert.ok(isAlive(pid), 'the refused hand-over stopped nothing');
  assert.equal((await getJsonFrom(port)).body.pid, pid);
  refused.supervisor.detachAll();

  // A controller that may: same socket, and a StopFirst hand-over on it.
  const { supervisor, store, config } = setup(t, {}, dir);
  killAllAfter(t, supervisor);
  supervisor.adoptRecorded('web', (index, specHash) => ({ ...config(port, {}, index), specHash }));
  const [taken] = await supervisor.listenSockets('web');
  assert.deepEqual({ held: taken?.held, inode: taken?.inode, problem: taken?.problem }, { held: true, inode, problem: undefined });
  await supervisor.replace(config(port), { order: 'StopFirst' });
  const next = supervisor.get('web', 0)!.snapshot().pid!;
  assert.notEqual(next, pid);
  assert.equal(socketInodeOf(next, 3), inode, 'the new instance runs on the socket the dead controller opened');
  assert.equal(inodeOf(store, port), inode);
  assert.equal((await getJsonFrom(port)).body.pid, next);
});

test('adding spec.socket to a running app on the same port, and dropping it again, hands over StopFirst: each process can bind', async (t) => {
  const { store, supervisor, config } = setup(t);
  killAllAfter(t, supervisor);
  const port = await freePort();
  const own = supervisor.start(config(port, { socket: undefined }));
  await own.waitReady({ timeoutMs: 10_000 });
  assert.equal((await getJsonFrom(port)).body.pid, own.snapshot().pid, 'it binds the port itself');

  await supervisor.replace(config(port), { order: 'StartFirst' });
  const onSocket = supervisor.get('web', 0)!.snapshot().pid!;
  const inode = inodeOf(store, port);
  assert.equal(socketInodeOf(onSocket, 3), inode, 'now on berth\'s socket');
  assert.equal((await getJsonFrom(port)).body.pid, onSocket);

  await supervisor.replace(config(port, { socket: undefined }), { order: 'StartFirst' });
  const bindsItself = supervisor.get('web', 0)!.snapshot().pid!;
  assert.equal(findTcpSocket(inode), undefined, 'berth closed its socket');
  assert.equal(store.listenSockets.get('web', port), undefined);
  assert.equal((await getJsonFrom(port)).body.pid, bindsItself);
});
