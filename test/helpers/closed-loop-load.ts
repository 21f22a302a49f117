/**
 * A closed-loop HTTP load generator: N clients, each sending its next GET as
 * soon as the previous one ended (a new connection every time, no
 * keep-alive), to 127.0.0.1. Records every request (start, end, ok, the PID
 * that answered), so a test counts failures and PIDs and a benchmark
 * computes percentiles over any time window. Used by the socket tests and
 * by bench/ (from dist/).
 */
import http from 'node:http';

export interface RequestSample {
  /** performance.now() when sent and when it ended. */
  start: number;
  end: number;
  ok: boolean;
  pid?: number;
  error?: string;
}

export interface LoadRun {
  /** Requests finished so far (ok or not). */
  count(): number;
  /** The request that finished last, if any. */
  latest(): RequestSample | undefined;
  /** Stops the clients after their current request and returns every sample. */
  stop(): Promise<RequestSample[]>;
}

export interface LoadOptions {
  port: number;
  host?: string;
  clients?: number;
  path?: string;
  /** A request that takes longer fails. */
  timeoutMs?: number;
  /** Each client waits this long after a request ends before the next (still closed-loop; spares the CPU tests share). Default 0. */
  thinkMs?: number;
}

function getOnce({ port, host = '127.0.0.1', path = '/', timeoutMs = 10_000 }: LoadOptions): Promise<RequestSample> {
  const start = performance.now();
  return new Promise((resolve) => {
    const done = (sample: Omit<RequestSample, 'start' | 'end'>) => resolve({ start, end: performance.now(), ...sample });
    const req = http.get({ host, port, path, agent: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('error', (err) => done({ ok: false, error: err.message }));
      res.on('end', () => {
        if (res.statusCode !== 200) return done({ ok: false, error: `HTTP ${res.statusCode}` });
        try {
          done({ ok: true, pid: (JSON.parse(body) as { pid?: number }).pid });
        } catch {
          done({ ok: false, error: `bad body ${JSON.stringify(body.slice(0, 80))}` });
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on('error', (err) => done({ ok: false, error: (err as NodeJS.ErrnoException).code ?? err.message }));
  });
}

/**
 * @example
 * const load = startClosedLoopLoad({ port, clients: 8 });
 * ... reload ...
 * const samples = await load.stop();
 * assert.equal(samples.filter((s) => !s.ok).length, 0);
 */
export function startClosedLoopLoad(options: LoadOptions): LoadRun {
  const samples: RequestSample[] = [];
  let stopped = false;
  const client = async (): Promise<void> => {
    while (!stopped) {
      samples.push(await getOnce(options));
      if (options.thinkMs) await new Promise((resolve) => setTimeout(resolve, options.thinkMs));
    }
  };
  const clients = Array.from({ length: options.clients ?? 8 }, client);
  return {
    count: () => samples.length,
    latest: () => samples.at(-1),
    stop: async () => {
      stopped = true;
      await Promise.all(clients);
      return samples;
    },
  };
}

/** The p-th percentile (0-100) of the durations of `samples`, or null when empty. */
export function percentile(samples: readonly RequestSample[], p: number): number | null {
  const durations = samples.map((s) => s.end - s.start).sort((a, b) => a - b);
  if (durations.length === 0) return null;
  return durations[Math.min(durations.length - 1, Math.max(0, Math.ceil((p / 100) * durations.length) - 1))]!;
}
