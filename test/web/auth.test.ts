// Who gets in: bearer header, ?token= (which sets the cookie), the cookie;
// nothing else. /metrics and /healthz are open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, writeFile, symlink, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { authenticate, cookieName, isPublicRoute } from '../../src/web/auth.js';
import { ensureWebToken, readWebToken, webTokenPath } from '../../src/web/web-token.js';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz012345';
const check = (headers: Record<string, string | undefined>, url = 'http://h/') => authenticate({ headers }, new URL(url), TOKEN, 9615);

test('bearer header, query token and cookie let in; wrong or missing tokens do not', () => {
  assert.deepEqual(check({ authorization: `Bearer ${TOKEN}` }), { ok: true, via: 'header' });
  const viaQuery = check({}, `http://h/?token=${TOKEN}`);
  assert.equal(viaQuery.ok && viaQuery.via, 'query');
  assert.match(viaQuery.ok && viaQuery.via === 'query' ? viaQuery.setCookie : '', new RegExp(`^${cookieName(9615)}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/$`));
  assert.deepEqual(check({ cookie: `other=1; ${cookieName(9615)}=${TOKEN}` }), { ok: true, via: 'cookie' });
  for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: TOKEN }, { cookie: `${cookieName(9616)}=${TOKEN}` }, { cookie: `${cookieName(9615)}=${TOKEN}x` }]) {
    assert.deepEqual(check(headers), { ok: false }, JSON.stringify(headers));
  }
  assert.deepEqual(check({}, 'http://h/?token=nope'), { ok: false });
});

test('only GET /metrics and GET /healthz are open', () => {
  assert.equal(isPublicRoute('GET', '/metrics'), true);
  assert.equal(isPublicRoute('GET', '/healthz'), true);
  assert.equal(isPublicRoute('POST', '/metrics'), false);
  assert.equal(isPublicRoute('GET', '/'), false);
  assert.equal(isPublicRoute('GET', '/api/state'), false);
});

test('the token file: made once, 0600, read back; loose modes and symlinks refused', async (t) => {
  const home = await mkdtemp(path.join(tmpdir(), 'berth-token-'));
  t.after(() => rm(home, { recursive: true, force: true }));
  assert.equal(readWebToken(home), undefined);
  const token = ensureWebToken(home);
  assert.match(token, /^[A-Za-z0-9_-]{32}$/);
  assert.equal((await stat(webTokenPath(home))).mode & 0o777, 0o600);
  assert.equal(ensureWebToken(home), token, 'the second start keeps the token');
  assert.equal(readWebToken(home), token);
  await chmod(webTokenPath(home), 0o644);
  assert.throws(() => readWebToken(home), /readable by other users \(mode 644\); run `chmod 600 /);
  await rm(webTokenPath(home));
  await writeFile(path.join(home, 'elsewhere'), `${TOKEN}\n`, { mode: 0o600 });
  await symlink(path.join(home, 'elsewhere'), webTokenPath(home));
  assert.throws(() => ensureWebToken(home), /is not a regular file/);
});
