/**
 * HTTP to the dashboard server on 127.0.0.1 for tests: plain requests that
 * return status, headers and body, and a server-sent-events reader that
 * waits for the event a test needs.
 */
import http from 'node:http';

export interface WebResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function webRequest(port: number, path: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<WebResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers, agent: false, timeout: 60_000 }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}

export interface SseMessage {
  event: string;
  data: string;
}

/** An open event stream; `next` resolves with the first message (from now on or already buffered) that matches. */
export class SseReader {
  private readonly messages: SseMessage[] = [];
  private readonly waiters = new Set<() => void>();
  private buffer = '';
  status = 0;

  private constructor(private readonly req: http.ClientRequest) {}

  static open(port: number, path: string, headers: Record<string, string> = {}): Promise<SseReader> {
    return new Promise((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path, headers, agent: false });
      const reader = new SseReader(req);
      req.on('response', (res) => {
        reader.status = res.statusCode!;
        res.on('data', (chunk: Buffer) => reader.push(chunk.toString()));
        resolve(reader);
      });
      req.on('error', reject);
    });
  }

  private push(text: string): void {
    this.buffer += text;
    let end;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event !== undefined && data !== undefined) this.messages.push({ event, data });
    }
    for (const wake of this.waiters) wake();
  }

  /** Consumes messages up to and including the first that matches. */
  next(match: (m: SseMessage) => boolean, what: string, timeoutMs = 30_000): Promise<SseMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        while (this.messages.length > 0) {
          const message = this.messages.shift()!;
          if (match(message)) {
            cleanup();
            resolve(message);
            return;
          }
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no SSE message for ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  close(): void {
    this.req.destroy();
  }
}
