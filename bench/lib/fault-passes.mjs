// The fault passes of `npm run chaos`, run like the kill -9 churn: each
// pass starts a controller with steady apps, injects its fault `rounds`
// times, and after each round checks (fault-kit.mjs) that no running app was
// stopped by accident, no process is duplicated, no port is held twice,
// integrity_check is ok and the controller is alive and answering.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { sleep, rssBytes } from './system.mjs';
import { findFreeRange } from './net.mjs';

const waitUntil = async (check, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(100);
  }
  return false;
};

const withApp = (desired, name) => new Map([...desired, [name, 1]]);

/** Each pass: { name, skip?(): string | undefined, run(kit, rounds, note) → problems[] }. */
export const faultPasses = [
  {
    name: 'manifest folder renamed away and back',
    run: (kit, rounds) => kit.rounds({}, rounds, async (driver, state) => {
      const problems = [];
      renameSync(driver.dir, `${driver.dir}.away`);
      if (!(await waitUntil(async () => (await driver.cli(['list'])).stderr.includes('Warning: manifest directory')))) problems.push('list never warned about the missing folder');
      await sleep(2_500); // a resync passes while it is gone
      problems.push(...kit.stopped(state.steady));
      renameSync(`${driver.dir}.away`, driver.dir);
      driver.writeManifest('late.yaml', kit.manifest('late'));
      problems.push(...(await kit.verify(driver, { ...state, desired: withApp(state.desired, 'late') })));
      driver.removeManifest('late.yaml');
      return [...problems, ...(await kit.converge(driver, state.desired))];
    }),
  },
  {
    name: 'manifest folder replaced by a file',
    run: (kit, rounds) => kit.rounds({}, rounds, async (driver, state) => {
      renameSync(driver.dir, `${driver.dir}.away`);
      writeFileSync(driver.dir, 'not a folder\n');
      await sleep(2_500);
      const problems = await kit.verify(driver, state);
      rmSync(driver.dir);
      renameSync(`${driver.dir}.away`, driver.dir);
      return [...problems, ...(await kit.verify(driver, state))];
    }),
  },
  {
    name: 'unreadable subfolder and file',
    run: (kit, rounds) => kit.rounds({
      setup: async (state) => {
        state.driver.writeManifest('team/s2.yaml', kit.manifest('s2'));
        state.desired = withApp(state.desired, 's2');
        const problems = await kit.converge(state.driver, state.desired);
        state.steady = kit.steadyPids();
        return problems;
      },
    }, rounds, async (driver, state) => {
      const sub = path.join(driver.dir, 'team');
      const real = path.join(driver.root, 'team.real'); // outside the folder: its files must not be found elsewhere
      const link = (from, to) => symlinkSync(to, path.join(driver.dir, from));
      // root reads any mode: a symlink loop (ELOOP) is unreadable for everyone; else chmod 000
      const asRoot = process.getuid?.() === 0;
      if (asRoot) {
        renameSync(sub, real);
        link('team', 'team-loop');
        link('team-loop', 'team');
      } else spawnSync('chmod', ['000', sub]);
      renameSync(path.join(driver.dir, 's1.yaml'), path.join(driver.root, 's1.real'));
      link('s1.yaml', 's1-loop.yaml');
      link('s1-loop.yaml', 's1.yaml');
      driver.writeManifest('fresh.yaml', kit.manifest('fresh'));
      const problems = await kit.verify(driver, { ...state, desired: withApp(state.desired, 'fresh') });
      if (asRoot) {
        for (const name of ['team', 'team-loop']) rmSync(path.join(driver.dir, name));
        renameSync(real, sub);
      } else spawnSync('chmod', ['755', sub]);
      for (const name of ['s1.yaml', 's1-loop.yaml']) rmSync(path.join(driver.dir, name));
      renameSync(path.join(driver.root, 's1.real'), path.join(driver.dir, 's1.yaml'));
      driver.removeManifest('fresh.yaml');
      return [...problems, ...(await kit.verify(driver, state))];
    }),
  },
  {
    name: 'symlink cycles in the manifest folder',
    async run(kit, rounds, note) {
      let maxRss = 0;
      const problems = await kit.rounds({}, rounds, async (driver, state, round) => {
        const loop = path.join(driver.dir, `loop${round}`);
        mkdirSync(loop);
        symlinkSync(`../${path.basename(loop)}`, path.join(loop, 'self'));
        symlinkSync(driver.dir, path.join(loop, 'up'));
        driver.writeManifest('late.yaml', kit.manifest('late'));
        const found = await kit.verify(driver, { ...state, desired: withApp(state.desired, 'late') });
        maxRss = Math.max(maxRss, rssBytes(driver.pid) ?? 0);
        driver.removeManifest('late.yaml');
        return [...found, ...(await kit.converge(driver, state.desired))];
      });
      if (maxRss > 300 * 2 ** 20) problems.push(`controller RSS ${Math.round(maxRss / 2 ** 20)} MB with the cycles`);
      note(`controller RSS with ${rounds} cycles: ${Math.round(maxRss / 2 ** 20)} MB`);
      return problems;
    },
  },
  {
    name: 'full disk under the store',
    skip: () => (process.getuid?.() === 0 ? undefined : 'mounting a small tmpfs needs root'),
    run: (kit, rounds) => kit.rounds({
      home: async (driver) => {
        const res = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', driver.home], { encoding: 'utf8' });
        if (res.status !== 0) throw new Error(`cannot mount a tmpfs: ${res.stderr.trim()}`);
      },
      teardown: async ({ driver }) => {
        await driver.down().catch(() => {});
        if (spawnSync('umount', [driver.home]).status !== 0) spawnSync('umount', ['-l', driver.home]);
      },
    }, rounds, async (driver, state) => {
      const problems = [];
      const filler = path.join(driver.home, 'filler');
      const fd = openSync(filler, 'a');
      try {
        for (;;) writeSync(fd, Buffer.alloc(64 * 1024, 120));
      } catch (err) {
        if (err.code !== 'ENOSPC') throw err;
      } finally {
        closeSync(fd);
      }
      const [victim] = [...state.steady].filter(([key]) => key.startsWith('s0/'));
      process.kill(victim[1], 'SIGKILL'); // a crash to supervise while nothing can be written
      driver.writeManifest('late.yaml', kit.manifest('late'));
      if (!(await waitUntil(async () => /^Store: /m.test((await driver.cli(['info', 's1'])).stdout)))) problems.push('berth info never showed the store fault');
      if (!driver.alive()) problems.push('the controller died on a full disk');
      problems.push(...(await kit.answering(driver)));
      rmSync(filler, { force: true });
      const steady = new Map([...state.steady].filter(([key]) => key !== victim[0]));
      problems.push(...(await kit.verify(driver, { steady, desired: withApp(state.desired, 'late') })));
      driver.removeManifest('late.yaml');
      problems.push(...(await kit.converge(driver, state.desired)));
      state.steady = kit.steadyPids();
      return problems;
    }),
  },
  {
    name: 'state.db deleted under the controller',
    run: (kit, rounds) => kit.rounds({}, rounds, async (driver, state) => {
      const db = path.join(driver.home, 'state.db');
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
      const problems = (await waitUntil(() => existsSync(db))) ? [] : ['state.db was not written back'];
      problems.push(...(await kit.verify(driver, state)));
      await driver.kill9();
      await driver.up();
      return [...problems, ...(await kit.verify(driver, state))]; // adopted from the rewritten store, not restarted
    }),
  },
  {
    name: 'state.db corrupted',
    run: (kit, rounds) => kit.rounds({ fresh: true }, rounds, async (driver, state) => {
      const problems = [];
      const db = path.join(driver.home, 'state.db');
      const corrupt = () => {
        const fd = openSync(db, 'r+');
        writeSync(fd, randomBytes(8192), 0, 8192, 1024); // as the review did: dd bs=1024 count=8 seek=1
        closeSync(fd);
      };
      // under a running controller (its WAL and cache may hide it): it must survive, nothing stops
      corrupt();
      await sleep(1_500);
      if (!driver.alive()) problems.push('the controller died on a corrupt store');
      problems.push(...kit.stopped(state.steady), ...(await kit.answering(driver)));
      // with none running (the WAL checkpointed away): up refuses with one line, down still stops the apps
      const exited = new Promise((resolve) => driver.controller.once('exit', resolve));
      driver.controller.kill('SIGTERM');
      await exited;
      corrupt();
      const up = await driver.cli(['up', '--dir', driver.dir]);
      if (up.code !== 1 || !/is corrupt .*move it away to start fresh/.test(up.stderr)) problems.push(`up on a corrupt store: exit ${up.code}: ${up.stderr.trim()}`);
      problems.push(...kit.stopped(state.steady));
      const down = await driver.cli(['down']);
      if (down.code !== 0) problems.push(`down on a corrupt store: ${down.stderr.trim()}`);
      const left = kit.stopped(state.steady).length;
      if (left !== state.steady.size) problems.push(`down left ${state.steady.size - left} process(es) running`);
      for (const suffix of ['', '-wal', '-shm']) if (existsSync(`${db}${suffix}`)) renameSync(`${db}${suffix}`, `${db}.corrupt${suffix}`);
      await driver.up();
      return [...problems, ...(await kit.converge(driver, state.desired))];
    }),
  },
  {
    name: 'controllers started at once',
    run: (kit, rounds) => kit.rounds({}, rounds, async (driver, state) => {
      const problems = [];
      await driver.kill9();
      driver.controller = undefined; // the next one is detached: asked through the socket only
      const results = await Promise.all([1, 2, 3].map(() => driver.cli(['up', '--dir', driver.dir, '--detach', '--sweep-interval', '250ms', '--resync', '2s'])));
      const started = results.filter((r) => r.code === 0).length;
      if (started !== 1) problems.push(`${started} of 3 simultaneous \`up\` started a controller`);
      for (const r of results.filter((x) => x.code !== 0)) if (!/^Error: a controller is already running for .* \(pid \d+\)$/.test(r.stderr.trim())) problems.push(`refused with: ${r.stderr.trim()}`);
      problems.push(...(await kit.verify(driver, state)));
      const down = await driver.cli(['down']);
      if (down.code !== 0) problems.push(`down: ${down.stderr.trim()}`);
      await driver.up();
      problems.push(...(await kit.converge(driver, state.desired)));
      state.steady = kit.steadyPids();
      return problems;
    }),
  },
  {
    name: 'parallel applies on one fixed port',
    run: (kit, rounds) => kit.rounds({}, rounds, async (driver, state, round) => {
      const problems = [];
      const port = await findFreeRange(1, { from: 26000 + round * 50 });
      const files = Array.from({ length: 10 }, (_, i) => {
        const file = path.join(driver.root, `race${round}-${i}.yaml`);
        writeFileSync(file, kit.manifest(`race${round}-${i}`, { port: String(port) }));
        return file;
      });
      const results = await Promise.all(files.map((file) => driver.cli(['apply', '-f', file])));
      const winners = results.filter((r) => r.code === 0).map((r) => /app\/(\S+) created/.exec(r.stdout)?.[1]);
      if (winners.length !== 1) problems.push(`${winners.length} of 10 parallel applies on port ${port} succeeded`);
      problems.push(...(await kit.verify(driver, { ...state, desired: new Map([...state.desired, ...winners.map((w) => [w, 1])]) })));
      for (const w of winners) driver.removeManifest(`${w}.yaml`);
      return [...problems, ...(await kit.converge(driver, state.desired))];
    }),
  },
];
