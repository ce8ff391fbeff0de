// Who may talk to the loopback server. Three checks, each for a different attacker:
// - the token: other local users and processes (and any web page) do not know it;
// - the Host header: a DNS-rebinding page resolves its own name to 127.0.0.1, but its
//   requests still carry that name as Host, so only 127.0.0.1:<port>/localhost:<port> pass;
// - the Origin header, when a browser sends one: only our own origin may POST.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time: hashing first makes the lengths equal, so length leaks nothing either. */
export function tokensEqual(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function hostAllowed(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host?.toLowerCase();
  return host !== undefined && allowedHosts(port).has(host);
}

/** Browsers send Origin on POST and on cross-origin GETs; when present it must be ours. */
export function originAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/**
 * The token from `Authorization: Bearer …` or `X-Sm8sync-Token`. Only the event stream
 * also accepts `?token=`: EventSource cannot set headers. That URL never leaves the
 * machine (loopback only), the server does not log URLs, and pages send no Referer.
 */
export function tokenFrom(request: IncomingMessage, url: URL, allowQuery: boolean): string | null {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  const header = request.headers['x-sm8sync-token'];
  if (typeof header === 'string') return header.trim();
  if (allowQuery) return url.searchParams.get('token');
  return null;
}

/**
 * The request target as a URL, or null when it is not a plain path: our pages only send
 * origin-form targets ("/api/…", "/assets/…"); an absolute URL, "//host/…" or "*" is not ours.
 */
export function requestPath(target: string | undefined, port: number): URL | null {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return null;
  try {
    return new URL(target, `http://127.0.0.1:${port}`);
  } catch {
    return null;
  }
}
