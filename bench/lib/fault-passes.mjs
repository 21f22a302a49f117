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

/** Each pass: { name, skip?(): string | undefined, run(kit, rounds, note) → problems[] }. */
export const faultPasses = [
  {
    name: 'manifest folder renamed away and back',
    async run(kit, rounds) {
      const { driver, ...state } = await kit.start();
      const problems = [];
      try {
        for (let round = 0; round < rounds; round++) {
          renameSync(driver.dir, `${driver.dir}.away`);
          const warned = await waitUntil(async () => (await driver.cli(['list'])).stderr.includes('Warning: manifest directory'));
          if (!warned) problems.push('list never warned about the missing folder');
          await sleep(2_500); // a resync passes while it is gone
          problems.push(...kit.stopped(state.steady));
          renameSync(`${driver.dir}.away`, driver.dir);
          driver.writeManifest('late.yaml', kit.manifest('late'));
          problems.push(...(await kit.verify(driver, { ...state, desired: new Map([...state.desired, ['late', 1]]) })));
          driver.removeManifest('late.yaml');
          problems.push(...(await kit.converge(driver, state.desired)));
        }
      } finally {
        await driver.cleanup();
      }
      return problems;
    },
  },
  {
    name: 'manifest folder replaced by a file',
    async run(kit, rounds) {
      const { driver, ...state } = await kit.start();
      const problems = [];
      try {
        for (let round = 0; round < rounds; round++) {
          renameSync(driver.dir, `${driver.dir}.away`);
          writeFileSync(driver.dir, 'not a folder\n');
          await sleep(2_500);
          problems.push(...(await kit.verify(driver, state)));
          rmSync(driver.dir);
          renameSync(`${driver.dir}.away`, driver.dir);
          problems.push(...(await kit.verify(driver, state)));
        }
      } finally {
        await driver.cleanup();
      }
      return problems;
    },
  },
  {
    name: 'unreadable subfolder and file',
    async run(kit, rounds) {
      const { driver, ...state } = await kit.start();
      const problems = [];
      const sub = path.join(driver.dir, 'team');
      try {
        driver.writeManifest('team/s2.yaml', kit.manifest('s2'));
        const desired = new Map([...state.desired, ['s2', 1]]);
        problems.push(...(await kit.converge(driver, desired)));
        const steady = kit.steadyPids();
        for (let round = 0; round < rounds; round++) {
          // root reads any mode: a symlink loop (ELOOP) is unreadable for everyone; else chmod 000
          const asRoot = process.getuid?.() === 0;
          const real = path.join(driver.root, 'team.real'); // outside the folder: its files must not be found elsewhere
          if (asRoot) {
            renameSync(sub, real);
            symlinkSync('team-loop', sub);
            symlinkSync('team', path.join(driver.dir, 'team-loop'));
          } else spawnSync('chmod', ['000', sub]);
          renameSync(path.join(driver.dir, 's1.yaml'), path.join(driver.root, 's1.real'));
          symlinkSync('s1-loop.yaml', path.join(driver.dir, 's1.yaml'));
          symlinkSync('s1.yaml', path.join(driver.dir, 's1-loop.yaml'));
          driver.writeManifest('fresh.yaml', kit.manifest('fresh'));
          problems.push(...(await kit.verify(driver, { steady, desired: new Map([...desired, ['fresh', 1]]) })));
          if (asRoot) {
            rmSync(sub);
            rmSync(path.join(driver.dir, 'team-loop'));
            renameSync(real, sub);
          } else spawnSync('chmod', ['755', sub]);
          rmSync(path.join(driver.dir, 's1.yaml'));
          rmSync(path.join(driver.dir, 's1-loop.yaml'));
          renameSync(path.join(driver.root, 's1.real'), path.join(driver.dir, 's1.yaml'));
          driver.removeManifest('fresh.yaml');
          problems.push(...(await kit.verify(driver, { steady, desired })));
        }
      } finally {
        await driver.cleanup();
      }
      return problems;
    },
  },
  {
    name: 'symlink cycles in the manifest folder',
    async run(kit, rounds, note) {
      const { driver, ...state } = await kit.start();
      const problems = [];
      let maxRss = 0;
      try {
        for (let round = 0; round < rounds; round++) {
          const loop = path.join(driver.dir, `loop${round}`);
          mkdirSync(loop);
          symlinkSync('../' + path.basename(loop), path.join(loop, 'self'));
          symlinkSync(driver.dir, path.join(loop, 'up'));
          driver.writeManifest('late.yaml', kit.manifest('late'));
          problems.push(...(await kit.verify(driver, { ...state, desired: new Map([...state.desired, ['late', 1]]) })));
          maxRss = Math.max(maxRss, rssBytes(driver.pid) ?? 0);
          driver.removeManifest('late.yaml');
          problems.push(...(await kit.converge(driver, state.desired)));
        }
        if (maxRss > 300 * 2 ** 20) problems.push(`controller RSS ${Math.round(maxRss / 2 ** 20)} MB with the cycles`);
        note(`controller RSS with ${rounds} cycles: ${Math.round(maxRss / 2 ** 20)} MB`);
      } finally {
        await driver.cleanup();
      }
      return problems;
    },
  },
  {
    name: 'full disk under the store',
    skip: () => (process.getuid?.() === 0 ? undefined : 'mounting a small tmpfs needs root'),
    async run(kit, rounds) {
      let mounted;
      const { driver, ...state } = await kit.start({
        home: async (d) => {
          const res = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', d.home], { encoding: 'utf8' });
          if (res.status !== 0) throw new Error(`cannot mount a tmpfs: ${res.stderr.trim()}`);
          mounted = d.home;
        },
      });
      const problems = [];
      const filler = path.join(driver.home, 'filler');
      try {
        for (let round = 0; round < rounds; round++) {
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
          const reported = await waitUntil(async () => /^Store: /m.test((await driver.cli(['info', 's1'])).stdout));
          if (!reported) problems.push('berth info never showed the store fault');
          if (!driver.alive()) problems.push('the controller died on a full disk');
          problems.push(...(await kit.answering(driver)));
          rmSync(filler, { force: true });
          const steady = new Map([...state.steady].filter(([key]) => key !== victim[0]));
          problems.push(...(await kit.verify(driver, { steady, desired: new Map([...state.desired, ['late', 1]]) })));
          driver.removeManifest('late.yaml');
          problems.push(...(await kit.converge(driver, state.desired)));
          state.steady = kit.steadyPids();
        }
      } finally {
        await driver.down().catch(() => {});
        if (mounted && spawnSync('umount', [mounted]).status !== 0) spawnSync('umount', ['-l', mounted]);
        await driver.cleanup();
      }
      return problems;
    },
  },
  {
    name: 'state.db deleted under the controller',
    async run(kit, rounds) {
      const { driver, ...state } = await kit.start();
      const problems = [];
      const db = path.join(driver.home, 'state.db');
      try {
        for (let round = 0; round < rounds; round++) {
          for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
          if (!(await waitUntil(() => existsSync(db)))) problems.push('state.db was not written back');
          problems.push(...(await kit.verify(driver, state)));
          await driver.kill9();
          await driver.up();
          problems.push(...(await kit.verify(driver, state))); // adopted from the rewritten store, not restarted
        }
      } finally {
        await driver.cleanup();
      }
      return problems;
    },
  },
  {
    name: 'state.db corrupted',
    async run(kit, rounds) {
      const problems = [];
      for (let round = 0; round < rounds; round++) {
        const { driver, ...state } = await kit.start();
        const db = path.join(driver.home, 'state.db');
        const corrupt = () => {
          const fd = openSync(db, 'r+');
          writeSync(fd, randomBytes(8192), 0, 8192, 1024); // as the review did: dd bs=1024 count=8 seek=1
          closeSync(fd);
        };
        try {
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
          const stillRunning = [...state.steady].filter(([, pid]) => kit.stopped(new Map([['x', pid]])).length === 0);
          if (stillRunning.length) problems.push(`down left ${stillRunning.length} process(es) running`);
          for (const suffix of ['', '-wal', '-shm']) if (existsSync(`${db}${suffix}`)) renameSync(`${db}${suffix}`, `${db}.corrupt${suffix}`);
          await driver.up();
          problems.push(...(await kit.converge(driver, state.desired)));
        } finally {
          await driver.cleanup();
        }
      }
      return problems;
    },
  },
  {
    name: 'controllers started at once',
    async run(kit, rounds) {
      const { driver, ...state } = await kit.start();
      const problems = [];
      try {
        for (let round = 0; round < rounds; round++) {
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
        }
      } finally {
        await driver.cleanup();
      }
      return problems;
    },
  },
  {
    name: 'parallel applies on one fixed port',
    async run(kit, rounds) {
      const { driver, ...state } = await kit.start();
      const problems = [];
      try {
        for (let round = 0; round < rounds; round++) {
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
          problems.push(...(await kit.converge(driver, state.desired)));
        }
      } finally {
        await driver.cleanup();
      }
      return problems;
    },
  },
];
