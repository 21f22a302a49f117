/**
 * Reads one whole HTTP/1.1 response (the bytes a `Connection: close`
 * exchange leaves once the server closes): status line, headers, and the
 * body framed by `Transfer-Encoding: chunked`, `Content-Length` or the close
 * itself (RFC 9112 §6.3). The CLI's API client speaks HTTP over the Unix
 * socket with `node:net` and this, instead of loading `node:http`'s client
 * (issue 19: `berth list` starts fast).
 */

export interface HttpResponse {
  status: number;
  /** Header names in lower case; a repeated header keeps its last value. */
  headers: Record<string, string>;
  body: Buffer;
}

/** A response that cannot be read; the message says what is wrong with it. */
export class MalformedResponseError extends Error {}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * @example parseHttpResponse(Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}'))
 * // { status: 200, headers: { 'content-length': '2' }, body: <Buffer 7b 7d> }
 */
export function parseHttpResponse(bytes: Buffer): HttpResponse {
  const headEnd = bytes.indexOf(HEADER_END);
  if (headEnd < 0) throw new MalformedResponseError(bytes.length === 0 ? 'empty response' : 'response ends inside its headers');
  const [statusLine = '', ...fields] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(statusLine);
  if (!status) throw new MalformedResponseError(`not an HTTP response: ${JSON.stringify(statusLine.slice(0, 40))}`);
  const headers: Record<string, string> = {};
  for (const field of fields) {
    const colon = field.indexOf(':');
    if (colon <= 0) throw new MalformedResponseError(`bad header line ${JSON.stringify(field.slice(0, 40))}`);
    headers[field.slice(0, colon).trim().toLowerCase()] = field.slice(colon + 1).trim();
  }
  const rest = bytes.subarray(headEnd + HEADER_END.length);
  return { status: Number(status[1]), headers, body: frameBody(rest, headers) };
}

function frameBody(rest: Buffer, headers: Record<string, string>): Buffer {
  if (/(?:^|,)\s*chunked\s*$/i.test(headers['transfer-encoding'] ?? '')) return decodeChunked(rest);
  const declared = headers['content-length'];
  if (declared === undefined) return rest;
  if (!/^\d+$/.test(declared)) throw new MalformedResponseError(`bad content-length ${JSON.stringify(declared)}`);
  const length = Number(declared);
  if (rest.length < length) throw new MalformedResponseError(`response cut short: ${rest.length} of ${length} bytes`);
  return rest.subarray(0, length);
}

/** Chunk sizes in hex, each chunk followed by CRLF, a zero-size chunk (and optional trailers) at the end. */
function decodeChunked(data: Buffer): Buffer {
  const chunks: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) throw new MalformedResponseError('response cut short inside a chunk header');
    const sizeText = data.subarray(at, lineEnd).toString('latin1').split(';')[0]!.trim();
    if (!/^[0-9a-f]+$/i.test(sizeText)) throw new MalformedResponseError(`bad chunk size ${JSON.stringify(sizeText.slice(0, 20))}`);
    const size = parseInt(sizeText, 16);
    if (size === 0) return Buffer.concat(chunks);
    const start = lineEnd + 2;
    if (data.length < start + size + 2) throw new MalformedResponseError('response cut short inside a chunk');
    chunks.push(data.subarray(start, start + size));
    at = start + size + 2;
  }
}
