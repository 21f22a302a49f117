/**
 * Listening-socket ownership for `spec.socket` apps: berth binds and listens
 * once, never accepts, hands the socket to every instance as fd 3 (systemd's
 * protocol), detects readiness as "the instance's own processes accept on
 * it", and takes the socket back from a running instance after a controller
 * restart. Import from here.
 */
export * from './socket-defaults.js';
export * from './listening-socket.js';
export * from './socket-launch.js';
export * from './spawn-with-socket.js';
export * from './accept-readiness.js';
export * from './take-socket.js';
export * from './socket-errors.js';
export { findTcpSocket, type TcpSocketState } from './socket-table.js';
export { socketInodeOf } from './socket-inode.js';
