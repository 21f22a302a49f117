// Loopback helpers: find a block of free ports, and wait until a set of
// ports all answer HTTP (the benchmarks' "all listening" moment).
import net from 'node:net';
import http from 'node:http';
import { sleep } from './system.mjs';

function bindable(port, host) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (err) => resolve(host === '::' && err.code === 'EAFNOSUPPORT' ? bindable(port, '0.0.0.0') : false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * The first run of `count` contiguous ports, at or above `from`, that bind
 * on every address. Bounded: gives up at 65535.
 */
export async function findFreeRange(count, { from = 21000, to = 60000 } = {}) {
  let start = from;
  while (start + count - 1 <= to) {
    let ok = true;
    for (let port = start; port < start + count; port++) {
      if (!(await bindable(port, '::'))) {
        start = port + 1;
        ok = false;
        break;
      }
    }
    if (ok) return start;
  }
  throw new Error(`no ${count} contiguous free ports between ${from} and ${to}`);
}

/** One HTTP GET to 127.0.0.1:port; resolves true on any complete answer. */
export function answers(port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(true));
      res.on('error', () => resolve(false));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

/**
 * Polls every port (one GET each per round, `pollMs` between rounds) until
 * all answer; returns ms from `t0` (performance.now()) to the round in
 * which the last one answered. Throws after `timeoutMs`.
 */
export async function waitAllAnswer(ports, { t0 = performance.now(), timeoutMs = 120_000, pollMs = 20, onProgress } = {}) {
  const pending = new Set(ports);
  const deadline = t0 + timeoutMs;
  while (pending.size > 0) {
    if (performance.now() > deadline) throw new Error(`${pending.size} of ${ports.length} ports never answered (e.g. ${[...pending].slice(0, 5).join(', ')})`);
    const round = [...pending];
    const results = await Promise.all(round.map((p) => answers(p, 500)));
    round.forEach((p, i) => results[i] && pending.delete(p));
    onProgress?.(ports.length - pending.size);
    if (pending.size > 0) await sleep(pollMs);
  }
  return performance.now() - t0;
}
