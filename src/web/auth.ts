/**
 * Who may use the dashboard: a request carrying the token as
 * `Authorization: Bearer TOKEN`, as `?token=TOKEN` (which sets an HttpOnly,
 * SameSite=Strict cookie so the page's own requests carry it), or that
 * cookie. `GET /metrics` and `GET /healthz` are open, as scrapers expect.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type AuthResult = { ok: true; via: 'header' | 'cookie' } | { ok: true; via: 'query'; setCookie: string } | { ok: false };

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant-time comparison (hashing first makes the lengths equal). */
function sameToken(given: string | undefined, token: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

export function isPublicRoute(method: string | undefined, pathname: string): boolean {
  return (method === 'GET' || method === 'HEAD') && (pathname === '/metrics' || pathname === '/healthz');
}

/** Cookies are shared by every port of a host: the name carries the port so two dashboards do not clash. */
export function cookieName(port: number): string {
  return `berth_token_${port}`;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * @example authenticate({ headers: { authorization: 'Bearer abc' } }, url, 'abc', 9615) // { ok: true, via: 'header' }
 */
export function authenticate(req: { headers: IncomingHttpHeaders }, url: URL, token: string, port: number): AuthResult {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (sameToken(bearer, token)) return { ok: true, via: 'header' };
  const query = url.searchParams.get('token') ?? undefined;
  if (sameToken(query, token)) {
    return { ok: true, via: 'query', setCookie: `${cookieName(port)}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/` };
  }
  if (sameToken(readCookie(req.headers.cookie, cookieName(port)), token)) return { ok: true, via: 'cookie' };
  return { ok: false };
}
