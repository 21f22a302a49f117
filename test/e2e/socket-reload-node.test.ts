// SPEC "One port for N instances": an unmodified Node 20 app (listen(process.env.PORT),
// no signal handler: berth's preload moves it to fd 3 and drains it) on berth's socket,
// 10 StartFirst and 10 StopFirst `berth reload`s under 8 closed-loop clients: 0 failed.
import { test } from 'node:test';
import { FIXTURES } from '../socket/helpers.js';
import { zeroLossReloads } from '../helpers/socket-reload-scenario.js';

test('an unmodified Node app on berth\'s socket: 10 StartFirst + 10 StopFirst reloads under 8 clients lose no request, one socket throughout', async (t) => {
  await zeroLossReloads(t, { script: process.execPath, args: ['plain-http-server.mjs'], cwd: FIXTURES });
});
