/**
 * The one Node internal berth's socket ownership rests on:
 * `net._createServerHandle`, which binds a TCP socket WITHOUT listening and
 * without putting it in the event loop's poll set (Node's cluster module
 * uses it for the same reason). A server made with net.createServer() would
 * make the controller accept connections itself. Covered by tests on every
 * Node major berth supports (test/socket/listening-socket.test.ts).
 */
import net from 'node:net';
import { getSystemErrorName } from 'node:util';

/** The libuv TCP wrap `_createServerHandle` returns (only what berth uses). */
export interface TcpServerHandle {
  /** The OS file descriptor. */
  readonly fd: number;
  /** Clears (true) or sets (false) O_NONBLOCK on the socket's open file description. Returns 0 or a negative errno. */
  setBlocking(blocking: boolean): number;
  /** Fills `out` with the bound address; returns 0 or a negative errno. */
  getsockname(out: { address?: string; port?: number; family?: string }): number;
  close(callback?: () => void): void;
}

type CreateServerHandle = (address: string | null, port: number | null, addressType: number | null, fd?: number | null, flags?: number) => TcpServerHandle | number;

function createServerHandle(): CreateServerHandle {
  const fn = (net as unknown as { _createServerHandle?: CreateServerHandle })._createServerHandle;
  if (typeof fn !== 'function') throw new Error(`this Node.js (${process.version}) has no net._createServerHandle; berth cannot own listening sockets on it`);
  return fn;
}

/**
 * Binds `host:port` (port 0: the kernel picks) and returns the handle, or
 * the errno name (EADDRINUSE, EACCES, EAFNOSUPPORT, ...) when bind fails.
 *
 * @example const handle = bindTcpHandle('::', 8080); // bound, not listening, never polled
 */
export function bindTcpHandle(host: string, port: number): TcpServerHandle | string {
  const family = net.isIP(host);
  if (family === 0) return 'EINVAL';
  const result = createServerHandle()(host, port, family);
  if (typeof result === 'number') return getSystemErrorName(result);
  // libuv defers EADDRINUSE from bind(2) to listen(2): the socket is left unbound (port 0), and
  // listening on it would silently pick a random port. Catch it here.
  const address: { port?: number } = {};
  if (result.getsockname(address) !== 0 || !address.port) {
    result.close();
    return 'EADDRINUSE';
  }
  return result;
}
