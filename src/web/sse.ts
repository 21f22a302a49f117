/**
 * Server-sent events on a plain HTTP response: the browser's EventSource
 * reconnects by itself, and nothing is needed on the page but a URL.
 */
import type { ServerResponse } from 'node:http';

export type SendEvent = (event: string, json: string) => void;

/**
 * Writes the stream's headers and returns the sender. `json` must be one
 * line (JSON.stringify output is).
 *
 * @example const send = openEventStream(res); send('frame', JSON.stringify(frame));
 */
export function openEventStream(res: ServerResponse, { retryMs = 2_000 }: { retryMs?: number } = {}): SendEvent {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  // Ask the browser to come back quickly after a controller restart.
  res.write(`retry: ${retryMs}\n\n`);
  return (event, json) => {
    res.write(`event: ${event}\ndata: ${json}\n\n`);
  };
}
