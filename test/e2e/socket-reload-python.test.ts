// SPEC "One port for N instances": a Python stdlib app that takes the socket the systemd
// way (LISTEN_PID must be its own PID, fd 3) on berth's socket, 10 StartFirst and 10
// StopFirst `berth reload`s under 8 closed-loop clients: 0 failed.
import { test } from 'node:test';
import { FIXTURES } from '../socket/helpers.js';
import { zeroLossReloads } from '../helpers/socket-reload-scenario.js';

test('a Python LISTEN_FDS app on berth\'s socket: 10 StartFirst + 10 StopFirst reloads under 8 clients lose no request, one socket throughout', async (t) => {
  await zeroLossReloads(t, { script: 'python3', args: ['listen-fds-server.py'], cwd: FIXTURES });
});
