/**
 * What one probe attempt tells: healthy or not, and why not (for events).
 */
export interface ProbeResult {
  ok: boolean;
  /** Why it failed, one line: "HTTP 503", "connect ECONNREFUSED 127.0.0.1:3000", "timed out after 1000 ms". */
  message?: string;
}

/** Only loopback: a probe must never become a way to make the controller reach other hosts. */
export function checkLoopbackHost(host: string): string {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === '127.0.0.1' || bare === '::1' || bare === 'localhost') return bare === 'localhost' ? '127.0.0.1' : bare;
  throw new Error(`probe host '${host}' is not allowed: expected 127.0.0.1 or ::1`);
}

/** The loopback hostname to probe, or the failed result that says why `host` is refused. */
export function resolveLoopbackHost(host: string): { hostname: string; refused?: undefined } | { hostname?: undefined; refused: ProbeResult } {
  try {
    return { hostname: checkLoopbackHost(host) };
  } catch (err) {
    return { refused: { ok: false, message: (err as Error).message } };
  }
}

/** An AbortSignal that fires on `parent` or after `timeoutMs`, whichever comes first. */
export function withTimeout(parent: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return parent ? AbortSignal.any([parent, timeout]) : timeout;
}

export function failureMessage(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  return e?.cause?.message ?? e?.message ?? String(err);
}
