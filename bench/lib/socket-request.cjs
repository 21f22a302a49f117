// The least a Node CLI can do to ask berth's controller something: connect to
// its socket, send one GET, print the body. `berth list` does this and more
// (flags, the home check, the table or JSON); the list row puts this beside
// it as the floor of any CLI that asks a daemon over a socket.
// usage: node socket-request.cjs SOCKET PATH
'use strict';
const [socketPath, requestPath] = process.argv.slice(2);
const chunks = [];
const socket = require('node:net').connect(socketPath, () => socket.end(`GET ${requestPath} HTTP/1.1\r\nHost: berth\r\nConnection: close\r\n\r\n`));
socket.on('data', (chunk) => chunks.push(chunk));
socket.on('end', () => {
  const response = Buffer.concat(chunks).toString();
  process.stdout.write(response.slice(response.indexOf('\r\n\r\n') + 4));
});
socket.on('error', (err) => {
  process.stderr.write(`${err.message}\n`);
  process.exitCode = 1;
});
