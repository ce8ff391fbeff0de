// One request through the simulator, in the order a real API gateway would apply its
// checks: latency → authentication (401) → rate limit (429) → injected fault (5xx) →
// scope (403) → the REST handler. OAuth endpoints sit outside /api_1.0 and its limit.
import type http from 'node:http';
import type { SlidingWindowLimiter } from '../../core/util/sliding-window-limiter';
import { holdUntilClientCloses, type FaultInjector } from '../shared/faults';
import { headerOf, readBody } from '../shared/http-server';
import type { SimulatorAuth } from './auth';
import type { FilterBehaviour } from './filter';
import { handleAccessToken, handleAuthorize } from './oauth-routes';
import { ApiError, sendError, sendJson } from './responses';
import { handleRest, parseRoute, requiredScope } from './rest-routes';
import { hasScope } from './scopes';
import { parseClockBody, type SimClock } from './sim-clock';
import type { WriteContext } from './write-rules';

export interface SimulatorStats {
  /** Every HTTP request received, OAuth endpoints included. */
  requests: number;
  /** Responses sent, by status code (dropped writes are not counted here). */
  byStatus: Record<number, number>;
  /** Arrival times (ms since epoch) of /api_1.0 requests, newest last, capped at 100,000. */
  arrivals: number[];
  droppedWrites: number;
  /** Requests held unanswered until the client gave up (injected timeouts). */
  hungRequests: number;
}

export interface SimulatorState extends WriteContext {
  clock: SimClock;
  auth: SimulatorAuth;
  faults: FaultInjector;
  /** One limiter per rate-limit bucket (API key, or OAuth client); undefined when limits are off. */
  limiterFor?: (bucket: string) => SlidingWindowLimiter;
  perDay: number;
  pageSize: number;
  filter: FilterBehaviour;
  redirectHosts: string[];
  stats: SimulatorStats;
}

const MAX_ARRIVALS = 100_000;

export async function handleRequest(state: SimulatorState, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  state.stats.requests += 1;
  response.on('finish', () => {
    state.stats.byStatus[response.statusCode] = (state.stats.byStatus[response.statusCode] ?? 0) + 1;
  });
  await state.faults.delay();
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const method = request.method ?? 'GET';
  if (url.pathname === '/oauth/authorize') return handleAuthorize(state.auth, url, response, state.redirectHosts);
  if (url.pathname === '/oauth/access_token') return handleAccessToken(state.auth, request, response);
  try {
    if (url.pathname === '/_sim/clock') return await handleClock(state, request, response, method);
    await handleApi(state, request, response, url, method);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    sendError(response, error.status, error.message);
  }
}

async function handleApi(
  state: SimulatorState,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  url: URL,
  method: string,
): Promise<void> {
  const arrivals = state.stats.arrivals;
  arrivals.push(Date.now());
  if (arrivals.length > MAX_ARRIVALS) arrivals.splice(0, arrivals.length - MAX_ARRIVALS);
  // Read the body first so an early error never leaves an unread body on a keep-alive connection.
  const rawBody = method === 'POST' ? await readBody(request) : '';
  const route = parseRoute(url.pathname);
  const apiKey = headerOf(request, 'x-api-key');
  const authorization = headerOf(request, 'authorization');
  if (apiKey === undefined && authorization === undefined)
    throw new ApiError(401, 'Authentication required: send an X-API-Key header or an OAuth bearer token');
  const principal = state.auth.authenticate(apiKey, authorization);
  // Assumption A1: the 401 text is ours; the reference gives only the status code.
  if (!principal) throw new ApiError(401, apiKey !== undefined ? 'Invalid API key' : 'Invalid or expired access token');
  const limiter = state.limiterFor?.(principal.bucket);
  if (limiter && !limiter.tryAcquire().ok) {
    const dayExceeded = limiter.used(1) >= state.perDay;
    // The real messages (reference §6). Assumption A14: per-bucket counting, JSON body, no Retry-After (none documented).
    throw new ApiError(429, `Number of allowed API requests per ${dayExceeded ? 'day' : 'minute'} exceeded`);
  }
  if (state.faults.shouldFail())
    throw new ApiError(state.stats.requests % 2 === 0 ? 500 : 503, 'Service temporarily unavailable (injected fault)');
  const scope = requiredScope(route, method);
  if (!hasScope(principal.scopes, scope)) throw new ApiError(403, `insufficient_scope: "${scope}" scope required to access this resource`);
  const impersonate = headerOf(request, 'x-impersonate-uuid');
  // Assumption A23: impersonation must name an existing staff member.
  if (impersonate !== undefined && !state.store.get('staff', impersonate.toLowerCase()))
    throw new ApiError(403, 'Invalid x-impersonate-uuid');
  const body = method === 'POST' ? parseJsonBody(rawBody) : undefined;
  const reply = handleRest(state, route, method, url.searchParams, body, { pageSize: state.pageSize, filter: state.filter });
  if (state.faults.shouldHang()) {
    // The work is done (a write committed); the answer never comes.
    state.stats.hungRequests += 1;
    return holdUntilClientCloses(response);
  }
  if (reply.wrote && state.faults.shouldDropAfterWrite()) {
    // The write is committed; the client only sees its connection die.
    state.stats.droppedWrites += 1;
    request.socket.destroy();
    return;
  }
  sendJson(response, reply.status, reply.body, reply.headers);
}

/**
 * Test-only control, outside /api_1.0 and its rate limit: GET reads the simulated time,
 * POST {"now": ISO} sets it. Only the account's API key may use it.
 */
async function handleClock(state: SimulatorState, request: http.IncomingMessage, response: http.ServerResponse, method: string) {
  const body = method === 'POST' ? parseJsonBody(await readBody(request)) : undefined;
  const apiKey = headerOf(request, 'x-api-key');
  if (apiKey === undefined || !state.auth.authenticate(apiKey, undefined))
    throw new ApiError(401, 'The simulator clock needs the X-API-Key header');
  if (method === 'POST') {
    const instant = parseClockBody(body);
    if (typeof instant === 'string') throw new ApiError(400, instant);
    state.clock.set(instant);
  } else if (method !== 'GET') throw new ApiError(405, `Method ${method} not allowed`);
  sendJson(response, 200, { now: state.clock.now().toISOString() });
}

function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'Request body is not valid JSON');
  }
}
