/**
 * What the kernel says about one TCP socket, found by inode in
 * /proc/net/tcp and tcp6: its local port, whether it still listens, and how
 * many connections wait in its accept queue. The queue length is how berth
 * (and its tests) can see that nobody accepts while no instance runs.
 */
import { readFileSync } from 'node:fs';

const TABLES = ['/proc/net/tcp6', '/proc/net/tcp'];
const LISTEN = '0A';

export interface TcpSocketState {
  port: number;
  /** The peer's port (0 for a listening socket). */
  remotePort: number;
  listening: boolean;
  /** For a listening socket: connections handshaken and waiting for accept(2) (rx_queue). */
  acceptQueue: number;
}

/**
 * @example findTcpSocket('40856') → { port: 8080, remotePort: 0, listening: true, acceptQueue: 0 }
 */
export function findTcpSocket(inode: string, tables: readonly string[] = TABLES): TcpSocketState | undefined {
  for (const table of tables) {
    let text: string;
    try {
      text = readFileSync(table, 'latin1');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // sl local_address rem_address st tx_queue:rx_queue tr:when retrnsmt uid timeout inode
      if (fields[9] !== inode) continue;
      const portOf = (address: string): number => Number.parseInt(address.slice(address.lastIndexOf(':') + 1), 16);
      const queues = fields[4]!.split(':');
      return {
        port: portOf(fields[1]!),
        remotePort: portOf(fields[2]!),
        listening: fields[3] === LISTEN,
        acceptQueue: Number.parseInt(queues[1] ?? '0', 16),
      };
    }
  }
  return undefined;
}
