// `sm8sync serve`: the app API and the UI over loopback HTTP for a browser.
//   POST /api/<method>   JSON params → the backend's ApiResponse (always a result object)
//   GET  /api/events     server-sent events (status, activity, conflictsChanged)
//   GET  /*              the built renderer
// Bound to 127.0.0.1 only. Every /api request needs the random token; every request
// needs our own Host header (DNS rebinding). See request-guard.ts for why each check.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isApiMethod, type ApiError } from '../../shared/api';
import type { AppBackend } from '../core/app/app-backend';
import { createLogger } from '../core/logging/logger';
import { openEventStream } from './event-stream';
import { BodyError, readJsonBody } from './json-body';
import { createToken, hostAllowed, originAllowed, requestPath, tokenFrom, tokensEqual } from './request-guard';
import { applySecurityHeaders, sendJson } from './security-headers';
import { serveStatic } from './static-files';

const log = createLogger('server/app');

export interface AppServerOptions {
  backend: AppBackend;
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Fixed token for tests; a fresh random 32-byte token otherwise. */
  token?: string;
  heartbeatMs?: number;
}

export interface AppServer {
  /** Open this in a browser: the token rides in the fragment, which is never sent over HTTP. */
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

function refuse(
  response: ServerResponse,
  status: number,
  code: ApiError['code'],
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(response, status, { ok: false, error: { code, message } }, headers);
}

/** 405 names the methods the path does take (RFC 9110 requires Allow on a 405). */
function wrongMethod(response: ServerResponse, allow: string): void {
  refuse(response, 405, 'forbidden', `method not allowed: use ${allow}`, { Allow: allow });
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const token = options.token ?? createToken();
  const streams = new Set<() => void>();
  let port = 0;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    applySecurityHeaders(response);
    if (!hostAllowed(request, port)) return refuse(response, 403, 'forbidden', 'unexpected Host header');
    const url = requestPath(request.url, port);
    if (!url) return refuse(response, 400, 'invalid_params', 'the request target must be a path');
    if (!url.pathname.startsWith('/api/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return wrongMethod(response, 'GET, HEAD');
      return serveStatic(options.rendererDir, url.pathname, response);
    }
    if (!originAllowed(request, port)) return refuse(response, 403, 'forbidden', 'cross-origin request refused');
    const isEvents = url.pathname === '/api/events';
    if (!tokensEqual(token, tokenFrom(request, url, isEvents))) return refuse(response, 401, 'forbidden', 'missing or wrong token');
    if (isEvents) {
      if (request.method !== 'GET') return wrongMethod(response, 'GET');
      const close = openEventStream(options.backend, request, response, options.heartbeatMs);
      streams.add(close);
      request.on('close', () => streams.delete(close));
      return;
    }
    if (request.method !== 'POST') return wrongMethod(response, 'POST');
    const method = url.pathname.slice('/api/'.length);
    if (!isApiMethod(method)) return refuse(response, 404, 'not_found', 'unknown method');
    let params: unknown;
    try {
      params = await readJsonBody(request);
    } catch (error) {
      if (error instanceof BodyError) return refuse(response, error.status, 'invalid_params', error.message);
      throw error;
    }
    const answer = await options.backend.invoke(method, params);
    // Params the contract refuses are the caller's mistake: 400, with the reason in the body.
    sendJson(response, !answer.ok && answer.error.code === 'invalid_params' ? 400 : 200, answer);
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log.error({ err: error }, 'request failed');
      if (!response.headersSent) refuse(response, 500, 'failed', 'internal error');
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  log.info({ port }, 'serving the app on loopback');
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const close of streams) close();
        streams.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
