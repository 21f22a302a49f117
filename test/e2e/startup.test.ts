// `berth startup`: the unit text (absolute paths, KillMode=process, the
// home and manifest directory), checked by systemd-analyze verify where it
// exists; the write path into a temp unit directory (--unit-dir
// --no-enable: nothing is enabled on this machine); unstartup removes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { BerthHarness, BIN } from '../helpers/berth-harness.js';
import { quoteExecArg, systemdUnit } from '../../src/startup/systemd-unit.js';

function verify(file: string): Promise<{ code: number; stderr: string } | undefined> {
  return new Promise((resolve) => {
    execFile('systemd-analyze', ['verify', file], (err, _stdout, stderr) => {
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') resolve(undefined);
      else resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stderr });
    });
  });
}

test('startup --print: absolute paths, KillMode=process, the home and the directory the controller watched', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const res = await berth.cli(['startup', '--print']);
  assert.equal(res.code, 0, res.stderr);
  const unit = res.stdout;
  const exec = /^ExecStart=(.*)$/m.exec(unit)![1]!.split(' ');
  // the bin package.json names, main.cjs (an installed package has no main.js link), in its real folder
  assert.deepEqual(exec, [realpathSync(process.execPath), path.join(realpathSync(path.dirname(BIN)), 'main.cjs'), 'up', '--dir', berth.dir, '--home', berth.home]);
  for (const word of exec.slice(0, 2)) assert.ok(path.isAbsolute(word) && existsSync(word), `${word} exists`);
  for (const line of ['Type=exec', 'KillMode=process', 'Restart=always', `User=${userInfo().username}`, `WorkingDirectory=${berth.dir}`, `Environment=BERTH_HOME=${berth.home}`, 'WantedBy=multi-user.target']) {
    assert.match(unit, new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
  }
  const file = path.join(berth.root, 'berth-test.service');
  await writeFile(file, unit);
  const verified = await verify(file);
  if (!verified) {
    t.skip('systemd-analyze is not installed (apt package systemd): unit not verified');
    return;
  }
  // it exits 0 even on bad values and says so on stderr only
  assert.deepEqual(verified, { code: 0, stderr: '' });
  await writeFile(file, unit.replace('KillMode=process', 'KillMode=bogus'));
  assert.match((await verify(file))!.stderr, /kill mode/i, 'verify does catch a bad value');
});

test('paths with spaces, quotes, % and $ are quoted as systemd reads them', async (t) => {
  const unit = systemdUnit({ node: '/usr/bin/node', main: '/opt/berth/main.js', home: '/srv/b h%x$y', dir: '/srv/m "q"', user: 'deploy' });
  assert.match(unit, /^ExecStart=\/usr\/bin\/node \/opt\/berth\/main\.js up --dir "\/srv\/m \\"q\\"" --home "\/srv\/b h%%x\$\$y"$/m);
  assert.match(unit, /^Environment="BERTH_HOME=\/srv\/b h%%x\$y"$/m);
  assert.equal(quoteExecArg('plain/path-1.js'), 'plain/path-1.js');
  const file = path.join((await BerthHarness.create()).root, 'odd.service');
  t.after(() => import('node:fs/promises').then((fs) => fs.rm(path.dirname(file), { recursive: true, force: true })));
  await writeFile(file, unit.replace('/usr/bin/node', realpathSync(process.execPath)));
  const verified = await verify(file);
  if (verified) assert.deepEqual(verified, { code: 0, stderr: '' });
  else t.skip('systemd-analyze is not installed: quoting not verified by systemd');
});

test('startup --unit-dir --no-enable writes the unit; unstartup removes it; no systemd: a clear error', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const units = path.join(berth.root, 'units');
  const written = await berth.cli(['startup', '--dir', berth.dir, '--unit-dir', units, '--no-enable', '--name', 'berth-test.service']);
  assert.equal(written.code, 0, written.stderr);
  const file = path.join(units, 'berth-test.service');
  assert.equal(written.stdout.trim(), `wrote ${file}`);
  assert.equal(await readFile(file, 'utf8'), `${(await berth.cli(['startup', '--dir', berth.dir, '--print'])).stdout.trimEnd()}\n`);
  const removed = await berth.cli(['unstartup', '--unit-dir', units, '--no-enable', '--name', 'berth-test.service']);
  assert.deepEqual([removed.code, removed.stdout.trim()], [0, `removed ${file}`]);
  assert.equal(existsSync(file), false);
  if (existsSync('/run/systemd/system')) {
    t.skip('systemd runs here: the refusal without it is not exercised');
    return;
  }
  const refused = await berth.cli(['startup', '--dir', berth.dir]);
  assert.deepEqual([refused.code, refused.stderr.trim()], [1, 'Error: systemd is not running on this host (no /run/systemd/system); see the unit with `berth startup --print` and install it with your init system']);
});
