// The listen_sockets table: one row per (app, port), replaced when a socket is opened
// afresh on the same port, deleted per port or per app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryStore } from '../helpers/memory-store.js';
import { ListenSocketsTable } from '../../src/store/listen-sockets-table.js';

test('record, replace on the same port, list by app, delete one port or the app', () => {
  let now = 1_000;
  const store = memoryStore();
  const table = new ListenSocketsTable(store.db, () => now);
  table.record({ app: 'web', port: 8080, host: '::', backlog: 511, inode: '100' });
  table.record({ app: 'web', port: 8081, host: '::', backlog: 511, inode: '101' });
  table.record({ app: 'api', port: 9000, host: '127.0.0.1', backlog: 128, inode: '200' });
  now = 2_000;
  table.record({ app: 'web', port: 8080, host: '0.0.0.0', backlog: 64, inode: '300' });
  assert.deepEqual(table.get('web', 8080), { app: 'web', port: 8080, host: '0.0.0.0', backlog: 64, inode: '300', openedAt: 2_000 });
  assert.deepEqual(table.list('web').map((r) => [r.port, r.inode]), [[8080, '300'], [8081, '101']]);
  assert.deepEqual(table.list().map((r) => r.app), ['api', 'web', 'web']);
  table.delete('web', 8081);
  assert.equal(table.get('web', 8081), undefined);
  table.delete('web');
  assert.deepEqual(table.list().map((r) => r.app), ['api']);
  store.close();
});
