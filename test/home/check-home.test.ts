// The home as ssh's StrictModes checks ~/.ssh: refused when another user could
// have planted something in it, tightened when merely readable by others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { checkHome, ensureHome, UnsafeHomeError } from '../../src/home/check-home.js';
import { tempDir } from '../instance/helpers.js';

const mode = (p: string) => statSync(p).mode & 0o777;

test('a missing home passes and is not created; ensureHome creates it and its logs 0700', (t) => {
  const home = path.join(tempDir(t), 'a', 'home');
  checkHome(home);
  assert.equal(existsSync(home), false);
  ensureHome(home);
  assert.equal(mode(home), 0o700);
  assert.equal(mode(path.join(home, 'logs')), 0o700);
});

test('a home readable by others is tightened to 0700; one writable by group or others is refused with the fix', (t) => {
  const home = path.join(tempDir(t), 'home');
  mkdirSync(home);
  chmodSync(home, 0o755);
  checkHome(home);
  assert.equal(mode(home), 0o700);
  for (const bad of [0o775, 0o777, 0o1777, 0o722]) {
    chmodSync(home, bad);
    assert.throws(() => checkHome(home), (err: unknown) => err instanceof UnsafeHomeError
      && err.message === `unsafe home ${home}: ${home} is writable by group or others (mode ${`0${(bad & 0o7777).toString(8)}`}); fix: chmod 700 ${home}`);
  }
});

test('logs that is a symlink or not a folder is refused; a home reached through the user\'s own symlink is fine', (t) => {
  const dir = tempDir(t);
  const home = path.join(dir, 'home');
  mkdirSync(path.join(dir, 'elsewhere'), { mode: 0o700 });
  mkdirSync(home, { mode: 0o700 });
  symlinkSync(path.join(dir, 'elsewhere'), path.join(home, 'logs'));
  assert.throws(() => checkHome(home), /logs is a symbolic link, and berth never follows one inside its home; fix: remove it$/);
  const link = path.join(dir, 'link');
  symlinkSync(path.join(dir, 'elsewhere'), link);
  checkHome(link);
});
