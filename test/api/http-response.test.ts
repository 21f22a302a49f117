import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MalformedResponseError, parseHttpResponse } from '../../src/api/http-response.js';

const parse = (text: string) => parseHttpResponse(Buffer.from(text, 'latin1'));
const bodyOf = (text: string) => parse(text).body.toString('utf8');

test('status, headers in lower case, and a body framed by content-length', () => {
  const res = parse('HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 7\r\nX-Dup: a\r\nx-dup: b\r\n\r\n{"a":1}');
  assert.equal(res.status, 404);
  assert.deepEqual(res.headers, { 'content-type': 'application/json', 'content-length': '7', 'x-dup': 'b' });
  assert.equal(res.body.toString(), '{"a":1}');
  assert.equal(bodyOf('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}trailing bytes of a next response'), '{}');
});

test('chunked bodies: several chunks, extensions, trailers, a multi-byte character split across chunks', () => {
  assert.equal(bodyOf('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n4\r\n{"a"\r\n3;ext=1\r\n:1}\r\n0\r\nx-trailer: t\r\n\r\n'), '{"a":1}');
  assert.equal(bodyOf('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n'), '0123456789');
  const euro = Buffer.from('€', 'utf8'); // 3 bytes
  const bytes = Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n2\r\n'), euro.subarray(0, 2), Buffer.from('\r\n1\r\n'), euro.subarray(2), Buffer.from('\r\n0\r\n\r\n')]);
  assert.equal(parseHttpResponse(bytes).body.toString('utf8'), '€');
});

test('no length and not chunked: the body runs to the close (HTTP/1.0 style); an empty body is fine', () => {
  assert.equal(bodyOf('HTTP/1.0 200 OK\r\n\r\nhello'), 'hello');
  assert.equal(bodyOf('HTTP/1.1 204 No Content\r\n\r\n'), '');
  assert.equal(parse('HTTP/1.1 200\r\ncontent-length: 0\r\n\r\n').status, 200);
});

test('what cannot be read says why', () => {
  const cases: [string, RegExp][] = [
    ['', /empty response/],
    ['HTTP/1.1 200 OK\r\ncontent-length: 2\r\n', /ends inside its headers/],
    ['SSH-2.0-OpenSSH\r\n\r\n', /not an HTTP response: "SSH-2.0-OpenSSH"/],
    ['HTTP/1.1 2000 OK\r\n\r\n', /not an HTTP response/],
    ['HTTP/1.1 200 OK\r\nno colon here\r\n\r\n', /bad header line "no colon here"/],
    ['HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n{}', /cut short: 2 of 10 bytes/],
    ['HTTP/1.1 200 OK\r\ncontent-length: -1\r\n\r\n', /bad content-length "-1"/],
    ['HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n', /bad chunk size "zz"/],
    ['HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n10\r\nshort\r\n', /cut short inside a chunk$/],
    ['HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n2\r\nab\r\n', /cut short inside a chunk header/],
  ];
  for (const [text, message] of cases) assert.throws(() => parse(text), (err: unknown) => err instanceof MalformedResponseError && message.test(err.message), JSON.stringify(text));
});
