// A tiny HTTP app for berth's examples: answers on $PORT with who it is.
// Graceful: on SIGTERM it stops accepting, finishes in-flight requests, exits.
import http from 'node:http';

const port = Number(process.env.PORT ?? 3000);
const server = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok\n');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(`${JSON.stringify({
    app: process.env.BERTH_APP_NAME,
    instance: Number(process.env.BERTH_INSTANCE_ID),
    port,
    pid: process.pid,
    greeting: process.env.GREETING ?? 'hello',
  })}\n`);
});
server.listen(port, () => console.log(`listening on ${port}`));
process.on('SIGTERM', () => {
  console.log('SIGTERM: closing');
  server.close(() => process.exit(0));
  server.closeIdleConnections();
});
